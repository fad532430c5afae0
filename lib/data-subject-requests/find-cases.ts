import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { casePartners, organisations, type CaseStatus } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { audit, subjectOf } from '@/lib/audit/record';
import { findSamePerson } from '@/lib/cases/referral-matches';
import { parseOrThrow } from '@/lib/validation/parse';
import { assertContactPoint } from './access';
import { personSchema, type PersonInput } from './schemas';

export interface FoundCase {
  id: string;
  number: string;
  status: CaseStatus;
  /** The partner organisations convened to it now: each gets a task. */
  partners: { id: string; name: string }[];
}

/** The partner organisations convened now to any of the cases; the house itself is not a partner to ask. */
export async function convenedPartners(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return tx
    .selectDistinct({ caseId: casePartners.caseId, id: organisations.id, name: organisations.name })
    .from(casePartners)
    .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
    .where(and(inArray(casePartners.caseId, caseIds), isNull(casePartners.endedAt), ne(organisations.domain, 'veiligheidshuis')))
    .orderBy(asc(organisations.name));
}

/** The lookup inside the caller's transaction, audited like the triage's (numbers only, no name). */
export async function lookUpPerson(tx: Tx, actor: Actor, person: PersonInput): Promise<FoundCase[]> {
  const matches = await findSamePerson(tx, null, person.name, person.birthDate);
  await audit(tx, subjectOf(actor), {
    action: 'search',
    entity: 'person-match',
    details: { trigger: 'data-subject-request', matches: matches.map((m) => m.number) },
  });
  const partners = await convenedPartners(tx, matches.map((m) => m.id));
  return matches.map((m) => ({
    ...m,
    partners: partners.filter((p) => p.caseId === m.id).map(({ id, name }) => ({ id, name })),
  }));
}

/**
 * The cases of the person a request is about, found by the same person matching as referrals (every word
 * of the name as a keyed token, and the birth date): the registrant confirms which are theirs.
 */
export async function findCasesOfPerson(actor: Actor, raw: unknown): Promise<FoundCase[]> {
  await assertContactPoint(actor, 'dataSubjectRequest.lookUp');
  const person = parseOrThrow(personSchema, raw);
  return asUser(actor.userId, (tx) => lookUpPerson(tx, actor, person));
}
