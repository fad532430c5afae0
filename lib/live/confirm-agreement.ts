import { and, eq } from 'drizzle-orm';
import { agreementConfirmations, agreements } from '@/db/schema';
import { agreementNotFound, withAgreement } from '@/lib/agreements/access';
import { audit, auditDenied, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';
import type { ConfirmationInput } from './schemas';
import type { ConfirmationResult } from '@/lib/meetings/meeting-views';
import { authorize } from '@/lib/access/policy';

/**
 * The owning organisation's professional answers an agreement made for it: akkoord, or a question back.
 * Anyone else gets 404, as for an agreement they cannot see. The same answer twice changes nothing.
 */
export async function confirmAgreement(actor: Actor, agreementId: unknown, input: ConfirmationInput, now = new Date()): Promise<ConfirmationResult> {
  // Only a professional of an organisation can be the owner; who is, the query below decides.
  if (authorize(actor, 'agreement.confirm', 'owner') !== 'allow') {
    await auditDenied(actor, { action: 'denied', entity: 'agreement', entityId: String(agreementId).slice(0, 64), details: { attempted: 'agreement.confirm' } });
    throw agreementNotFound();
  }
  const outcome = await withAgreement(actor, agreementId, 'agreement.log', async (tx, ctx) => {
    const [agreement] = await tx
      .select({ id: agreements.id, status: agreements.status })
      .from(agreements)
      .where(and(eq(agreements.id, ctx.agreementId), eq(agreements.ownerOrganisationId, actor.organisationId)));
    if (!agreement) return { denied: ctx.agreementId };
    if (agreement.status !== 'open' && agreement.status !== 'in_uitvoering') {
      throw new AppError('VALIDATION', msg('live.alreadyClosedNoConfirm'));
    }
    const question = input.response === 'vraag' ? input.question : null;
    const [existing] = await tx.select().from(agreementConfirmations).where(eq(agreementConfirmations.agreementId, agreement.id));
    if (existing && existing.response === input.response && existing.question === question) {
      return { value: { agreementId: agreement.id, response: existing.response, question: existing.question, at: existing.updatedAt, changed: false } };
    }
    const [row] = await tx
      .insert(agreementConfirmations)
      .values({ agreementId: agreement.id, organisationId: actor.organisationId, userId: actor.userId, response: input.response, question, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: agreementConfirmations.agreementId,
        set: { response: input.response, question, userId: actor.userId, updatedAt: now },
      })
      .returning();
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'agreement',
      entityId: agreement.id,
      caseId: ctx.ref.id,
      details: { confirmation: input.response },
    });
    return { value: { agreementId: row!.agreementId, response: row!.response, question: row!.question, at: row!.updatedAt, changed: true } };
  });
  if ('denied' in outcome) {
    await auditDenied(actor, { action: 'denied', entity: 'agreement', entityId: outcome.denied, details: { attempted: 'agreement.confirm' } });
    throw agreementNotFound();
  }
  return outcome.value;
}
