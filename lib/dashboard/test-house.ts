import {
  agreements,
  casePartners,
  cases,
  organisations,
  settings,
  signals,
  users,
  type AgreementStatus,
  type CaseStatus,
  type TargetGroup,
  type UserRole,
} from '@/db/schema';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/actor';

/*
 * The dashboard tests' house: a few cases, agreements and signals with fixed dates, inserted as the owner
 * (no demo data), with every figure computed by hand below. "Now" is Monday 15 June 2026, 12:00 in
 * Amsterdam; the period is 1 January up to and including 30 June 2026.
 */

export const NOW = new Date('2026-06-15T10:00:00Z');
export const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
export const FORMULA = '=HYPERLINK("https://evil.example","Mitros")';

export type TestOrganisation = 'house' | 'politie' | 'ggz' | 'mitros';

export interface TestHouse {
  org: Record<TestOrganisation, string>;
  actor: Record<UserRole, Actor>;
}

interface CaseSpec {
  key: string;
  municipality: string;
  type: TargetGroup;
  status: CaseStatus;
  created: string;
  triaged?: string;
  closed?: string;
  partners: TestOrganisation[];
}

/*
 * Cases. Active = actief or monitoring: C1, C2, C5, C8 (4). Created in the period: C1, C2, C4, C6, C7, C8 (6).
 * Days to triage of the cases triaged in the period: C1 4, C2 2, C6 6, C7 2, C8 1 → 5 cases, median 2.
 * Days to closure of the cases closed (afgesloten) in the period: C3 121, C7 60 → 2 cases, median 90.5
 * (C6 was afgewezen: not a closure). A manager sees 4 active cases and the 2 closed ones as "< 5", and
 * no closure median; 6 referrals and 5 triaged cases stay exact.
 */
const CASES: CaseSpec[] = [
  { key: 'C1', municipality: 'GM0344', type: 'huiselijk_geweld', status: 'actief', created: '2026-02-01T10:00:00Z', triaged: '2026-02-05T10:00:00Z', partners: ['politie', 'ggz'] },
  { key: 'C2', municipality: 'GM0344', type: 'overlast', status: 'monitoring', created: '2026-03-01T10:00:00Z', triaged: '2026-03-03T10:00:00Z', partners: ['politie', 'ggz', 'mitros'] },
  { key: 'C3', municipality: 'GM0307', type: 'huiselijk_geweld', status: 'afgesloten', created: '2025-12-01T10:00:00Z', triaged: '2025-12-11T10:00:00Z', closed: '2026-04-01T10:00:00Z', partners: ['politie', 'ggz'] },
  { key: 'C4', municipality: 'GM0307', type: 'overlast', status: 'aangemeld', created: '2026-06-10T10:00:00Z', partners: [] },
  { key: 'C5', municipality: 'GM0344', type: 'huiselijk_geweld', status: 'actief', created: '2025-06-01T10:00:00Z', triaged: '2025-06-04T10:00:00Z', partners: ['politie', 'ggz'] },
  { key: 'C6', municipality: 'GM0344', type: 'overlast', status: 'afgewezen', created: '2026-05-01T10:00:00Z', triaged: '2026-05-07T10:00:00Z', closed: '2026-05-07T10:00:00Z', partners: [] },
  { key: 'C7', municipality: 'GM0321', type: 'huiselijk_geweld', status: 'afgesloten', created: '2026-01-10T10:00:00Z', triaged: '2026-01-12T10:00:00Z', closed: '2026-03-11T10:00:00Z', partners: ['mitros'] },
  // Outside the house's region (Amsterdam), still counted and listed.
  { key: 'C8', municipality: 'GM0363', type: 'overlast', status: 'actief', created: '2026-04-01T10:00:00Z', triaged: '2026-04-02T10:00:00Z', partners: [] },
];

interface AgreementSpec {
  key: string;
  case: string;
  owner: TestOrganisation;
  due: string;
  status: AgreementStatus;
  completed?: string;
}

