import { and, eq, sql } from 'drizzle-orm';
import { caseEvents, cases } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, conflict } from '@/lib/errors';
import { withCase } from './access';
import { applyTransition } from './lifecycle';
import type { TransitionInput } from './schemas';

/** Moves a case through its lifecycle (triage, monitoring, closure, pause); every step is recorded. */
export async function transitionCase(actor: Actor, caseId: unknown, input: TransitionInput, now = new Date()) {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    if (ref.version !== input.version) throw conflict();
    const result = applyTransition({ status: ref.status, pauseReason: ref.pauseReason }, input);
    if (!result.ok) throw new AppError('VALIDATION', result.message, { action: [result.message] });

    const set: Partial<typeof cases.$inferInsert> = { status: result.status, pauseReason: result.pauseReason, updatedAt: now };
    let kind: (typeof caseEvents.$inferInsert)['kind'] = 'status';
    let data: Record<string, string> | null = null;
    let reason: string | null = 'reason' in input ? (input.reason ?? null) : null;
    switch (input.action) {
      case 'triage':
        kind = 'triage';
        data = { decision: input.decision };
        Object.assign(set, { triageDecision: input.decision, triageReason: input.reason, triagedAt: now });
        if (result.status === 'afgewezen') Object.assign(set, { closedAt: now });
        break;
      case 'close':
        reason = input.result;
        Object.assign(set, { closureResult: input.result, closedAt: now });
        break;
      case 'pause':
        kind = 'pause';
        data = { pauseReason: input.pauseReason };
        Object.assign(set, { pausedAt: now });
        break;
      case 'resume':
        kind = 'resume';
        data = { pauseReason: ref.pauseReason ?? '' };
        Object.assign(set, { pausedAt: null });
        break;
    }
    const [updated] = await tx
      .update(cases)
      .set({ ...set, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.id, ref.id), eq(cases.version, input.version)))
      .returning({ version: cases.version, status: cases.status });
    if (!updated) throw conflict();
    await tx.insert(caseEvents).values({
      caseId: ref.id,
      kind,
      fromStatus: ref.status,
      toStatus: result.status,
      reason,
      data,
      actorUserId: actor.userId,
      at: now,
    });
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'case',
      entityId: ref.id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { transition: input.action, from: ref.status, to: result.status },
    });
    return { id: ref.id, status: updated.status, version: updated.version };
  });
}
