import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { caseEvents, cases, referralMatches, type CaseStatus } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { audit, subjectOf, type AuditSubject } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { msg, validation } from '@/lib/errors';
import { queryTokens } from '@/lib/crypto/search-tokens';
import { withCase, type CaseRef } from './access';
import { assertCurrentVersion, commitCaseChange } from './commit-case-change';
import type { ContinueReferralInput, MergeReferralInput, UndoMergeInput } from './schemas';

/*
 * Person matching at referral (issue 15): an earlier case of the same person is one whose name holds the
 * keyed token of every word of the referral's name (drizzle/0017) and whose birth date is the same. Only
 * the birth dates of the cases whose tokens match are decrypted; no name is. Matches are shown to
 * regisseurs at triage only: the referrer learns nothing, and every lookup is in the audit log.
 */

export interface PersonMatch {
  id: string;
  number: string;
  status: CaseStatus;
}

/** At most this many cases share the name words; a name as common as that is narrowed by the birth date. */
const CANDIDATES = 200;

/** The cases of the same person, but `caseId` (the referral itself); also the WGS contact point's lookup. */
export async function findSamePerson(tx: Tx, caseId: string | null, name: string, birthDate: string): Promise<PersonMatch[]> {
  const tokens = queryTokens(name);
  if (tokens.length === 0) return [];
  const candidates = await tx
    .select({ id: cases.id, number: cases.number, status: cases.status, birthDate: cases.subjectBirthDate })
    .from(cases)
    .where(
      and(
        sql`${cases.subjectNameTokens} @> ${sql.param(tokens)}::text[]`,
        caseId ? ne(cases.id, caseId) : undefined,
        isNull(cases.personalDataRemovedAt),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(CANDIDATES);
  return candidates.filter((c) => c.birthDate === birthDate).map(({ id, number, status }) => ({ id, number, status }));
}

async function lookUp(tx: Tx, who: AuditSubject, ref: { id: string; number: string }, subject: { name: string; birthDate: string }, trigger: string, now: Date) {
  const matches = await findSamePerson(tx, ref.id, subject.name, subject.birthDate);
  if (matches.length > 0) {
    await tx
      .insert(referralMatches)
      .values(matches.map((m) => ({ referralCaseId: ref.id, matchedCaseId: m.id, foundAt: now })))
      .onConflictDoNothing();
  }
  await audit(tx, who, {
    action: 'search',
    entity: 'person-match',
    entityId: ref.id,
    caseId: ref.id,
    caseNumber: ref.number,
    details: { trigger, matches: matches.map((m) => m.number) },
  });
  return matches;
}

/**
 * The lookup when a referral comes in, for the dashboard's repeat referrals. It runs for the house (the
 * referrer may not read the other cases) and answers nothing: the referral's response does not change.
 */
export async function recordReferralMatches(
  ref: { id: string; number: string },
  subject: { name: string; birthDate: string },
  now = new Date(),
): Promise<void> {
  // In the audit log as the house's own act: the referrer did not search, and may not.
  await asSystem((tx) => lookUp(tx, HOUSE, ref, subject, 'referral', now));
}

const HOUSE: AuditSubject = { userId: null, organisationId: null, role: null };

export interface ReferralMatching {
  matches: PersonMatch[];
  mergedInto: { id: string; number: string; status: CaseStatus } | null;
  /** The reason given for going on with the referral as a case of its own, when one was. */
  continuedReason: string | null;
  /** Merging and undoing are possible while the triage is not decided. */
  open: boolean;
}

const ATTRIBUTES = {
  status: cases.status,
  triageDecision: cases.triageDecision,
  mergedIntoCaseId: cases.mergedIntoCaseId,
  subjectName: cases.subjectName,
  subjectBirthDate: cases.subjectBirthDate,
  personalDataRemovedAt: cases.personalDataRemovedAt,
};

async function referralOf(tx: Tx, id: string) {
  const [row] = await tx.select(ATTRIBUTES).from(cases).where(eq(cases.id, id));
  return row!;
}

const undecided = (r: { status: CaseStatus; triageDecision: string | null }) =>
  (r.status === 'aangemeld' || r.status === 'triage') && r.triageDecision === null;

/**
 * What the regisseur sees at triage: the earlier cases of the same person (looked up again now, and
 * audited), the case the referral was merged into, the reason it went on alone. Regisseurs only: for
 * anyone else the case is refused as a transition would be (403/404), and the lookup is not made.
 */
export async function getReferralMatching(actor: Actor, caseId: unknown, now = new Date()): Promise<ReferralMatching> {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    const referral = await referralOf(tx, ref.id);
    const open = undecided(referral);
    const matches =
      open && !referral.personalDataRemovedAt
        ? await lookUp(tx, subjectOf(actor), ref, { name: referral.subjectName, birthDate: referral.subjectBirthDate }, 'triage', now)
        : [];
    const [mergedInto] = referral.mergedIntoCaseId
      ? await tx.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(eq(cases.id, referral.mergedIntoCaseId))
      : [];
    const [continued] = await tx
      .select({ reason: caseEvents.reason })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, ref.id), eq(caseEvents.kind, 'match')))
      .orderBy(desc(caseEvents.at))
      .limit(1);
    return { matches, mergedInto: mergedInto ?? null, continuedReason: continued?.reason ?? null, open };
  });
}

