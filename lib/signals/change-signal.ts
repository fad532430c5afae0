import { and, eq, ne, sql } from 'drizzle-orm';
import { caseFacts, signals } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, conflict, msg } from '@/lib/errors';
import type { z } from '@/lib/validation/zod';
import { assertSignalEditor, signalNotFound } from './access';
import { resolveSignalSchema, signalIdSchema, snoozeSignalSchema, type ResolveSignalInput, type SnoozeSignalInput } from './schemas';
import { parseOrThrow } from '@/lib/validation/parse';
import type { SignalChangeResult } from './signal-views';

export type { SignalChangeResult };

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseOrThrow(schema, input);
}

function parseId(id: unknown): string {
  const parsed = signalIdSchema.safeParse(id);
  if (!parsed.success) throw signalNotFound();
  return parsed.data;
}

/**
 * Applies a change to a signal that is not resolved yet, at the version the regisseur read; otherwise
 * tells why not: unknown (404), resolved meanwhile or changed by someone else or the sweep (409).
 */
async function change(
  actor: Actor,
  id: string,
  version: number,
  set: Partial<typeof signals.$inferInsert>,
  what: 'resolve' | 'snooze',
  details: Record<string, unknown>,
): Promise<SignalChangeResult> {
  return asUser(actor.userId, async (tx: Tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(signals)
      .set({ ...set, updatedAt: now, version: sql`${signals.version} + 1` })
      .where(and(eq(signals.id, id), eq(signals.version, version), ne(signals.status, 'resolved')))
      .returning({ id: signals.id, caseId: signals.caseId, rule: signals.rule, status: signals.status, version: signals.version });
    if (!updated) {
      const [current] = await tx.select({ status: signals.status }).from(signals).where(eq(signals.id, id));
      if (!current) throw signalNotFound();
      if (current.status === 'resolved') {
        throw new AppError('CONFLICT', msg('signals.alreadyResolved'));
      }
      throw conflict();
    }
    const [facts] = updated.caseId
      ? await tx.select({ number: caseFacts.number }).from(caseFacts).where(eq(caseFacts.id, updated.caseId))
      : [];
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'signal',
      entityId: id,
      caseId: updated.caseId,
      caseNumber: facts?.number ?? null,
      details: { change: what, rule: updated.rule, ...details },
    });
    return { id, caseId: updated.caseId, status: updated.status as SignalChangeResult['status'], version: updated.version };
  });
}

/** A regisseur resolves a signal with a note on how it was handled. */
export async function resolveSignal(actor: Actor, signalId: unknown, raw: ResolveSignalInput | unknown): Promise<SignalChangeResult> {
  const id = parseId(signalId);
  await assertSignalEditor(actor, id, 'signal.resolve');
  const input = parse(resolveSignalSchema, raw);
  return change(
    actor,
    id,
    input.version,
    {
      status: 'resolved',
      resolvedAt: new Date(),
      resolvedByUserId: actor.userId,
      resolutionNote: input.note,
      autoResolved: false,
      snoozedUntil: null,
    },
    'resolve',
    {},
  );
}

/** A regisseur snoozes a signal until a day after today, with a reason; it comes back on that day. */
export async function snoozeSignal(actor: Actor, signalId: unknown, raw: SnoozeSignalInput | unknown): Promise<SignalChangeResult> {
  const id = parseId(signalId);
  await assertSignalEditor(actor, id, 'signal.snooze');
  const input = parse(snoozeSignalSchema, raw);
  return change(actor, id, input.version, { status: 'snoozed', snoozedUntil: input.until, snoozeReason: input.reason }, 'snooze', {
    until: input.until,
  });
}