/*
 * Agreements, today 2026-06-15:
 * - open (open / in_uitvoering): A3, A4, A5, A7 → 4; overdue (due before today): A3 (14 days), A4 (5), A7 (196) → 3;
 * - due in the period, passed or done, not vervallen: A1, A2, A3, A4, A6, A9, A11 → 7 (A5 is due later and
 *   still open, A8 vervallen, A7 and A10 outside the period); on time: A1, A6 → 2 → 29 %.
 *   A11 was completed at 00:30 on 11 May in Amsterdam (22:30 UTC on the 10th): one day late.
 * Per partner, worst first:
 * - GGZ: open 2, overdue 2 (A3, A4), due 3 (A3, A4, A11), on time 0 → 0 %, average overdue (14 + 5) / 2 = 9.5;
 * - Politie: open 2 (A5, A7), overdue 1 (A7), due 2 (A1, A2), on time 1 → 50 %, average overdue 196;
 * - Mitros: open 0, overdue 0, due 2 (A6, A9), on time 1 → 50 %, no average.
 */
const AGREEMENTS: AgreementSpec[] = [
  { key: 'A1', case: 'C1', owner: 'politie', due: '2026-03-01', status: 'gereed', completed: '2026-02-27T10:00:00Z' },
  { key: 'A2', case: 'C1', owner: 'politie', due: '2026-04-01', status: 'gereed', completed: '2026-04-05T10:00:00Z' },
  { key: 'A3', case: 'C1', owner: 'ggz', due: '2026-06-01', status: 'open' },
  { key: 'A4', case: 'C2', owner: 'ggz', due: '2026-06-10', status: 'in_uitvoering' },
  { key: 'A5', case: 'C2', owner: 'politie', due: '2026-06-20', status: 'open' },
  { key: 'A6', case: 'C2', owner: 'mitros', due: '2026-06-25', status: 'gereed', completed: '2026-06-12T10:00:00Z' },
  { key: 'A7', case: 'C5', owner: 'politie', due: '2025-12-01', status: 'open' },
  { key: 'A8', case: 'C5', owner: 'ggz', due: '2026-02-01', status: 'vervallen' },
  { key: 'A9', case: 'C7', owner: 'mitros', due: '2026-02-15', status: 'niet_nagekomen' },
  { key: 'A10', case: 'C3', owner: 'politie', due: '2025-11-01', status: 'gereed', completed: '2025-10-30T10:00:00Z' },
  { key: 'A11', case: 'C3', owner: 'ggz', due: '2026-05-10', status: 'gereed', completed: '2026-05-10T22:30:00Z' },
];

interface SignalSpec {
  key: string;
  case: string | null;
  organisation: TestOrganisation;
  level: number;
  created: string;
  resolved?: string;
  snoozed?: boolean;
}

/*
 * Signals, the period 1 January–30 June 2026 in Amsterdam (weeks from Monday 29 December 2025):
 * - S1 opened 00:30 on 1 January in Amsterdam (23:30 UTC the day before): in the period, week 2025-12-29;
 * - S2 opened 23:30 on 31 December in Amsterdam: before the period, still open (level 1);
 * - S3 opened 23:30 on Sunday 1 March (week 2026-02-23), resolved on Monday 2 March (week 2026-03-02);
 * - S4 (snoozed, so open) and S5 (about an organisation, no case) opened in the week of 15 June;
 * - S6 opened 23:59 on 30 June (week 2026-06-29), resolved 00:30 on 1 July: after the period.
 */
const SIGNALS: SignalSpec[] = [
  { key: 'S1', case: 'C1', organisation: 'ggz', level: 0, created: '2025-12-31T23:30:00Z' },
  { key: 'S2', case: 'C1', organisation: 'politie', level: 1, created: '2025-12-31T22:30:00Z' },
  { key: 'S3', case: 'C2', organisation: 'politie', level: 2, created: '2026-03-01T22:30:00Z', resolved: '2026-03-02T10:00:00Z' },
  { key: 'S4', case: 'C3', organisation: 'ggz', level: 2, created: '2026-06-15T10:00:00Z', snoozed: true },
  { key: 'S5', case: null, organisation: 'politie', level: 3, created: '2026-06-16T10:00:00Z' },
  { key: 'S6', case: 'C8', organisation: 'mitros', level: 0, created: '2026-06-30T21:59:00Z', resolved: '2026-06-30T22:30:00Z' },
];

function actorFor(row: { id: string; email: string; name: string; role: UserRole; organisationId: string }): Actor {
  return {
    userId: row.id,
    sessionId: '00000000-0000-4000-8000-000000000000',
    email: row.email,
    name: row.name,
    role: row.role,
    locale: 'nl',
    organisationId: row.organisationId,
    organisationName: '',
    organisationDomain: 'veiligheidshuis',
    ip: null,
    userAgent: null,
  };
}