function refuse(message: string): never {
  throw validation({ _: [message] }, message);
}

async function assertOpen(tx: Tx, ref: CaseRef) {
  const referral = await referralOf(tx, ref.id);
  if (!undecided(referral)) refuse(msg('cases.merge.triageDecided'));
  return referral;
}

/** The other side of a merge or its undoing: the known case's timeline and audit name the referral. */
async function recordOnTarget(
  tx: Tx,
  actor: Actor,
  target: { id: string; number: string },
  ref: { id: string; number: string },
  kind: 'merge' | 'unmerge',
  now: Date,
  reason?: string,
): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: target.id,
    kind,
    reason,
    data: { caseId: ref.id, caseNumber: ref.number, direction: 'from' },
    actorUserId: actor.userId,
    at: now,
  });
  await audit(tx, subjectOf(actor), {
    action: 'update',
    entity: 'case',
    entityId: target.id,
    caseId: target.id,
    caseNumber: target.number,
    details: { [kind]: 'from', caseId: ref.id, caseNumber: ref.number },
  });
}

/** Merge the referral into an earlier case of the same person as a new referral of it (regisseurs only). */
export async function mergeReferral(actor: Actor, caseId: unknown, input: MergeReferralInput, now = new Date()) {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    assertCurrentVersion(ref, input.version);
    const referral = await assertOpen(tx, ref);
    if (referral.mergedIntoCaseId) refuse(msg('cases.merge.alreadyMerged'));
    // Only with a case the matching found: merging is not a way to attach a referral to any case.
    const [target] = await tx
      .select({ id: cases.id, number: cases.number })
      .from(referralMatches)
      .innerJoin(cases, eq(cases.id, referralMatches.matchedCaseId))
      .where(and(eq(referralMatches.referralCaseId, ref.id), eq(referralMatches.matchedCaseId, input.intoCaseId)));
    if (!target) throw validation({ intoCaseId: [msg('cases.chooseKnownCaseOfPerson')] });
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, { mergedIntoCaseId: target.id }, {
      kind: 'merge',
      at: now,
      reason: input.reason,
      data: { caseId: target.id, caseNumber: target.number, direction: 'into' },
      audit: { merge: 'into', caseId: target.id, caseNumber: target.number },
    });
    await recordOnTarget(tx, actor, target, ref, 'merge', now, input.reason);
    return { id: ref.id, mergedInto: target, version: updated.version };
  });
}

/** Undo a merge while the referral's triage is not decided. */
export async function undoMerge(actor: Actor, caseId: unknown, input: UndoMergeInput, now = new Date()) {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    assertCurrentVersion(ref, input.version);
    const referral = await assertOpen(tx, ref);
    if (!referral.mergedIntoCaseId) refuse(msg('cases.merge.notMerged'));
    const [target] = await tx.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, referral.mergedIntoCaseId));
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, { mergedIntoCaseId: null }, {
      kind: 'unmerge',
      at: now,
      data: { caseId: target!.id, caseNumber: target!.number, direction: 'into' },
      audit: { unmerge: 'into', caseId: target!.id, caseNumber: target!.number },
    });
    await recordOnTarget(tx, actor, target!, ref, 'unmerge', now);
    return { id: ref.id, version: updated.version };
  });
}

/** Go on with the referral as a case of its own although the person is known: the reason is recorded. */
export async function continueReferral(actor: Actor, caseId: unknown, input: ContinueReferralInput, now = new Date()) {
  return withCase(actor, caseId, 'case.transition', async (tx, { ref }) => {
    assertCurrentVersion(ref, input.version);
    const referral = await assertOpen(tx, ref);
    if (referral.mergedIntoCaseId) refuse(msg('cases.merge.undoFirst'));
    const known = await tx
      .select({ number: cases.number })
      .from(referralMatches)
      .innerJoin(cases, eq(cases.id, referralMatches.matchedCaseId))
      .where(eq(referralMatches.referralCaseId, ref.id));
    if (known.length === 0) refuse(msg('cases.merge.noKnownCase'));
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, {}, {
      kind: 'match',
      at: now,
      reason: input.reason,
      data: { caseNumbers: known.map((k) => k.number) },
      audit: { continued: true, matches: known.map((k) => k.number) },
    });
    return { id: ref.id, version: updated.version };
  });
}

/** Triage may not take on a merged referral as a case of its own: its work belongs to the earlier case. */
export async function assertNotMerged(tx: Tx, caseId: string): Promise<void> {
  const [row] = await tx.select({ into: cases.mergedIntoCaseId }).from(cases).where(and(eq(cases.id, caseId), inArray(cases.status, ['aangemeld', 'triage'])));
  if (row?.into) refuse(msg('cases.merge.mergedUndoToTriage'));
}
