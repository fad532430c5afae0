import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases, municipalities, organisations, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import { auditAppend, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { withCase, type CaseContext, type CaseRef } from './access';
import { caseOutcomeColumns, caseStoryColumns } from '@/lib/cases/case-columns';
import type { CaseView, FullCase, PseudonymisedCase, ReceiptCase } from './case-views';

const referrer = alias(users, 'referrer');
const regisseur = alias(users, 'regisseur');
const lead = alias(users, 'case_lead');
const referrerOrg = alias(organisations, 'referrer_org');
const referredByOrg = alias(organisations, 'referred_by_org');

/** `logged`: the audit entry of this reading, written by the same statement. */
async function loadFull(tx: Tx, id: string, logged: SQL = sql`null`) {
  const [row] = await tx
    .select({
      logged: sql`${logged}`.as('logged'),
      ...caseStoryColumns,
      referrer: { id: referrer.id, name: referrer.name, organisationName: referrerOrg.name },
      referredBy: {
        houseOrganisationName: referredByOrg.name,
        organisationName: cases.referredByOrganisationName,
        contactName: cases.referrerContactName,
        contactDetails: cases.referrerContactDetails,
      },
      regisseur: { id: regisseur.id, name: regisseur.name },
      caseLead: { id: lead.id, name: lead.name },
      ...caseOutcomeColumns,
      personalDataRemovedAt: cases.personalDataRemovedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      version: cases.version,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .innerJoin(referrer, eq(referrer.id, cases.referrerUserId))
    .innerJoin(referrerOrg, eq(referrerOrg.id, cases.referrerOrganisationId))
    .leftJoin(referredByOrg, eq(referredByOrg.id, cases.referredByOrganisationId))
    .leftJoin(regisseur, eq(regisseur.id, cases.regisseurUserId))
    .leftJoin(lead, eq(lead.id, cases.caseLeadUserId))
    .where(eq(cases.id, id));
  return row!;
}

export type { CaseView, FullCase, PseudonymisedCase, ReceiptCase };

async function loadPseudonymised(tx: Tx, ref: CaseRef, logged: SQL): Promise<PseudonymisedCase> {
  const result = await tx.execute(sql`
    select ${logged} as logged, f.target_group as "targetGroup", f.municipality_code as "municipalityCode", m.name as "municipalityName",
           f.triage_decision as "triageDecision", f.triaged_at as "triagedAt", f.closed_at as "closedAt",
           f.created_at as "createdAt", f.updated_at as "updatedAt"
    from case_facts f join municipalities m on m.code = f.municipality_code where f.id = ${ref.id}`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const date = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    view: 'pseudonymised',
    id: ref.id,
    number: ref.number,
    status: ref.status,
    targetGroup: row.targetGroup as PseudonymisedCase['targetGroup'],
    municipalityCode: row.municipalityCode as string,
    municipalityName: row.municipalityName as string,
    triageDecision: row.triageDecision as PseudonymisedCase['triageDecision'],
    triagedAt: date(row.triagedAt),
    pauseReason: ref.pauseReason,
    closedAt: date(row.closedAt),
    createdAt: date(row.createdAt)!,
    updatedAt: date(row.updatedAt)!,
    version: ref.version,
  };
}

/** The case as someone who may read it in full (or as a convened partner) sees it. */
export async function loadFullCase(tx: Tx, id: string, view: FullCase['view'], logged?: SQL): Promise<FullCase> {
  const { referredBy, ...read } = await loadFull(tx, id, logged);
  delete (read as { logged?: unknown }).logged;
  const full = read as Omit<typeof read, 'logged'>;
  const organisationName = referredBy.houseOrganisationName ?? referredBy.organisationName;
  return {
    ...full,
    referredBy: organisationName
      ? { organisationName, contactName: referredBy.contactName, contactDetails: referredBy.contactDetails }
      : null,
    view,
    regisseur: full.regisseur?.id ? (full.regisseur as { id: string; name: string }) : null,
    caseLead: full.caseLead?.id ? (full.caseLead as { id: string; name: string }) : null,
  };
}

/** The case in the shape the decision allows, its opening recorded in the audit log (in the caller's transaction). */
export async function readCase(tx: Tx, actor: Actor, { ref, decision }: CaseContext): Promise<CaseView> {
  const seen: CaseView['view'] = decision === 'pseudonymised' || decision === 'receipt' ? decision : decision === 'shared' ? 'shared' : 'full';
  const logged = auditAppend(subjectOf(actor), {
    action: 'view',
    entity: 'case',
    entityId: ref.id,
    caseId: ref.id,
    caseNumber: ref.number,
    details: { view: seen },
  });
  if (seen === 'pseudonymised') return loadPseudonymised(tx, ref, logged);
  if (seen === 'receipt') {
    const full = await loadFull(tx, ref.id, logged);
    return {
      view: 'receipt',
      id: full.id,
      number: full.number,
      status: full.status,
      targetGroup: full.targetGroup,
      municipalityName: full.municipalityName,
      triageDecision: full.triageDecision,
      triageReason: full.triageReason,
      triagedAt: full.triagedAt,
      createdAt: full.createdAt,
    };
  }
  return loadFullCase(tx, ref.id, seen, logged);
}

/** One case as the actor may see it; opening it is recorded in the audit log. */
export async function getCase(actor: Actor, caseId: unknown): Promise<CaseView> {
  return withCase(actor, caseId, 'case.view', (tx, ctx) => readCase(tx, actor, ctx));
}
