import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type TargetGroup, type UserRole } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { AppError, render } from '@/lib/errors';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { dashboardRows, exportDashboardCsv } from './csv';
import { getDashboard } from './figures';
import { dashboardCsvQuerySchema, dashboardQuerySchema, resolveScope } from './query';
import type { SignalSource } from './signals';
import { FORMULA, NOW, PERIOD, seedTestHouse, type TestHouse } from './test-house';

// The figures of the dashboard against the hand-computed numbers of ./test-house.ts.

let handle: DbHandle;
let org: TestHouse['org'];
let actor: Record<UserRole, Actor>;

beforeAll(async () => {
  handle = await useFreshDatabase();
  ({ org, actor } = await seedTestHouse(handle.db));
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
    expect({ ...parsed.error!.issues[0], message: render(parsed.error!.issues[0]!.message) }).toMatchObject({ path: ['to'], message: 'De einddatum ligt vóór de begindatum.' });
    const bad = dashboardQuerySchema.safeParse({ from: 'mei 2026', type: 'iedereen', municipality: 'Utrecht', organisation: 'x' });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), render(i.message)])).toEqual([
      ['from', 'Gebruik voor de begindatum de vorm DD-MM-JJJJ of JJJJ-MM-DD.'],
      ['type', 'Onbekende aanpak.'],
      ['municipality', 'Kies een gemeente uit de lijst.'],
      ['organisation', 'Onbekende partnerorganisatie.'],
    ]);
    // A start after today without an end: the period is that one day, not turned around.
    expect(resolveScope({ from: '2027-01-01' }, NOW)).toMatchObject({ from: '2027-01-01', to: '2027-01-01' });
    expect(render(dashboardCsvQuerySchema.safeParse({ table: 'cases' }).error!.issues[0]!.message)).toBe(
      'Kies de tabel: figures, partners of municipalities.',
    );
  });

  it('treats empty form fields as no filter', () => {
    expect(dashboardQuerySchema.parse({ from: '', to: '', type: '', municipality: '', organisation: '' })).toEqual({});
  });
});

