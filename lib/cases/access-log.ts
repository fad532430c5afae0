import type { Actor } from '@/lib/actor';
import { accessLogRows } from '@/lib/audit/case-access-log';
import { withCase } from './access';

/** "Wie heeft deze casus ingezien": who viewed or changed the case, when, from which organisation. */
export async function caseAccessLog(actor: Actor, caseId: unknown, limit = 100) {
  return withCase(actor, caseId, 'case.audit', (tx, { ref }) => accessLogRows(tx, [ref.id], limit));
}
