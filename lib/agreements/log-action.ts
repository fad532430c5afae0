import { and, eq, sql } from 'drizzle-orm';
import { agreementActions, agreements, cases } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/sessions';
import { AppError, validation } from '@/lib/http/errors';
import { notifyUsers, regisseursOf } from '@/lib/notify/in-app';
import { withAgreement } from './access';
import type { LogActionInput } from './schemas';

const FINISHED = ['gereed', 'niet_nagekomen', 'vervallen'];

/**
 * A progress entry, "done" with a note, or "blocked" with a reason (which notifies the regisseur).
 * With an idempotency key a retried or double-clicked request is stored once and answered the same.
 */
export async function logAction(actor: Actor, agreementId: unknown, input: LogActionInput, now = new Date()) {
  return withAgreement(actor, agreementId, 'agreement.log', async (tx, { ref, agreementId: id }) => {
    const [agreement] = await tx
      .select({
        ownerOrganisationId: agreements.ownerOrganisationId,
        status: agreements.status,
        regisseurUserId: cases.regisseurUserId,
      })
      .from(agreements)
      .innerJoin(cases, eq(cases.id, agreements.caseId))
      .where(eq(agreements.id, id));
    if (!agreement) throw new AppError('NOT_FOUND', 'Afspraak niet gevonden.');
    if (actor.role !== 'regisseur' && agreement.ownerOrganisationId !== actor.organisationId) {
      throw new AppError('FORBIDDEN', 'Alleen de uitvoerende organisatie legt voortgang vast op deze afspraak.');
    }
    if (input.idempotencyKey) {
      const [existing] = await tx
        .select()
        .from(agreementActions)
        .where(and(eq(agreementActions.authorUserId, actor.userId), eq(agreementActions.idempotencyKey, input.idempotencyKey)));
      if (existing) {
        if (existing.agreementId !== id) throw validation({ idempotencyKey: ['Deze sleutel is al gebruikt voor een andere afspraak.'] });
        return { action: existing, replayed: true };
      }
    }
    if (FINISHED.includes(agreement.status)) {
      throw validation({ kind: ['Deze afspraak is afgerond; er kan geen voortgang meer bij.'] }, 'Deze afspraak is afgerond.');
    }
    const [action] = await tx
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
      .returning();
    const changes: Partial<typeof agreements.$inferInsert> = { lastProgressAt: now, updatedAt: now };
    if (input.kind === 'voortgang' && agreement.status === 'open') changes.status = 'in_uitvoering';
    if (input.kind === 'gereed') Object.assign(changes, { status: 'gereed', completedAt: now, completionNote: input.note, blockedAt: null, blockedReason: null });
    if (input.kind === 'geblokkeerd') Object.assign(changes, { blockedAt: now, blockedReason: input.note });
    await tx
      .update(agreements)
      .set({ ...changes, version: sql`${agreements.version} + 1` })
      .where(eq(agreements.id, id));
    if (input.kind === 'geblokkeerd') {
      await notifyUsers(tx, await regisseursOf(tx, agreement.regisseurUserId), {
        kind: 'agreement-blocked',
        title: `Afspraak in ${ref.number} gemeld als geblokkeerd`,
        link: `/cases/${ref.id}#agreements`,
        caseNumber: ref.number,
      });
    }
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'agreement-action',
      entityId: action!.id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { agreementId: id, kind: input.kind },
    });
    return { action: action!, replayed: false };
  });
}
