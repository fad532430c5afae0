import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { auditLog, referralMatches } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { getDashboard } from '@/lib/dashboard/figures';
import { signInAs } from '@/lib/testing/actors';
import { outcome as code } from '@/lib/testing/outcome';
import { verifyAuditChain } from '@/lib/audit/verify';
import { getCase } from './get-case';
import { getTimeline } from './case-page';
import { createReferral } from './refer';
import { continueReferral, getReferralMatching, mergeReferral, undoMerge } from './referral-matches';
import { continueReferralSchema, mergeReferralSchema, type ReferralInput } from './schemas';
import { transitionCase } from './transition-case';

const NOW = new Date('2026-10-01T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let handle: DbHandle;
let regisseur: Actor, politie: Actor, manager: Actor;

const person = (name: string, birthDate: string): ReferralInput => ({
  subject: { name, birthDate, address: null },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Aanhoudende overlast.',
  goal: 'Rust in de buurt.',
});

const lookups = async (caseId: string) =>
  (
    await handle.db
      .select({ userId: auditLog.userId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'person-match'), eq(auditLog.entityId, caseId)))
  ).map((r) => ({ userId: r.userId, ...(r.details as { trigger: string; matches: string[] }) }));

let earlier: { id: string; number: string };
let other: { id: string; number: string };

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  manager = await signInAs('manager@example.org');
  // An earlier case of Saskia Verbeek-Oudshoorn, taken on and closed; and a namesake born on another day.
  earlier = await createReferral(regisseur, person('Saskia Verbeek-Oudshoorn', '1979-03-14'), minutes(-600));
  await transitionCase(regisseur, earlier.id, { action: 'triage', decision: 'in_behandeling', reason: 'Voldoet.', version: 1 }, minutes(-590));
  await transitionCase(regisseur, earlier.id, { action: 'close', result: 'Rust teruggekeerd.', version: 2 }, minutes(-580));
  other = await createReferral(regisseur, person('Saskia Verbeek-Oudshoorn', '1980-07-01'), minutes(-500));
});
afterAll(() => closeDb());

