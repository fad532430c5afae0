import { inArray } from 'drizzle-orm';
import { cases, dataSubjectRequestCases, dataSubjectRequests, dataSubjectRequestTasks } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { toIsoDay } from '@/lib/calendar/calendar-day';
import { msg, validation } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { assertContactPoint } from './access';
import { convenedPartners } from './find-cases';
import { findSamePerson } from '@/lib/cases/referral-matches';
import { registerRequestSchema } from './schemas';
import { dueOn } from './term';

/**
 * The contact point registers a request once, for all joint controllers: who asked, how identity was
 * checked, the cases the registrant confirmed (only cases the matching finds for that person), and a task
 * for every partner organisation convened to them, all with the term of one month from receipt.
 */
export async function registerRequest(actor: Actor, raw: unknown, now = new Date()): Promise<{ id: string; dueOn: string; tasks: number }> {
  await assertContactPoint(actor, 'dataSubjectRequest.register');
  const input = parseOrThrow(registerRequestSchema, raw);
  if (input.receivedOn > toIsoDay(now)) throw validation({ receivedOn: [msg('dsr.receivedInFuture')] });
  if (input.identityCheck === 'anders' && input.identityNote === '') throw validation({ identityNote: [msg('dsr.fillInIdentityNote')] });
  return asUser(actor.userId, async (tx) => {
    const found = new Set((await findSamePerson(tx, null, input.name, input.birthDate)).map((m) => m.id));
    const caseIds = [...new Set(input.caseIds)];
    // Confirming is choosing among the person's cases, not attaching a request to any case.
    if (caseIds.some((id) => !found.has(id))) throw validation({ caseIds: [msg('dsr.chooseFoundCase')] });
    const due = dueOn(input.receivedOn);
    const [request] = await tx
      .insert(dataSubjectRequests)
      .values({
        kind: input.kind,
        requesterName: input.name,
        requesterContact: input.requesterContact,
        receivedOn: input.receivedOn,
        identityCheck: input.identityCheck,
        identityNote: input.identityNote,
        dueOn: due,
        registeredBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: dataSubjectRequests.id });
    const numbers = caseIds.length ? await tx.select({ number: cases.number }).from(cases).where(inArray(cases.id, caseIds)) : [];
    if (caseIds.length) await tx.insert(dataSubjectRequestCases).values(caseIds.map((caseId) => ({ requestId: request!.id, caseId })));
    const organisationIds = [...new Set((await convenedPartners(tx, caseIds)).map((p) => p.id))];
    if (organisationIds.length) {
      await tx
        .insert(dataSubjectRequestTasks)
        .values(organisationIds.map((organisationId) => ({ requestId: request!.id, organisationId, kind: input.kind, dueOn: due })));
    }
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'data-subject-request',
      entityId: request!.id,
      details: { kind: input.kind, receivedOn: input.receivedOn, dueOn: due, cases: numbers.map((n) => n.number).sort(), tasks: organisationIds.length },
    });
    return { id: request!.id, dueOn: due, tasks: organisationIds.length };
  });
}
