import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { casePartnerFacts, casePartners, cases, organisations, users } from '@/db/schema';
import type { Executor, Tx } from '@/db/types';
import type { Decision } from '@/lib/access/matrix';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import { assertNotEnded, withCase } from './access';
import { commitCaseChange } from './commit-case-change';
import type { AddPartnerInput, CaseLeadInput, EndPartnerInput } from './schemas';
import type { CasePartnerView, Created } from './case-views';

const addedBy = alias(users, 'added_by');

export type { CasePartnerView };

/** The partners convened to a case, current ones first. */
export async function listPartners(actor: Actor, caseId: unknown): Promise<CasePartnerView[]> {
  return withCase(actor, caseId, 'partner.list', (tx, { ref, decision }) => partnersOf(tx, ref.id, decision));
}

/** The same, in the caller's transaction, for a reader the matrix has given `decision` on 'partner.list'. */
export async function partnersOf(tx: Tx, caseId: string, decision: Decision): Promise<CasePartnerView[]> {
  if (decision === 'pseudonymised') {
    // Managers read the view without reasons (drizzle/0013): the database withholds them, not just this code.
    return tx
      .select({
        id: casePartnerFacts.id,
        organisationId: casePartnerFacts.organisationId,
        organisationName: organisations.name,
        domain: organisations.domain,
        addedByName: addedBy.name,
        addedAt: casePartnerFacts.addedAt,
        endedAt: casePartnerFacts.endedAt,
      })
      .from(casePartnerFacts)
      .innerJoin(organisations, eq(organisations.id, casePartnerFacts.organisationId))
      .innerJoin(addedBy, eq(addedBy.id, casePartnerFacts.addedByUserId))
      .where(eq(casePartnerFacts.caseId, caseId))
      .orderBy(sql`${casePartnerFacts.endedAt} is not null`, asc(organisations.name));
  }
  return tx
    .select({
      id: casePartners.id,
      organisationId: casePartners.organisationId,
      organisationName: organisations.name,
      domain: organisations.domain,
      reason: casePartners.reason,
      addedByName: addedBy.name,
      addedAt: casePartners.addedAt,
      endedAt: casePartners.endedAt,
      endReason: casePartners.endReason,
    })
    .from(casePartners)
    .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
    .innerJoin(addedBy, eq(addedBy.id, casePartners.addedByUserId))
    .where(eq(casePartners.caseId, caseId))
    .orderBy(sql`${casePartners.endedAt} is not null`, asc(organisations.name));
}

/** Convenes a partner organisation, with the reason it needs to know. */
export async function addPartner(actor: Actor, caseId: unknown, input: AddPartnerInput, now = new Date()): Promise<Created> {
  return withCase(actor, caseId, 'partner.add', async (tx, { ref }) => {
    assertNotEnded(ref);
    const [org] = await tx
      .select({ id: organisations.id, name: organisations.name, domain: organisations.domain, active: organisations.active })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!org || !org.active || org.domain === 'veiligheidshuis') {
      throw validation({ organisationId: [msg('cases.unknownPartnerOrganisation')] });
    }
    const [existing] = await tx
      .select({ id: casePartners.id })
      .from(casePartners)
      .where(and(eq(casePartners.caseId, ref.id), eq(casePartners.organisationId, org.id), isNull(casePartners.endedAt)));
    if (existing) throw validation({ organisationId: [msg('cases.partnerAlreadyInvolved', { name: org.name })] });
    const [partner] = await tx
      .insert(casePartners)
      .values({ caseId: ref.id, organisationId: org.id, reason: input.reason, addedByUserId: actor.userId, addedAt: now })
      .returning({ id: casePartners.id });
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, ref.id));
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'case-partner',
      entityId: partner!.id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { change: 'convened', organisationId: org.id },
    });
    return { id: partner!.id };
  });
}

/** Ends a partner's participation: from now on its people no longer see the case. */
export async function endPartner(actor: Actor, caseId: unknown, input: EndPartnerInput, now = new Date()): Promise<Created> {
  return withCase(actor, caseId, 'partner.end', async (tx, { ref }) => {
    const [partner] = await tx
      .update(casePartners)
      .set({ endedAt: now, endedByUserId: actor.userId, endReason: input.reason })
      .where(and(eq(casePartners.id, input.partnerId), eq(casePartners.caseId, ref.id), isNull(casePartners.endedAt)))
      .returning({ id: casePartners.id, organisationId: casePartners.organisationId });
    if (!partner) throw new AppError('NOT_FOUND', msg('cases.partnerNotInvolved'));
    // A case lead of an organisation that leaves the case stops being its lead.
    await tx
      .update(cases)
      .set({ caseLeadUserId: null, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(cases.id, ref.id),
          sql`${cases.caseLeadUserId} in (select ${users.id} from ${users} where ${users.organisationId} = ${partner.organisationId})`,
        ),
      );
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'case-partner',
      entityId: partner.id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { change: 'ended', organisationId: partner.organisationId },
    });
    return { id: partner.id };
  });
}

/** Names one professional of a convened organisation as case lead (casusregisseur), or none. */
export async function setCaseLead(actor: Actor, caseId: unknown, input: CaseLeadInput, now = new Date()) {
  return withCase(actor, caseId, 'partner.lead', async (tx, { ref }) => {
    assertNotEnded(ref);
    if (input.userId) {
      const [candidate] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(
          casePartners,
          and(eq(casePartners.organisationId, users.organisationId), eq(casePartners.caseId, ref.id), isNull(casePartners.endedAt)),
        )
        .where(and(eq(users.id, input.userId), eq(users.role, 'professional'), eq(users.active, true)));
      if (!candidate) throw validation({ userId: [msg('cases.chooseLead')] });
    }
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, { caseLeadUserId: input.userId }, {
      kind: 'edit',
      at: now,
      data: { fields: ['caseLead'] },
      audit: { caseLead: input.userId },
    });
    return { version: updated.version };
  });
}

/** Organisations a regisseur can convene (every active partner, not the house itself). */
export function partnerCandidates(db: Executor) {
  return db
    .select({ id: organisations.id, name: organisations.name, domain: organisations.domain })
    .from(organisations)
    .where(and(eq(organisations.active, true), ne(organisations.domain, 'veiligheidshuis')))
    .orderBy(asc(organisations.name));
}
