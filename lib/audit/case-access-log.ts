import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { msg } from '@/lib/errors';
import { acceptTypedDate } from '@/lib/forms/typed-date';
import { z } from '@/lib/validation/zod';
import { audit, subjectOf } from './record';

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  entity: auditLog.entity,
  outcome: auditLog.outcome,
  role: auditLog.role,
  caseNumber: auditLog.caseNumber,
  userName: users.name,
  organisationName: organisations.name,
  ip: auditLog.ip,
};

/** The log of one or more cases, newest first; without a limit all of it (the art. 15 export needs all). */
export function accessLogRows(tx: Tx, caseIds: string[], limit?: number) {
  const query = tx
    .select({ ...columns, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    .where(inArray(auditLog.caseId, caseIds))
    .orderBy(desc(auditLog.id));
  return limit === undefined ? query : query.limit(limit);
}


export const auditQuerySchema = z.object({
  action: z.enum(['view', 'search', 'create', 'update', 'export', 'sign-in', 'sign-in-failed', 'denied']).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  caseNumber: z.string().trim().max(20).optional(),
  user: z.string().trim().max(200).optional(),
  // Typed in the filter as day-month-year (components/ui/date-filter.tsx).
  from: z.preprocess(acceptTypedDate, z.iso.date({ message: msg('common.useTypedDateFormat') }).optional()),
  to: z.preprocess(acceptTypedDate, z.iso.date({ message: msg('common.useTypedDateFormat') }).optional()),
  page: z.coerce.number().int().min(1).max(100000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The whole log for functioneel beheer, filtered; reading it is itself logged. */
export async function searchAuditLog(actor: Actor, query: AuditQuery, pageSize = 50) {
  await enforce(actor, 'admin.audit', { entity: 'audit_log', attempted: 'audit.search', kind: 'admin' });
  return asUser(actor.userId, async (tx) => {
    const where: SQL[] = [];
    if (query.action) where.push(eq(auditLog.action, query.action));
    if (query.outcome) where.push(eq(auditLog.outcome, query.outcome));
    if (query.caseNumber) where.push(eq(auditLog.caseNumber, query.caseNumber.toUpperCase()));
    if (query.user) where.push(sql`(${users.name} ilike ${'%' + query.user + '%'} or ${users.email} ilike ${'%' + query.user + '%'})`);
    // Dates are days in the house's time zone, whatever the season.
    if (query.from) where.push(sql`(${auditLog.at} at time zone 'Europe/Amsterdam')::date >= ${query.from}::date`);
    if (query.to) where.push(sql`(${auditLog.at} at time zone 'Europe/Amsterdam')::date <= ${query.to}::date`);
    const rows = await tx
      .select(columns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(pageSize + 1)
      .offset(((query.page ?? 1) - 1) * pageSize);
    await audit(tx, subjectOf(actor), { action: 'search', entity: 'audit-log', details: { filters: Object.keys(query) } });
    return { items: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
  });
}