/** Inserts the house as the database owner (no row-level security) and returns its ids and actors. */
export async function seedTestHouse(db: Db): Promise<TestHouse> {
  const org: Record<TestOrganisation, string> = { house: '', politie: '', ggz: '', mitros: '' };
  const actor = {} as Record<UserRole, Actor>;
  await db.insert(settings).values({ key: 'house', value: { name: 'Testhuis', safetyRegionCode: 'VR09' } });
  const orgs = await db
    .insert(organisations)
    .values([
      { name: 'Testhuis', shortName: 'Huis', domain: 'veiligheidshuis' },
      { name: 'Politie Test', shortName: 'Politie', domain: 'veiligheid' },
      { name: 'GGZ Coöperatie', shortName: 'GGZ', domain: 'zorg' },
      // A name someone typed in as a formula: the CSV must not let a spreadsheet run it.
      { name: FORMULA, shortName: 'Mitros', domain: 'overig' },
    ])
    .returning({ id: organisations.id, shortName: organisations.shortName });
  org.house = orgs[0]!.id;
  org.politie = orgs[1]!.id;
  org.ggz = orgs[2]!.id;
  org.mitros = orgs[3]!.id;
  const people = await db
    .insert(users)
    .values(
      (
        [
          ['manager', org.house],
          ['regisseur', org.house],
          ['admin', org.house],
          ['professional', org.politie],
        ] as const
      ).map(([role, organisationId]) => ({
        email: `${role}@test.example`,
        name: `Test ${role}`,
        role,
        organisationId,
        passwordHash: 'not-used',
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId });
  for (const person of people) actor[person.role] = actorFor(person);
  const regisseur = actor.regisseur.userId;

  const caseIds = new Map<string, string>();
  for (const [i, c] of CASES.entries()) {
    const [row] = await db
      .insert(cases)
      .values({
        number: `T-${i + 1}`,
        status: c.status,
        targetGroup: c.type,
        municipalityCode: c.municipality,
        subjectName: `Betrokkene ${c.key}`,
        subjectBirthDate: '1990-01-01',
        reason: 'Reden.',
        goal: 'Doel.',
        criterionMultiDomain: true,
        criterionMultiChain: true,
        criterionHousehold: true,
        criterionLocalSafety: true,
        referrerUserId: regisseur,
        referrerOrganisationId: org.house,
        regisseurUserId: regisseur,
        triagedAt: c.triaged ? new Date(c.triaged) : null,
        closedAt: c.closed ? new Date(c.closed) : null,
        createdAt: new Date(c.created),
        updatedAt: new Date(c.created),
      })
      .returning({ id: cases.id });
    caseIds.set(c.key, row!.id);
    for (const partner of c.partners) {
      await db.insert(casePartners).values({ caseId: row!.id, organisationId: org[partner], reason: 'Nodig.', addedByUserId: regisseur });
    }
  }
  for (const a of AGREEMENTS) {
    await db.insert(agreements).values({
      caseId: caseIds.get(a.case)!,
      description: `Afspraak ${a.key}`,
      ownerOrganisationId: org[a.owner],
      dueDate: a.due,
      originalDueDate: a.due,
      status: a.status,
      completedAt: a.completed ? new Date(a.completed) : null,
      createdByUserId: regisseur,
      createdAt: new Date('2025-06-01T10:00:00Z'),
    });
  }
  for (const g of SIGNALS) {
    await db.insert(signals).values({
      key: `test:${g.key}`,
      rule: 'test',
      subjectType: g.case ? 'case' : 'organisation',
      subjectId: g.case ? caseIds.get(g.case)! : org[g.organisation],
      caseId: g.case ? caseIds.get(g.case)! : null,
      organisationId: org[g.organisation],
      since: new Date(g.created),
      message: `Signaal ${g.key}`,
      status: g.resolved ? 'resolved' : g.snoozed ? 'snoozed' : 'open',
      level: g.level,
      levelSince: new Date(g.created),
      resolvedAt: g.resolved ? new Date(g.resolved) : null,
      createdAt: new Date(g.created),
    });
  }
  return { org, actor };
}
