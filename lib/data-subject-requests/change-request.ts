import { and, eq, sql } from 'drizzle-orm';
import { dataSubjectRequests, dataSubjectRequestTasks } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { toIsoDay } from '@/lib/calendar/calendar-day';
import { AppError, conflict, msg, validation } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { assertContactPoint, parseRequestId, requestNotFound } from './access';
import { combinedAnswerSchema, extendTermSchema } from './schemas';
import { addMonths, inTime, latestDueOn, termOf } from './term';

const refuse = (message: string) => validation({ _: [message] }, message);

/** The request as it stands, locked; a closed one or another version is a 409. */
async function lockOpen(tx: Tx, id: string, version: number) {
  const [request] = await tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)).for('update');
  if (!request) throw requestNotFound();
  if (request.closedAt) throw new AppError('CONFLICT', msg('dsr.closed'));
  if (request.version !== version) throw conflict();
  return request;
}

/**
 * Extends the term once, by one or two months from the original term (never beyond three months from
 * receipt), with a reason kept with the request; the partners' tasks take the new term.
 */
export async function extendTerm(actor: Actor, id: unknown, raw: unknown, now = new Date()) {
  await assertContactPoint(actor, 'dataSubjectRequest.extend', typeof id === 'string' ? id : undefined);
  const requestId = parseRequestId(id);
  const input = parseOrThrow(extendTermSchema, raw);
  return asUser(actor.userId, async (tx) => {
    const request = await lockOpen(tx, requestId, input.version);
    if (request.extendedDueOn) throw refuse(msg('dsr.alreadyExtended'));
    const until = [addMonths(request.dueOn, input.months), latestDueOn(request.receivedOn)].sort()[0]!;
    const [updated] = await tx
      .update(dataSubjectRequests)
      .set({ extendedDueOn: until, extensionReason: input.reason, extendedAt: now, extendedBy: actor.userId, version: sql`${dataSubjectRequests.version} + 1` })
      .where(and(eq(dataSubjectRequests.id, requestId), eq(dataSubjectRequests.version, input.version)))
      .returning({ version: dataSubjectRequests.version });
    await tx.update(dataSubjectRequestTasks).set({ dueOn: until }).where(eq(dataSubjectRequestTasks.requestId, requestId));
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'data-subject-request',
      entityId: requestId,
      details: { extended: true, from: request.dueOn, until, months: input.months },
    });
    return { id: requestId, version: updated!.version, term: until };
  });
}

/**
 * Records the one combined answer the contact point sent (text and date) once every partner answered its
 * part; the request is then closed, in time or late as the term says.
 */
export async function sendCombinedAnswer(actor: Actor, id: unknown, raw: unknown, now = new Date()) {
  await assertContactPoint(actor, 'dataSubjectRequest.answer', typeof id === 'string' ? id : undefined);
  const requestId = parseRequestId(id);
  const input = parseOrThrow(combinedAnswerSchema, raw);
  return asUser(actor.userId, async (tx) => {
    const request = await lockOpen(tx, requestId, input.version);
    if (input.answeredOn < request.receivedOn) throw validation({ answeredOn: [msg('dsr.answeredBeforeReceipt')] });
    if (input.answeredOn > toIsoDay(now)) throw validation({ answeredOn: [msg('dsr.answeredInFuture')] });
    const open = await tx
      .select({ id: dataSubjectRequestTasks.id })
      .from(dataSubjectRequestTasks)
      .where(and(eq(dataSubjectRequestTasks.requestId, requestId), eq(dataSubjectRequestTasks.status, 'open')));
    if (open.length > 0) throw refuse(msg('dsr.partnersOpen', { count: open.length }));
    const [updated] = await tx
      .update(dataSubjectRequests)
      .set({ answerText: input.answerText, answeredOn: input.answeredOn, closedAt: now, closedBy: actor.userId, version: sql`${dataSubjectRequests.version} + 1` })
      .where(and(eq(dataSubjectRequests.id, requestId), eq(dataSubjectRequests.version, input.version)))
      .returning({ version: dataSubjectRequests.version });
    const onTime = inTime(termOf(request), input.answeredOn);
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'data-subject-request',
      entityId: requestId,
      details: { closed: true, answeredOn: input.answeredOn, inTime: onTime },
    });
    return { id: requestId, version: updated!.version, inTime: onTime };
  });
}
