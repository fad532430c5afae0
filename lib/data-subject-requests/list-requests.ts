import { desc, sql } from 'drizzle-orm';
import { dataSubjectRequests } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { assertContactPoint } from './access';
import { countdown, termOf } from './term';

/** The contact point's list: open requests first (nearest term first), then the answered ones. */
export async function listRequests(actor: Actor, now = new Date()) {
  await assertContactPoint(actor, 'dataSubjectRequest.list');
  return asUser(actor.userId, async (tx) => {
    const rows = await tx
      .select({
        id: dataSubjectRequests.id,
        kind: dataSubjectRequests.kind,
        requesterName: dataSubjectRequests.requesterName,
        receivedOn: dataSubjectRequests.receivedOn,
        dueOn: dataSubjectRequests.dueOn,
        extendedDueOn: dataSubjectRequests.extendedDueOn,
        answeredOn: dataSubjectRequests.answeredOn,
        tasks: sql<number>`(select count(*)::int from data_subject_request_tasks t where t.request_id = ${dataSubjectRequests.id})`,
        answered: sql<number>`(select count(*)::int from data_subject_request_tasks t where t.request_id = ${dataSubjectRequests.id} and t.status = 'answered')`,
      })
      .from(dataSubjectRequests)
      .orderBy(sql`${dataSubjectRequests.answeredOn} is not null`, sql`coalesce(${dataSubjectRequests.extendedDueOn}, ${dataSubjectRequests.dueOn})`, desc(dataSubjectRequests.receivedOn))
      .limit(200);
    await audit(tx, subjectOf(actor), { action: 'view', entity: 'data-subject-request', details: { list: rows.length } });
    return rows.map((r) => ({ ...r, term: termOf(r), countdown: r.answeredOn ? null : countdown(termOf(r), now) }));
  });
}