describe('the dashboard figures (hand-computed)', () => {
  it('gives the key figures of the period, with the open signals of the signals table', async () => {
    const dashboard = await getDashboard(actor.regisseur, PERIOD, { now: NOW });
    expect(dashboard.scope).toEqual({ ...PERIOD, today: '2026-06-15' });
    expect(dashboard.smallCells).toBe('exact');
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
      triagedCases: 5,
      closedCases: 2,
      repeatReferrals: 0,
    });
    // Without a source passed in, the dashboard reads the signals table (S1, S2, S4, S5 are open).
    expect(dashboard.signals!.openByLevel.map((l) => l.count)).toEqual([1, 1, 1, 1]);
  });

  it('lists the partner organisations with the worst stagnation on top', async () => {
    const { partners } = await getDashboard(actor.manager, PERIOD, { now: NOW });
    expect(partners.map((row) => ({ ...row, organisationId: undefined }))).toEqual([
      { organisationId: undefined, name: 'GGZ Coöperatie', shortName: 'GGZ', open: 2, overdue: 2, agreementsDue: 3, agreementsOnTime: 0, onTimePercent: 0, averageDaysOverdue: 9.5, notDoneNoLongerPossible: 0, notDoneNotCarriedOut: 0 },
      { organisationId: undefined, name: 'Politie Test', shortName: 'Politie', open: 2, overdue: 1, agreementsDue: 2, agreementsOnTime: 1, onTimePercent: 50, averageDaysOverdue: 196, notDoneNoLongerPossible: 0, notDoneNotCarriedOut: 0 },
      { organisationId: undefined, name: FORMULA, shortName: 'Mitros', open: 0, overdue: 0, agreementsDue: 2, agreementsOnTime: 1, onTimePercent: 50, averageDaysOverdue: null, notDoneNoLongerPossible: 0, notDoneNotCarriedOut: 0 },
    ]);
    expect(partners[0]!.organisationId).toBe(org.ggz);
  });

  it('counts cases and referrals per municipality of the region, and any other with cases', async () => {
    const { municipalities } = await getDashboard(actor.regisseur, PERIOD, { now: NOW });
    expect(municipalities).toHaveLength(27); // the 26 of VR09 and Amsterdam
    expect(municipalities.slice(0, 4)).toEqual([
      { code: 'GM0344', name: 'Utrecht', activeCases: 3, newReferrals: 3 },
      { code: 'GM0363', name: 'Amsterdam', activeCases: 1, newReferrals: 1 },
      { code: 'GM0307', name: 'Amersfoort', activeCases: 0, newReferrals: 1 },
      { code: 'GM0321', name: 'Houten', activeCases: 0, newReferrals: 1 },
    ]);
    expect(municipalities.slice(4).every((m) => m.activeCases === 0 && m.newReferrals === 0)).toBe(true);
  });

  it('shows a manager counts of 1 to 4 cases as "< 5" and no median over so few; zero and five and up stay', async () => {
    const [asManager, asRegisseur] = await Promise.all([
      getDashboard(actor.manager, PERIOD, { now: NOW }),
      getDashboard(actor.regisseur, PERIOD, { now: NOW }),
    ]);
    expect(asManager.smallCells).toBe('suppressed');
    expect(asManager.figures).toEqual({
      ...asRegisseur.figures,
      activeCases: '< 5', // 4
      closedCases: '< 5', // 2
      medianDaysToClosure: null, // over those 2
    });
    expect(asManager.figures).toMatchObject({ newReferrals: 6, triagedCases: 5, medianDaysToTriage: 2 });
    // Amsterdam's one case and Utrecht's three read alike, and so does their order (by name, not by count).
    expect(asManager.municipalities.slice(0, 4)).toEqual([
      { code: 'GM0363', name: 'Amsterdam', activeCases: '< 5', newReferrals: '< 5' },
      { code: 'GM0344', name: 'Utrecht', activeCases: '< 5', newReferrals: '< 5' },
      { code: 'GM0307', name: 'Amersfoort', activeCases: 0, newReferrals: '< 5' },
      { code: 'GM0321', name: 'Houten', activeCases: 0, newReferrals: '< 5' },
    ]);
    expect(asManager.municipalities.slice(4)).toEqual(asRegisseur.municipalities.slice(4).sort((a, b) => a.name.localeCompare(b.name, 'nl')));
    // Agreements and signals count the partners' work, not people: exact for both.
    expect(asManager.partners).toEqual(asRegisseur.partners);
    expect(asManager.signals).toEqual(asRegisseur.signals);
  });

  it('narrows everything to a target group', async () => {
    // Cases C1, C3, C5, C7; their agreements A1–A3, A7–A11.
    const d = await getDashboard(actor.regisseur, { ...PERIOD, type: 'huiselijk_geweld' }, { now: NOW });
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
      triagedCases: 2,
      closedCases: 2,
      repeatReferrals: 0,
    });
    expect(d.municipalities.find((m) => m.code === 'GM0344')).toMatchObject({ activeCases: 2, newReferrals: 1 });
  });

  it('narrows everything to a municipality', async () => {
    // Cases C3, C4 in Amersfoort; agreements A10 (outside the period, done) and A11.
    const d = await getDashboard(actor.regisseur, { ...PERIOD, municipality: 'GM0307' }, { now: NOW });
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
      triagedCases: 0,
      closedCases: 1,
      repeatReferrals: 0,
    });
    expect(d.municipalities).toEqual([{ code: 'GM0307', name: 'Amersfoort', activeCases: 0, newReferrals: 1 }]);
    expect(d.partners.map((p) => p.name)).toEqual(['GGZ Coöperatie']);
  });

  it('narrows to a partner: the agreements it owns, the cases it is convened to', async () => {
    // GGZ is convened to C1, C2, C3, C5 and owns A3, A4, A8, A11.
    const d = await getDashboard(actor.regisseur, { ...PERIOD, organisation: org.ggz }, { now: NOW });
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
      triagedCases: 2,
      closedCases: 1,
      repeatReferrals: 0,
    });
    expect(d.partners.map((p) => p.name)).toEqual(['GGZ Coöperatie']);
  });

  it('narrows to a shorter period', async () => {
    // March 2026: referral C2; triaged C2 (2 days); closed C7 (60 days); due A1 (on time).
    const d = await getDashboard(actor.regisseur, { from: '2026-03-01', to: '2026-03-31' }, { now: NOW });
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
      triagedCases: 1,
      closedCases: 1,
      repeatReferrals: 0,
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
