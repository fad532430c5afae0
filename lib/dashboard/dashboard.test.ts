import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreements,
  auditLog,
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
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { AppError } from '@/lib/http/errors';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { csvFormat, dashboardRows, exportDashboardCsv, toCsv } from './csv';
import { getDashboard } from './figures';
import { dashboardCsvQuerySchema, dashboardQuerySchema, resolveScope } from './query';
import type { SignalSource } from './signals';

/*
 * A small house with fixed dates, inserted as the owner (no demo data), and every figure of the
 * dashboard compared with numbers computed by hand below. "Now" is Monday 15 June 2026, 12:00 in
 * Amsterdam; the period is 1 January up to and including 30 June 2026.
 */

const NOW = new Date('2026-06-15T10:00:00Z');
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const FORMULA = '=HYPERLINK("https://evil.example","Mitros")';

let handle: DbHandle;
const org: Record<'house' | 'politie' | 'ggz' | 'mitros', string> = { house: '', politie: '', ggz: '', mitros: '' };
const actor: Record<UserRole, Actor> = {} as Record<UserRole, Actor>;

interface CaseSpec {
  key: string;
  municipality: string;
  type: TargetGroup;
  status: CaseStatus;
  created: string;
  triaged?: string;
  closed?: string;
  partners: (keyof typeof org)[];
}

