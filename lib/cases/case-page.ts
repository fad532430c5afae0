import { and, eq, isNull } from 'drizzle-orm';
import { casePartners, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { withCase } from './access';
import { loadTimeline } from './timeline';

/** The timeline of a case, for those who may see the case in full or as a partner. */
export async function getTimeline(actor: Actor, caseId: unknown) {
  return withCase(actor, caseId, 'partner.list', async (tx, { ref, decision }) =>
    decision === 'pseudonymised' ? [] : loadTimeline(tx, ref.id),
  );
}

/** Professionals of the convened organisations: who can be named case lead. */
export async function caseLeadCandidates(actor: Actor, caseId: unknown) {
  return withCase(actor, caseId, 'partner.lead', (tx, { ref }) => leadCandidatesOf(tx, ref.id));
}

/** The same, in the caller's transaction. */
export function leadCandidatesOf(tx: Tx, caseId: string) {
  return tx
    .select({ id: users.id, name: users.name, organisationId: users.organisationId })
    .from(users)
    .innerJoin(
      casePartners,
      and(eq(casePartners.organisationId, users.organisationId), eq(casePartners.caseId, caseId), isNull(casePartners.endedAt)),
    )
    .where(and(eq(users.role, 'professional'), eq(users.active, true)));
}
