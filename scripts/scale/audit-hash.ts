import { createHash } from 'node:crypto';

/** One audit_log row as the generator writes it. */
export interface AuditRow {
  id: number;
  at: number;
  userId: string | null;
  organisationId: string | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  /** Exactly as PostgreSQL prints the jsonb (`{"key": "value"}`), since the hash covers that text. */
  details: string | null;
}

/** `YYYY-MM-DD"T"HH24:MI:SS.US` in UTC, as audit_row_hash formats `at`; generated times are whole milliseconds. */
function hashTime(iso: string): string {
  return `${iso.slice(0, 23)}000`;
}

/**
 * The same hash as the SQL function audit_row_hash (drizzle/0003): sha256 over the fields joined by "|",
 * a missing field as "-". Computing it here lets the generator write a chained log with plain COPY
 * instead of one audit_append() call per row; `npm run audit:verify` proves the two agree.
 */
export function auditRowHash(prev: string, row: AuditRow, atIso = new Date(row.at).toISOString()): string {
  const text = [
    prev, String(row.id), hashTime(atIso), row.userId ?? '-', row.organisationId ?? '-', row.role ?? '-', row.action,
    row.entity, row.entityId ?? '-', row.caseId ?? '-', row.caseNumber ?? '-', row.outcome, row.ip ?? '-',
    row.userAgent ?? '-', row.details ?? '-',
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