describe('person matching at referral', () => {
  let repeat: { id: string; number: string; status: string };

  it('tells the referring professional nothing: the answer has the same shape as for an unknown person', async () => {
    repeat = await createReferral(politie, person('saskia  verbeek oudshoorn', '1979-03-14'), minutes(0));
    const unknown = await createReferral(politie, person('Iemand Volkomen Onbekend', '1979-03-14'), minutes(1));
    expect(Object.keys(repeat).sort()).toEqual(Object.keys(unknown).sort());
    expect(repeat.status).toBe(unknown.status);
    // Her own view of the referral is the receipt, and the matching is refused as a transition would be.
    expect(await getCase(politie, repeat.id)).toEqual(expect.objectContaining({ view: 'receipt' }));
    expect(JSON.stringify(await getCase(politie, repeat.id))).not.toContain(earlier.number);
    expect(await code(getReferralMatching(politie, repeat.id))).toBe('FORBIDDEN');
    expect(await code(getReferralMatching(manager, repeat.id))).toBe('FORBIDDEN');
    // Row-level security: the professional reads no match, not even of her own referral.
    const seen = await asUser(politie.userId, (tx) => tx.select().from(referralMatches));
    expect(seen).toEqual([]);
  });

  it('was looked up when the referral came in, and that lookup is in the audit log', async () => {
    const rows = await handle.db.select().from(referralMatches).where(eq(referralMatches.referralCaseId, repeat.id));
    expect(rows.map((r) => r.matchedCaseId)).toEqual([earlier.id]);
    // As the house's own act: the referrer did not search.
    expect(await lookups(repeat.id)).toEqual([{ userId: null, trigger: 'referral', matches: [earlier.number] }]);
  });

  it('shows the regisseur the earlier case with the same name and birth date, not the namesake born on another day', async () => {
    const matching = await getReferralMatching(regisseur, repeat.id, minutes(5));
    expect(matching).toEqual({
      matches: [{ id: earlier.id, number: earlier.number, status: 'afgesloten' }],
      mergedInto: null,
      continuedReason: null,
      open: true,
    });
    expect(matching.matches.map((m) => m.id)).not.toContain(other.id);
  });

  it('writes every lookup to the audit log, one row each', async () => {
    const before = (await lookups(repeat.id)).length;
    await getReferralMatching(regisseur, repeat.id, minutes(6));
    await getReferralMatching(regisseur, repeat.id, minutes(7));
    const after = await lookups(repeat.id);
    expect(after).toHaveLength(before + 2);
    expect(after.at(-1)).toEqual({ userId: regisseur.userId, trigger: 'triage', matches: [earlier.number] });
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('merges only with a regisseur, a reason, the current version and a case the matching found', async () => {
    expect(mergeReferralSchema.safeParse({ intoCaseId: earlier.id, reason: ' ', version: 1 }).success).toBe(false);
    expect(await code(mergeReferral(politie, repeat.id, { intoCaseId: earlier.id, reason: 'Zelfde persoon.', version: 1 }))).toBe('FORBIDDEN');
    expect(await code(mergeReferral(regisseur, repeat.id, { intoCaseId: other.id, reason: 'Zelfde persoon.', version: 1 }))).toBe('VALIDATION');
    expect(await code(mergeReferral(regisseur, repeat.id, { intoCaseId: earlier.id, reason: 'Zelfde persoon.', version: 7 }))).toBe('CONFLICT');
    const merged = await mergeReferral(regisseur, repeat.id, { intoCaseId: earlier.id, reason: 'Zelfde persoon, nieuwe melding.', version: 1 }, minutes(10));
    expect(merged).toEqual({ id: repeat.id, mergedInto: { id: earlier.id, number: earlier.number }, version: 2 });
    // Both timelines say so, with the reason.
    const into = await getTimeline(regisseur, repeat.id);
    expect(into[0]).toMatchObject({ kind: 'merge', reason: 'Zelfde persoon, nieuwe melding.', data: { caseNumber: earlier.number, direction: 'into' } });
    const from = await getTimeline(regisseur, earlier.id);
    expect(from[0]).toMatchObject({ kind: 'merge', data: { caseNumber: repeat.number, direction: 'from' } });
    expect(await getReferralMatching(regisseur, repeat.id, minutes(11))).toMatchObject({ mergedInto: { id: earlier.id }, open: true });
  });

  it('does not let triage take on a merged referral as a case of its own', async () => {
    expect(await code(transitionCase(regisseur, repeat.id, { action: 'triage', decision: 'in_behandeling', reason: 'Toch apart.', version: 2 }))).toBe('VALIDATION');
  });

  it('undoes the merge until the triage is decided, and not after', async () => {
    expect(await code(undoMerge(politie, repeat.id, { version: 2 }))).toBe('FORBIDDEN');
    expect(await code(undoMerge(regisseur, repeat.id, { version: 1 }))).toBe('CONFLICT');
    expect(await undoMerge(regisseur, repeat.id, { version: 2 }, minutes(12))).toEqual({ id: repeat.id, version: 3 });
    expect(await getReferralMatching(regisseur, repeat.id, minutes(13))).toMatchObject({ mergedInto: null, open: true });
    expect((await getTimeline(regisseur, earlier.id))[0]).toMatchObject({ kind: 'unmerge', data: { caseNumber: repeat.number } });
    // Merged again, then decided: from then on the merge stands.
    await mergeReferral(regisseur, repeat.id, { intoCaseId: earlier.id, reason: 'Toch dezelfde.', version: 3 }, minutes(14));
    await transitionCase(regisseur, repeat.id, { action: 'triage', decision: 'geen_actie', reason: 'Loopt via de eerdere casus.', version: 4 }, minutes(15));
    expect(await code(undoMerge(regisseur, repeat.id, { version: 5 }))).toBe('VALIDATION');
    expect(await getReferralMatching(regisseur, repeat.id, minutes(16))).toMatchObject({ mergedInto: { id: earlier.id }, open: false, matches: [] });
  });

  it('goes on with a referral as a case of its own only with a reason, which is recorded', async () => {
    const again = await createReferral(regisseur, person('Saskia Verbeek Oudshoorn', '1979-03-14'), minutes(20));
    expect(continueReferralSchema.safeParse({ reason: '', version: 1 }).success).toBe(false);
    expect(await code(continueReferral(politie, again.id, { reason: 'Andere vraag.', version: 1 }))).toBe('NOT_FOUND');
    await continueReferral(regisseur, again.id, { reason: 'Een nieuwe, andere hulpvraag.', version: 1 }, minutes(21));
    expect(await getReferralMatching(regisseur, again.id, minutes(22))).toMatchObject({ continuedReason: 'Een nieuwe, andere hulpvraag.', mergedInto: null });
    // Without a known person there is nothing to go on from.
    const alone = await createReferral(regisseur, person('Niemand Anders Hier', '1990-01-01'), minutes(23));
    expect(await code(continueReferral(regisseur, alone.id, { reason: 'x', version: 1 }))).toBe('VALIDATION');
  });

  it('counts repeat referrals within 12 months of closure on the dashboard', async () => {
    const period = { from: '2026-09-01', to: '2026-10-31' };
    const asRegisseur = await getDashboard(regisseur, period, { now: minutes(30) });
    // The politie referral and the regisseur's second one; not the namesake, not the unknown people.
    expect(asRegisseur.figures.repeatReferrals).toBe(2);
    // A manager sees the figure with small cells suppressed, like every case count.
    expect((await getDashboard(manager, period, { now: minutes(30) })).figures.repeatReferrals).toBe('< 5');
    // More than 12 months after the closure it is no repeat: move the earlier closure back 13 months.
    await handle.db.execute(sql`update cases set closed_at = closed_at - interval '13 months' where id = ${earlier.id}`);
    expect((await getDashboard(regisseur, period, { now: minutes(30) })).figures.repeatReferrals).toBe(0);
    await handle.db.execute(sql`update cases set closed_at = closed_at + interval '13 months' where id = ${earlier.id}`);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from referral_matches`);
    expect(row!.n).toBeGreaterThanOrEqual(2);
  });
});
