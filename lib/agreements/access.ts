import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import type { CaseAction } from '@/lib/access/matrix';
import type { Actor } from '@/lib/actor';
import { CaseLookup, withCase, type CaseContext } from '@/lib/cases/access';
import { msg, NotFoundError } from '@/lib/errors';
import { agreementIdSchema } from './schemas';

export const agreementNotFound = () => new NotFoundError('agreement', msg('agreements.notFound'));

/**
 * An agreement is as visible as its case: the case's rules decide, and an agreement the actor may not
 * see answers exactly like one that does not exist. Exactly: both take the same road (the agreement's
 * case is looked up, the case is checked for the actor, the refusal is audited as an attempt on the
 * agreement), so neither the answer, nor its time, nor the audit log tells an outsider which it was.
 */
export async function withAgreement<T>(
  actor: Actor,
  agreementId: unknown,
  action: CaseAction,
  fn: (tx: Tx, ctx: CaseContext & { agreementId: string }) => Promise<T>,
): Promise<T> {
  const parsed = agreementIdSchema.safeParse(agreementId);
  if (!parsed.success) throw new NotFoundError('agreement', parsed.error.issues[0]!.message);
  const id = parsed.data;
  // Its case looked up whatever the actor may see (a definer function), in the statement that checks it.
  const caseOf = new CaseLookup(sql`agreement_case_id(${id}::uuid)`);
  try {
    return await withCase(actor, caseOf, action, (tx, ctx) => fn(tx, { ...ctx, agreementId: id }), {
      deniedEntity: { entity: 'agreement', entityId: id },
    });
  } catch (error) {
    if (error instanceof NotFoundError && error.kind === 'case') throw agreementNotFound();
    throw error;
  }
}