/*
 * Cases. Active = actief or monitoring: C1, C2, C5, C8 (4). Created in the period: C1, C2, C4, C6, C7, C8 (6).
 * Days to triage of the cases triaged in the period: C1 4, C2 2, C6 6, C7 2, C8 1 → median 2.
 * Days to closure of the cases closed (afgesloten) in the period: C3 121, C7 60 → median 90.5
 * (C6 was afgewezen: not a closure).
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
  owner: keyof typeof org;
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
  organisation: keyof typeof org;
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

beforeAll(async () => {
  handle = await useFreshDatabase();
  const db = handle.db;
  await db.insert(settings).values({ key: 'house', value: { name: 'Testhuis', safetyRegionCode: 'VR09' } });
  const orgs = await db
    .insert(organisations)
    .values([
      { name: 'Testhuis', shortName: 'Huis', domain: 'veiligheidshuis' },
      { name: 'Politie Test', shortName: 'Politie', domain: 'veiligheid' },
      { name: 'GGZ Test', shortName: 'GGZ', domain: 'zorg' },
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
});
afterAll(() => closeDb());

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('the dashboard query', () => {
  it('defaults to the last twelve months up to and including today', () => {
    expect(resolveScope({}, NOW)).toEqual({ from: '2025-06-16', to: '2026-06-15', today: '2026-06-15' });
    expect(resolveScope({ to: '2026-03-31' }, NOW)).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('refuses an end before the start, and other bad input, in Dutch', () => {
    const parsed = dashboardQuerySchema.safeParse({ from: '2026-05-01', to: '2026-04-30' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['to'], message: 'De einddatum ligt vóór de begindatum.' });
    const bad = dashboardQuerySchema.safeParse({ from: '1-5-2026', type: 'iedereen', municipality: 'Utrecht', organisation: 'x' });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['from', 'Gebruik voor de begindatum de vorm JJJJ-MM-DD.'],
      ['type', 'Onbekende doelgroep.'],
      ['municipality', 'Kies een gemeente uit de lijst.'],
      ['organisation', 'Onbekende partnerorganisatie.'],
    ]);
    // A start after today without an end: the period is that one day, not turned around.
    expect(resolveScope({ from: '2027-01-01' }, NOW)).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
    expect(dashboardCsvQuerySchema.safeParse({ table: 'cases' }).error!.issues[0]!.message).toBe(
      'Kies de tabel: figures, partners of municipalities.',
    );
  });

  it('treats empty form fields as no filter', () => {
    expect(dashboardQuerySchema.parse({ from: '', to: '', type: '', municipality: '', organisation: '' })).toEqual({});
  });
});

describe('the dashboard figures (hand-computed)', () => {
  it('gives the key figures of the period', async () => {
    const dashboard = await getDashboard(actor.manager, PERIOD, { now: NOW });
    expect(dashboard.scope).toEqual({ ...PERIOD, today: '2026-06-15' });
    expect(dashboard.figures).toEqual({
      activeCases: 4,
      newReferrals: 6,
      openAgreements: 4,
      overdueAgreements: 3,
      agreementsDue: 7,
      agreementsOnTime: 2,
      onTimePercent: 29,
      medianDaysToTriage: 2,
      medianDaysToClosure: 90.5,
    });
    expect(dashboard.signals).toBeNull();
  });

  it('lists the partner organisations with the worst stagnation on top', async () => {
    const { partners } = await getDashboard(actor.manager, PERIOD, { now: NOW });
    expect(partners.map((row) => ({ ...row, organisationId: undefined }))).toEqual([
      { organisationId: undefined, name: 'GGZ Test', shortName: 'GGZ', open: 2, overdue: 2, agreementsDue: 3, agreementsOnTime: 0, onTimePercent: 0, averageDaysOverdue: 9.5 },
      { organisationId: undefined, name: 'Politie Test', shortName: 'Politie', open: 2, overdue: 1, agreementsDue: 2, agreementsOnTime: 1, onTimePercent: 50, averageDaysOverdue: 196 },
      { organisationId: undefined, name: FORMULA, shortName: 'Mitros', open: 0, overdue: 0, agreementsDue: 2, agreementsOnTime: 1, onTimePercent: 50, averageDaysOverdue: null },
    ]);
    expect(partners[0]!.organisationId).toBe(org.ggz);
  });

  it('counts cases and referrals per municipality of the region, and any other with cases', async () => {
    const { municipalities } = await getDashboard(actor.manager, PERIOD, { now: NOW });
    expect(municipalities).toHaveLength(27); // the 26 of VR09 and Amsterdam
    expect(municipalities.slice(0, 4)).toEqual([
      { code: 'GM0344', name: 'Utrecht', activeCases: 3, newReferrals: 3 },
      { code: 'GM0363', name: 'Amsterdam', activeCases: 1, newReferrals: 1 },
      { code: 'GM0307', name: 'Amersfoort', activeCases: 0, newReferrals: 1 },
      { code: 'GM0321', name: 'Houten', activeCases: 0, newReferrals: 1 },
    ]);
    expect(municipalities.slice(4).every((m) => m.activeCases === 0 && m.newReferrals === 0)).toBe(true);
  });

  it('gives a regisseur the same figures as a manager', async () => {
    const [asManager, asRegisseur] = await Promise.all([
      getDashboard(actor.manager, PERIOD, { now: NOW }),
      getDashboard(actor.regisseur, PERIOD, { now: NOW }),
    ]);
    expect(asRegisseur).toEqual(asManager);
  });

  it('narrows everything to a target group', async () => {
    // Cases C1, C3, C5, C7; their agreements A1–A3, A7–A11.
    const d = await getDashboard(actor.manager, { ...PERIOD, type: 'huiselijk_geweld' }, { now: NOW });
    expect(d.figures).toEqual({
      activeCases: 2, // C1, C5
      newReferrals: 2, // C1, C7
      openAgreements: 2, // A3, A7
      overdueAgreements: 2,
      agreementsDue: 5, // A1, A2, A3, A9, A11
      agreementsOnTime: 1, // A1
      onTimePercent: 20,
      medianDaysToTriage: 3, // C1 4, C7 2
      medianDaysToClosure: 90.5, // C3 121, C7 60
    });
    expect(d.municipalities.find((m) => m.code === 'GM0344')).toMatchObject({ activeCases: 2, newReferrals: 1 });
  });

  it('narrows everything to a municipality', async () => {
    // Cases C3, C4 in Amersfoort; agreements A10 (outside the period, done) and A11.
    const d = await getDashboard(actor.manager, { ...PERIOD, municipality: 'GM0307' }, { now: NOW });
    expect(d.figures).toEqual({
      activeCases: 0,
      newReferrals: 1,
      openAgreements: 0,
      overdueAgreements: 0,
      agreementsDue: 1,
      agreementsOnTime: 0,
      onTimePercent: 0,
      medianDaysToTriage: null,
      medianDaysToClosure: 121,
    });
    expect(d.municipalities).toEqual([{ code: 'GM0307', name: 'Amersfoort', activeCases: 0, newReferrals: 1 }]);
    expect(d.partners.map((p) => p.name)).toEqual(['GGZ Test']);
  });

  it('narrows to a partner: the agreements it owns, the cases it is convened to', async () => {
    // GGZ is convened to C1, C2, C3, C5 and owns A3, A4, A8, A11.
    const d = await getDashboard(actor.manager, { ...PERIOD, organisation: org.ggz }, { now: NOW });
    expect(d.figures).toEqual({
      activeCases: 3, // C1, C2, C5
      newReferrals: 2, // C1, C2
      openAgreements: 2,
      overdueAgreements: 2,
      agreementsDue: 3,
      agreementsOnTime: 0,
      onTimePercent: 0,
      medianDaysToTriage: 3, // C1 4, C2 2
      medianDaysToClosure: 121, // C3
    });
    expect(d.partners.map((p) => p.name)).toEqual(['GGZ Test']);
  });

  it('narrows to a shorter period', async () => {
    // March 2026: referral C2; triaged C2 (2 days); closed C7 (60 days); due A1 (on time).
    const d = await getDashboard(actor.manager, { from: '2026-03-01', to: '2026-03-31' }, { now: NOW });
    expect(d.figures).toMatchObject({
      activeCases: 4,
      newReferrals: 1,
      openAgreements: 4,
      overdueAgreements: 3,
      agreementsDue: 1,
      agreementsOnTime: 1,
      onTimePercent: 100,
      medianDaysToTriage: 2,
      medianDaysToClosure: 60,
    });
  });

  it('passes the signal figures through when a source supplies them', async () => {
    const source: SignalSource = async (_tx, scope) => ({
      openByLevel: [{ level: 'regisseur', count: scope.type ? 1 : 3 }],
      weekly: [{ weekStart: '2026-06-08', opened: 2, resolved: 1 }],
    });
    const d = await getDashboard(actor.manager, PERIOD, { now: NOW, signals: source });
    expect(d.signals).toEqual({ openByLevel: [{ level: 'regisseur', count: 3 }], weekly: [{ weekStart: '2026-06-08', opened: 2, resolved: 1 }] });
    const rows = dashboardRows(d, 'figures', 'nl');
    expect(rows).toContainEqual(['Open signalen: bij de regisseur', 3]);
    expect(rows).toContainEqual(['Open signalen: in de stuurgroep', 0]);
    expect(rows).toContainEqual(['Signalen opgelost in week van 2026-06-08', 1]);
  });

  it('refuses professionals and admins, and logs the attempt', async () => {
    expect(await codeOf(getDashboard(actor.professional, PERIOD, { now: NOW }))).toBe('FORBIDDEN');
    expect(await codeOf(getDashboard(actor.admin, PERIOD, { now: NOW }))).toBe('FORBIDDEN');
    expect(await codeOf(exportDashboardCsv(actor.professional, { table: 'partners', ...PERIOD }, NOW))).toBe('FORBIDDEN');
    const denied = await handle.db
      .select({ entity: auditLog.entity, outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.userId, actor.professional.userId), eq(auditLog.action, 'denied')));
    expect(denied).toEqual([
      { entity: 'dashboard', outcome: 'denied' },
      { entity: 'dashboard', outcome: 'denied' },
    ]);
  });
});

describe('the signal figures (hand-computed)', () => {
  const figuresFor = async (filters: { type?: TargetGroup; municipality?: string; organisation?: string }) => {
    const { signals: figures } = await getDashboard(actor.manager, { ...PERIOD, ...filters }, { now: NOW, signals: signalFigures });
    return {
      open: figures!.openByLevel.map((l) => l.count),
      weeks: figures!.weekly.length,
      active: figures!.weekly.filter((w) => w.opened || w.resolved),
    };
  };

  it('counts the open signals per level and, per week in Amsterdam, those opened and resolved in the period', async () => {
    expect(await figuresFor({})).toEqual({
      open: [1, 1, 1, 1], // S1, S2, S4, S5
      weeks: 27,
      active: [
        { weekStart: '2025-12-29', opened: 1, resolved: 0 },
        { weekStart: '2026-02-23', opened: 1, resolved: 0 },
        { weekStart: '2026-03-02', opened: 0, resolved: 1 },
        { weekStart: '2026-06-15', opened: 2, resolved: 0 },
        { weekStart: '2026-06-29', opened: 1, resolved: 0 },
      ],
    });
  });

  it('narrows to a target group or a municipality through the case, and to an organisation', async () => {
    // huiselijk_geweld: S1, S2, S4; GM0344: S1, S2, S3; Politie: S2, S3, S5.
    expect(await figuresFor({ type: 'huiselijk_geweld' })).toEqual({
      open: [1, 1, 1, 0],
      weeks: 27,
      active: [
        { weekStart: '2025-12-29', opened: 1, resolved: 0 },
        { weekStart: '2026-06-15', opened: 1, resolved: 0 },
      ],
    });
    expect(await figuresFor({ municipality: 'GM0344' })).toEqual({
      open: [1, 1, 0, 0],
      weeks: 27,
      active: [
        { weekStart: '2025-12-29', opened: 1, resolved: 0 },
        { weekStart: '2026-02-23', opened: 1, resolved: 0 },
        { weekStart: '2026-03-02', opened: 0, resolved: 1 },
      ],
    });
    expect(await figuresFor({ organisation: org.politie })).toEqual({
      open: [0, 1, 0, 1],
      weeks: 27,
      active: [
        { weekStart: '2026-02-23', opened: 1, resolved: 0 },
        { weekStart: '2026-03-02', opened: 0, resolved: 1 },
        { weekStart: '2026-06-15', opened: 1, resolved: 0 },
      ],
    });
  });
});

describe('the CSV export', () => {
  it('escapes cells that a spreadsheet would run as a formula, but not numbers', () => {
    const csv = toCsv([['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx', 'gewoon', -3, 4.5]], csvFormat('en'));
    const [cells] = parse(csv, { bom: true }) as string[][];
    expect(cells).toEqual(["'=1+1", "'+31", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'gewoon', '-3', '4.5']);
  });

  it('exports the partner table with BOM, Dutch headers, a semicolon and the decimal comma, and audits it', async () => {
    const { filename, body } = await exportDashboardCsv(actor.manager, { table: 'partners', ...PERIOD }, NOW);
    expect(filename).toBe('dashboard-partners-2026-01-01-2026-06-30.csv');
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body).toContain('\r\n');
    const rows = parse(body, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([
      'Organisatie',
      'Open',
      'Over de deadline',
      'Afspraken met deadline in de periode',
      'Waarvan op tijd gereed',
      'Op tijd gereed (%)',
      'Gemiddeld dagen over de deadline',
    ]);
    expect(rows[1]).toEqual(['GGZ Test', '2', '2', '3', '0', '0', '9,5']);
    expect(rows[3]).toEqual([`'${FORMULA}`, '0', '0', '2', '1', '50', '']);
    const [entry] = await handle.db
      .select({ action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.userId, actor.manager.userId), eq(auditLog.action, 'export')));
    expect(entry).toEqual({
      action: 'export',
      entity: 'dashboard',
      entityId: 'partners',
      details: { table: 'partners', from: '2026-01-01', to: '2026-06-30', filters: [], rows: 3 },
    });
  });

  it('exports the key figures and the municipalities, in English for an English user', async () => {
    const english = { ...actor.manager, locale: 'en' };
    const figures = parse((await exportDashboardCsv(english, { table: 'figures', ...PERIOD }, NOW)).body, { bom: true }) as string[][];
    expect(figures).toContainEqual(['Done on time (%)', '29']);
    expect(figures).toContainEqual(['Median lead time to closure (days)', '90.5']);
    expect(figures).toContainEqual(['Open signals', 'No signals yet']);
    const municipalities = parse(
      (await exportDashboardCsv(actor.manager, { table: 'municipalities', ...PERIOD, municipality: 'GM0344' }, NOW)).body,
      { bom: true, delimiter: ';' },
    ) as string[][];
    expect(municipalities).toEqual([
      ['Gemeentecode', 'Gemeente', 'Actieve casussen', 'Nieuwe aanmeldingen'],
      ['GM0344', 'Utrecht', '3', '3'],
    ]);
  });
});
