import type { caseEvents, cases } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { withCase } from './access';
import { assertCurrentVersion, commitCaseChange } from './commit-case-change';
import { applyTransition } from './lifecycle';
import { assertNotMerged } from './referral-matches';
import type { TransitionInput } from './schemas';
import type { TransitionResult } from './case-views';

/** Moves a case through its lifecycle (triage, monitoring, closure, pause); every step is recorded. */
export async function transitionCase(actor: Actor, caseId: unknown, input: TransitionInput, now = new Date()): Promise<TransitionResult> {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    assertCurrentVersion(ref, input.version);
    const result = applyTransition({ status: ref.status, pauseReason: ref.pauseReason }, input);
    if (!result.ok) throw new AppError('VALIDATION', result.message, { action: [result.message] });

    const set: Partial<typeof cases.$inferInsert> = { status: result.status, pauseReason: result.pauseReason };
    let kind: (typeof caseEvents.$inferInsert)['kind'] = 'status';
    let data: Record<string, string> | null = null;
    let reason: string | null = 'reason' in input ? (input.reason ?? null) : null;
    switch (input.action) {
      case 'triage':
        if (input.decision === 'in_behandeling') await assertNotMerged(tx, ref.id);
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
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, set, {
      kind,
      at: now,
      fromStatus: ref.status,
      toStatus: result.status,
      reason,
      data,
      audit: { transition: input.action, from: ref.status, to: result.status },
    });
    return { id: ref.id, status: updated.status, version: updated.version };
  });
}
