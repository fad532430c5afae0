import { asc, desc, eq } from 'drizzle-orm';
import { cases, dataSubjectRequestCases, dataSubjectRequests, dataSubjectRequestTasks, organisations } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { assertContactPoint, parseRequestId, requestNotFound } from './access';
import { countdown, latestDueOn, termOf, type Countdown } from './term';

/** One request as the contact point sees it: every partner's status and answer, the cases, the term. */
export async function getRequest(actor: Actor, id: unknown, now = new Date()) {
  await assertContactPoint(actor, 'dataSubjectRequest.view', typeof id === 'string' ? id : undefined);
  const requestId = parseRequestId(id);
  return asUser(actor.userId, async (tx) => {
    const [request] = await tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, requestId));
    if (!request) throw requestNotFound();
    const involved = await tx
      .select({ id: cases.id, number: cases.number, status: cases.status })
      .from(dataSubjectRequestCases)
      .innerJoin(cases, eq(cases.id, dataSubjectRequestCases.caseId))
      .where(eq(dataSubjectRequestCases.requestId, requestId))
      .orderBy(desc(cases.number));
    const tasks = await tx
      .select({
        id: dataSubjectRequestTasks.id,
        organisation: organisations.name,
        status: dataSubjectRequestTasks.status,
        noData: dataSubjectRequestTasks.noData,
        answer: dataSubjectRequestTasks.answer,
        answeredAt: dataSubjectRequestTasks.answeredAt,
      })
      .from(dataSubjectRequestTasks)
      .innerJoin(organisations, eq(organisations.id, dataSubjectRequestTasks.organisationId))
      .where(eq(dataSubjectRequestTasks.requestId, requestId))
      .orderBy(asc(organisations.name));
    await audit(tx, subjectOf(actor), { action: 'view', entity: 'data-subject-request', entityId: requestId, details: { cases: involved.map((c) => c.number) } });
    const term = termOf(request);
    return {
      ...request,
      term,
      latestDueOn: latestDueOn(request.receivedOn),
      countdown: (request.answeredOn ? null : countdown(term, now)) as Countdown | null,
      cases: involved,
      tasks,
    };
  });
}
export type RequestView = Awaited<ReturnType<typeof getRequest>>;
