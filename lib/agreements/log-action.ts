import { and, eq, sql } from 'drizzle-orm';
import { agreementActions, agreements, cases } from '@/db/schema';
import type { Tx } from '@/db/types';
import { auditAppend, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import { notifyUsers, regisseursOf } from '@/lib/notify/in-app';
import { raiseBlockedSignal } from '@/lib/stagnation/raise-blocked';
import { withAgreement } from './access';
import type { LogActionInput } from './schemas';
import { isFinishedAgreement } from './statuses';
import { authorize } from '@/lib/access/policy';

type StoredAction = typeof agreementActions.$inferSelect;

/** The entry stored earlier under this key, if any; a key reused for another request is refused. */
async function earlierEntry(tx: Tx, actor: Actor, agreementId: string, input: LogActionInput): Promise<StoredAction | null> {
  if (!input.idempotencyKey) return null;
  const [existing] = await tx
    .select()
    .from(agreementActions)
    .where(and(eq(agreementActions.authorUserId, actor.userId), eq(agreementActions.idempotencyKey, input.idempotencyKey)));
  if (!existing) return null;
  if (existing.agreementId !== agreementId) {
    throw validation({ idempotencyKey: [msg('agreements.keyUsedForOtherAgreement')] });
  }
  if (existing.kind !== input.kind || existing.note !== input.note) {
    throw validation({ idempotencyKey: [msg('agreements.keyUsedForOtherRequest')] });
  }
  return existing;
}

/**
 * The agreement locked for a progress entry, with what the entry needs of it: one statement. FOR UPDATE
 * passes the update policy, which the owning organisation (and a regisseur) does. A row missing then is
 * told apart, by a read without the lock: someone else's agreement (403) or none the actor may see (404).
 */
async function lockForProgress(tx: Tx, actor: Actor, id: string) {
  const columns = { ownerOrganisationId: agreements.ownerOrganisationId, regisseurUserId: cases.regisseurUserId, status: agreements.status };
  const read = () => tx.select(columns).from(agreements).innerJoin(cases, eq(cases.id, agreements.caseId)).where(eq(agreements.id, id));
  const [locked] = await read().for('update', { of: agreements });
  const [agreement] = locked ? [locked] : await read();
  if (!agreement) throw new AppError('NOT_FOUND', msg('agreements.notFound'));
  if (authorize(actor, 'agreement.progress', agreement.ownerOrganisationId === actor.organisationId ? 'owner' : 'other') !== 'allow') {
    throw new AppError('FORBIDDEN', msg('agreements.onlyOwnerLogsProgress'));
  }
  // Seen and allowed, yet not lockable: the update policy refuses it, and an agreement one may not change is not found.
  if (!locked) throw new AppError('NOT_FOUND', msg('agreements.notFound'));
  return agreement;
}

/**
 * A progress entry, "done" with a note, or "blocked" with a reason (which notifies the regisseur).
 * With an idempotency key a retried or double-clicked request is stored once and answered the same,
 * also when both copies arrive at the same moment: the agreement row is locked first, so the second
 * request waits for the first and then finds its entry.
 */
export async function logAction(actor: Actor, agreementId: unknown, input: LogActionInput, now = new Date()) {
  return withAgreement(actor, agreementId, 'agreement.log', async (tx, { ref, agreementId: id }) => {
    const agreement = await lockForProgress(tx, actor, id);
    const earlier = await earlierEntry(tx, actor, id, input);
    if (earlier) return { action: earlier, replayed: true };
    if (isFinishedAgreement(agreement.status)) {
      throw validation({ kind: [msg('agreements.closedNoProgress')] }, msg('agreements.closed'));
    }
    const changes: Partial<typeof agreements.$inferInsert> = { lastProgressAt: now, updatedAt: now };
    if (input.kind === 'voortgang' && agreement.status === 'open') changes.status = 'in_uitvoering';
    if (input.kind === 'gereed') Object.assign(changes, { status: 'gereed', completedAt: now, completionNote: input.note, blockedAt: null, blockedReason: null });
    if (input.kind === 'geblokkeerd') Object.assign(changes, { blockedAt: now, blockedReason: input.note });
    // The entry, the agreement's update and its audit entry in one statement (one round trip); the update
    // and the audit entry happen only when the entry was stored.
    const entry = tx.$with('entry').as(
      tx
        .insert(agreementActions)
        .values({
          agreementId: id,
          kind: input.kind,
          note: input.note,
          authorUserId: actor.userId,
          authorOrganisationId: actor.organisationId,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        })
        // The same key on another agreement of this user, at the same moment: answered as a replay below.
        .onConflictDoNothing({ target: [agreementActions.authorUserId, agreementActions.idempotencyKey] })
        .returning(),
    );
    const changed = tx.$with('changed').as(
      tx
        .update(agreements)
        .set({ ...changes, version: sql`${agreements.version} + 1` })
        .where(and(eq(agreements.id, id), sql`exists (select 1 from ${entry})`))
        .returning({
          logged: auditAppend(subjectOf(actor), {
            action: 'update',
            entity: 'agreement-action',
            entityId: sql`(select ${entry.id}::text from ${entry})`,
            caseId: ref.id,
            caseNumber: ref.number,
            details: { agreementId: id, kind: input.kind },
          }),
        }),
    );
    // PostgreSQL runs a data-modifying WITH to the end whether or not the query reads it.
    const [action] = await tx.with(entry, changed).select().from(entry);
    if (!action) {
      const raced = await earlierEntry(tx, actor, id, input);
      if (raced) return { action: raced, replayed: true };
      throw validation({ idempotencyKey: [msg('agreements.keyUsedForOtherRequest')] });
    }
    if (input.kind === 'geblokkeerd') {
      // The signal opens now, not at the next sweep: the regisseur can act on it today.
      await raiseBlockedSignal(tx, { id, caseId: ref.id, blockedAt: now }, now);
      await notifyUsers(
        tx,
        await regisseursOf(tx, agreement.regisseurUserId),
        { kind: 'agreement-blocked', title: `Afspraak in ${ref.number} gemeld als geblokkeerd`, link: `/cases/${ref.id}#agreements`, caseNumber: ref.number, caseId: ref.id },
        { except: actor.userId },
      );
    }
    return { action, replayed: false };
  });
}
