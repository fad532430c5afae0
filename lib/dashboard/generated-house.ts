import { agreementStatus, agreements, caseStatus, casePartners, cases, referralMatches, signals, type AgreementStatus, type CaseStatus, type TargetGroup } from '@/db/schema';
import type { Db } from '@/db/types';
import { NOW, type TestHouse } from './test-house';

/*
 * A generated house on top of ./test-house.ts, for the rollup equality test (./rollup-oracle.test.ts) and
 * the rollup measurement (scripts/bench/rollup-explain.ts): cases over ten years in four municipalities
 * and four target groups, partners (some ended), agreements of every status, signals open, snoozed and
 * resolved, some about an organisation, and repeat referrals. A fixed seed: the same house every run, on
 * PGlite and PostgreSQL.
 */

/** Rows per insert, within the 65,535 parameters of one statement. */
const CHUNK = 1000;
const chunks = <T,>(rows: T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

const MUNICIPALITIES = ['GM0344', 'GM0307', 'GM0321', 'GM0363'];
const GROUPS: TargetGroup[] = ['huiselijk_geweld', 'overlast', 'jeugd', 'top_x'];
const STATUSES: CaseStatus[] = caseStatus.enumValues;
const AGREEMENT_STATUSES: AgreementStatus[] = agreementStatus.enumValues;
export const DAY = 86_400_000;

/** mulberry32: the same house on PGlite and PostgreSQL, every run. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!, int: (n: number) => Math.floor(next() * n) };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Inserts `count` generated cases (with partners, agreements, signals and matches) into the test house, as the owner. */
export async function generateHouse(db: Db, house: TestHouse, count: number): Promise<void> {
  const rng = random(17);
  const partners = [house.org.politie, house.org.ggz, house.org.mitros];
  const regisseur = house.actor.regisseur.userId;
  const start = Date.parse('2017-01-01T00:00:00Z');
  const caseRows = Array.from({ length: count }, (_, i) => {
    // Seconds and fractions of a day, so that the medians fall between whole days.
    const created = start + Math.floor(rng.next() * (NOW.getTime() - start));
    let status = rng.pick(STATUSES);
    const triaged = status === 'aangemeld' ? null : created + Math.floor(rng.next() * 20 * DAY);
    let closed = status === 'afgesloten' || status === 'afgewezen' ? triaged! + Math.floor(rng.next() * 400 * DAY) : null;
    if (triaged !== null && triaged > NOW.getTime()) status = 'aangemeld';
    if (closed !== null && closed > NOW.getTime()) [status, closed] = ['actief', null];
    return {
      number: `G-${i + 1}`,
      status,
      targetGroup: rng.pick(GROUPS),
      municipalityCode: rng.pick(MUNICIPALITIES),
      subjectName: `Betrokkene ${i}`,
      subjectBirthDate: '1990-01-01',
      reason: 'Reden.',
      goal: 'Doel.',
      criterionMultiDomain: true,
      criterionMultiChain: true,
      criterionHousehold: true,
      criterionLocalSafety: true,
      referrerUserId: regisseur,
      referrerOrganisationId: house.org.house,
      regisseurUserId: regisseur,
      triagedAt: status === 'aangemeld' ? null : new Date(triaged!),
      closedAt: closed === null ? null : new Date(closed),
      createdAt: new Date(created),
      updatedAt: new Date(created),
    };
  });
  const ids: string[] = [];
  for (const chunk of chunks(caseRows)) ids.push(...(await db.insert(cases).values(chunk).returning({ id: cases.id })).map((r) => r.id));
  const partnerRows = ids.flatMap((caseId) =>
    partners
      .filter(() => rng.next() < 0.4)
      .map((organisationId) => ({ caseId, organisationId, reason: 'Nodig.', addedByUserId: regisseur, endedAt: rng.next() < 0.3 ? NOW : null })),
  );
  for (const chunk of chunks(partnerRows)) await db.insert(casePartners).values(chunk);
  const agreementRows = ids.flatMap((caseId, i) =>
    Array.from({ length: rng.int(5) }, () => {
      const due = caseRows[i]!.createdAt.getTime() + Math.floor(rng.next() * 400 * DAY);
      const status = rng.pick(AGREEMENT_STATUSES);
      return {
        caseId,
        description: 'Afspraak.',
        ownerOrganisationId: rng.pick(partners),
        dueDate: isoDay(due),
        originalDueDate: isoDay(due),
        status,
        completedAt: status === 'gereed' ? new Date(due + Math.floor((rng.next() - 0.6) * 20 * DAY)) : null,
        closeReason: status === 'niet_nagekomen' ? rng.pick(['niet_meer_mogelijk', 'niet_uitgevoerd'] as const) : null,
        createdByUserId: regisseur,
        createdAt: caseRows[i]!.createdAt,
      };
    }),
  );
  for (const chunk of chunks(agreementRows)) await db.insert(agreements).values(chunk);
  const signalRows = ids.flatMap((caseId, i) =>
    Array.from({ length: rng.int(3) }, (_, k) => {
      const created = caseRows[i]!.createdAt.getTime() + Math.floor(rng.next() * (NOW.getTime() - caseRows[i]!.createdAt.getTime()));
      const resolved = rng.next() < 0.5 ? Math.min(created + Math.floor(rng.next() * 60 * DAY), NOW.getTime()) : null;
      const aboutOrganisation = rng.next() < 0.1;
      const organisationId = rng.pick(partners);
      return {
        key: `gen:${i}:${k}`,
        rule: 'test',
        subjectType: aboutOrganisation ? 'organisation' : 'case',
        subjectId: aboutOrganisation ? organisationId : caseId,
        caseId: aboutOrganisation ? null : caseId,
        organisationId,
        since: new Date(created),
        message: 'Signaal.',
        status: resolved ? ('resolved' as const) : rng.next() < 0.2 ? ('snoozed' as const) : ('open' as const),
        level: rng.int(4),
        levelSince: new Date(created),
        resolvedAt: resolved ? new Date(resolved) : null,
        createdAt: new Date(created),
      };
    }),
  );
  for (const chunk of chunks(signalRows)) await db.insert(signals).values(chunk);
  // Repeat referrals: a later case of the same person matched to an earlier one.
  const matches = ids.slice(1).flatMap((referral, i) => (rng.next() < 0.3 ? [{ referralCaseId: referral, matchedCaseId: ids[rng.int(i + 1)]! }] : []));
  for (const chunk of chunks(matches)) await db.insert(referralMatches).values(chunk).onConflictDoNothing();
}

