import { eq } from 'drizzle-orm';
import { agreements } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { CaseAction } from '@/lib/access/matrix';
import type { Actor } from '@/lib/auth/sessions';
import { withCase, type CaseContext } from '@/lib/cases/access';
import { AppError } from '@/lib/http/errors';
import { agreementIdSchema } from './schemas';

export const agreementNotFound = () => new AppError('NOT_FOUND', 'Afspraak niet gevonden.');

/**
 * An agreement is as visible as its case: the case's rules decide, and an agreement the actor may not
 * see answers exactly like one that does not exist.
 */
export async function withAgreement<T>(
  actor: Actor,
  agreementId: unknown,
  action: CaseAction,
  fn: (tx: Tx, ctx: CaseContext & { agreementId: string }) => Promise<T>,
): Promise<T> {
  const parsed = agreementIdSchema.safeParse(agreementId);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  const id = parsed.data;
  const caseId = await asSystem(async (tx) => {
    const [row] = await tx.select({ caseId: agreements.caseId }).from(agreements).where(eq(agreements.id, id));
    return row?.caseId;
  });
  if (!caseId) throw agreementNotFound();
  try {
    return await withCase(actor, caseId, action, (tx, ctx) => fn(tx, { ...ctx, agreementId: id }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND' && error.message === 'Casus niet gevonden.') {
      throw agreementNotFound();
    }
    throw error;
  }
}
