import { and, eq, sql } from 'drizzle-orm';
import { agreementDueChanges, agreements } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, validation } from '@/lib/http/errors';
import { withAgreement } from './access';
import type { UpdateAgreementInput } from './schemas';

/** The regisseur edits an agreement; a new due date needs a reason and is kept in its history. */
export async function updateAgreement(actor: Actor, agreementId: unknown, input: UpdateAgreementInput, now = new Date()) {
  return withAgreement(actor, agreementId, 'agreement.update', async (tx, { ref, agreementId: id }) => {
    const [current] = await tx.select().from(agreements).where(eq(agreements.id, id));
    if (!current) throw validation({ _: ['Afspraak niet gevonden.'] });
    if (current.version !== input.version) throw conflict();
    const moved = input.dueDate !== undefined && input.dueDate !== current.dueDate;
    const changes: Partial<typeof agreements.$inferInsert> = {};
    if (input.description !== undefined && input.description !== current.description) changes.description = input.description;
    if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
    if (moved) changes.dueDate = input.dueDate;
    if (Object.keys(changes).length === 0) throw validation({ _: ['Er is niets gewijzigd.'] }, 'Er is niets gewijzigd.');
    const [updated] = await tx
      .update(agreements)
      .set({
        ...changes,
        ...(moved && { dueDateMoves: sql`${agreements.dueDateMoves} + 1` }),
        version: sql`${agreements.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(agreements.id, id), eq(agreements.version, input.version)))
      .returning({ version: agreements.version, dueDateMoves: agreements.dueDateMoves });
    if (!updated) throw conflict();
    if (moved) {
      await tx.insert(agreementDueChanges).values({
        agreementId: id,
        fromDate: current.dueDate,
        toDate: input.dueDate!,
        reason: input.dueDateReason!,
        changedByUserId: actor.userId,
        at: now,
      });
    }
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'agreement',
      entityId: id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { fields: Object.keys(changes) },
    });
    return { id, version: updated.version, dueDateMoves: updated.dueDateMoves };
  });
}
