import type { Tx } from '@/db/types';
import { accessLogRows } from '@/lib/audit/case-access-log';
import type { AccessLogEntry } from './document';

/**
 * Detail keys that say what happened without naming anyone: the audit log keeps identifiers and counts
 * only, and of those the subject learns the kind of access, not internal ids of users or organisations.
 */
const SHOWN_DETAILS = ['view', 'transition', 'from', 'to', 'fields', 'change', 'attempted', 'kind', 'rule', 'format', 'minutes', 'agenda'];

function shownDetails(details: unknown): Record<string, unknown> {
  if (!details || typeof details !== 'object') return {};
  return Object.fromEntries(Object.entries(details).filter(([key]) => SHOWN_DETAILS.includes(key)));
}

/**
 * The verwerkingenlog of the subject's cases, oldest first, as organisation and role: the recipients the
 * subject is entitled to know (AVG art. 15(1)(c)). The user's name and IP address stay in the house's own
 * log (NEN 7513), for the house to answer "who exactly" when the subject asks about one entry.
 */
export async function accessLogEntries(tx: Tx, caseIds: string[]): Promise<AccessLogEntry[]> {
  const rows = await accessLogRows(tx, caseIds);
  return rows.reverse().map((r) => ({
    at: r.at.toISOString(),
    caseNumber: r.caseNumber,
    organisationName: r.organisationName,
    role: r.role,
    action: r.action,
    entity: r.entity,
    outcome: r.outcome === 'denied' ? 'denied' : 'allowed',
    details: shownDetails(r.details),
  }));
}
