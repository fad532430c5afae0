import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type TargetGroup, type UserRole } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import nl from '@/lib/i18n/messages/nl.json';
import { csvFormat, exportDashboardCsv, toCsv } from './csv';
import { getDashboard, type Dashboard } from './figures';
import { DASHBOARD_TABLES, type DashboardTable } from './query';
import { FORMULA, NOW, PERIOD, seedTestHouse, type TestHouse } from './test-house';

// The CSV export of the dashboard, read back with csv-parse and compared with the JSON of the dashboard.

let handle: DbHandle;
let org: TestHouse['org'];
let actor: Record<UserRole, Actor>;

beforeAll(async () => {
  handle = await useFreshDatabase();
  ({ org, actor } = await seedTestHouse(handle.db));
});
afterAll(() => closeDb());

type Cell = string | number | null;

/** A CSV as csv-parse reads it: empty cells as null, numbers (decimal comma or point) as numbers. */
function readCsv(body: string, delimiter: string): Cell[][] {
  return parse(body, {
    bom: true,
    delimiter,
    cast: (value) => {
      if (value === '') return null;
      return /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : value;
    },
  }) as Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const LEVELS_NL = { regisseur: 'bij de regisseur', organisation: 'bij de partnerorganisatie', manager: 'bij de manager', stuurgroep: 'in de stuurgroep' };

/** What the Dutch CSV of a table must say, written out from the dashboard's JSON. */
function expectedRows(d: Dashboard, table: DashboardTable): Cell[][] {
  const json = JSON.parse(JSON.stringify(d)) as Dashboard;
  let rows: Cell[][];
  if (table === 'partners') {
    rows = [
      ['Organisatie', 'Open', 'Over de deadline', 'Afspraken met deadline in de periode', 'Waarvan op tijd gereed', 'Op tijd gereed (%)', 'Gemiddeld dagen over de deadline', 'Niet gedaan: niet meer mogelijk', 'Niet gedaan: niet uitgevoerd door partner'],
      ...json.partners.map((p) => [
        FORMULA_START.test(p.name) ? `'${p.name}` : p.name,
        p.open,
        p.overdue,
        p.agreementsDue,
        p.agreementsOnTime,
        p.onTimePercent,
        p.averageDaysOverdue,
        p.notDoneNoLongerPossible,
        p.notDoneNotCarriedOut,
      ]),
    ];
  } else if (table === 'municipalities') {
    rows = [
      ['Gemeentecode', 'Gemeente', 'Actieve casussen', 'Nieuwe aanmeldingen'],
      ...json.municipalities.map((m) => [m.code, m.name, m.activeCases, m.newReferrals]),
    ];
  } else {
    const f = json.figures;
    rows = [
      ['Kengetal', 'Waarde'],
      ['Periode van', json.scope.from],
      ['Periode tot en met', json.scope.to],
      ['Actieve casussen', f.activeCases],
      ['Nieuwe aanmeldingen', f.newReferrals],
      ['Open afspraken', f.openAgreements],
      ['Afspraken over de deadline', f.overdueAgreements],
      ['Afspraken met deadline in de periode', f.agreementsDue],
      ['Waarvan op tijd gereed', f.agreementsOnTime],
      ['Op tijd gereed (%)', f.onTimePercent],
      ['Mediane doorlooptijd tot triage (dagen)', f.medianDaysToTriage],
      ['Mediane doorlooptijd tot afsluiting (dagen)', f.medianDaysToClosure],
      ['Casussen met triagebesluit in de periode', f.triagedCases],
      ['Casussen afgesloten in de periode', f.closedCases],
      ['Herhaalde aanmeldingen binnen 12 maanden na afsluiting', f.repeatReferrals],
      ...json.signals!.openByLevel.map((l) => [`Open signalen: ${LEVELS_NL[l.level]}`, l.count]),
      ...json.signals!.weekly.flatMap((w) => [
        [`Signalen geopend in week van ${w.weekStart}`, w.opened],
        [`Signalen opgelost in week van ${w.weekStart}`, w.resolved],
      ]),
    ];
  }
  if (rows.some((row) => row.includes('< 5'))) rows.push([nl.dashboard.smallCellsNote, ...rows[0]!.slice(1).map(() => null)]);
  return rows;
}

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
    expect(rows[1]).toEqual(['GGZ Coöperatie', '2', '2', '3', '0', '0', '9,5', '0', '0']);
    expect(rows[3]).toEqual([`'${FORMULA}`, '0', '0', '2', '1', '50', '', '0', '0']);
    const [entry] = await handle.db
      .select({ action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.userId, actor.manager.userId), eq(auditLog.action, 'export')));
    expect(entry).toEqual({
      action: 'export',
      entity: 'dashboard',
      entityId: 'partners',
      details: { table: 'partners', from: '2026-01-01', to: '2026-06-30', filters: [], rows: 3, smallCells: 'suppressed' },
    });
  });

  it('exports in English for an English user: comma, decimal point, English words', async () => {
    const english = { ...actor.regisseur, locale: 'en' };
    const figures = readCsv((await exportDashboardCsv(english, { table: 'figures', ...PERIOD }, NOW)).body, ',');
    expect(figures).toContainEqual(['Done on time (%)', 29]);
    expect(figures).toContainEqual(['Median lead time to closure (days)', 90.5]);
    expect(figures).toContainEqual(['Open signals: with the regisseur', 1]);
  });

  it('lists the open signals per level in the key figures, as the dashboard does (not "Nog geen signalen")', async () => {
    const rows = readCsv((await exportDashboardCsv(actor.manager, { table: 'figures', ...PERIOD }, NOW)).body, ';');
    expect(rows.filter(([label]) => String(label).startsWith('Open signalen'))).toEqual([
      ['Open signalen: bij de regisseur', 1],
      ['Open signalen: bij de partnerorganisatie', 1],
      ['Open signalen: bij de manager', 1],
      ['Open signalen: in de stuurgroep', 1],
    ]);
  });

  it("gives a manager's CSV the manager's view: '< 5' and a last row saying why", async () => {
    const rows = readCsv((await exportDashboardCsv(actor.manager, { table: 'municipalities', ...PERIOD, municipality: 'GM0363' }, NOW)).body, ';');
    expect(rows).toEqual([
      ['Gemeentecode', 'Gemeente', 'Actieve casussen', 'Nieuwe aanmeldingen'],
      ['GM0363', 'Amsterdam', '< 5', '< 5'],
      [expect.stringMatching(/^Aantallen van 1 tot en met 4 casussen staan hier als < 5.*Regisseurs zien de precieze aantallen\.$/), null, null, null],
    ]);
    const exact = readCsv((await exportDashboardCsv(actor.regisseur, { table: 'municipalities', ...PERIOD, municipality: 'GM0363' }, NOW)).body, ';');
    expect(exact).toEqual([
      ['Gemeentecode', 'Gemeente', 'Actieve casussen', 'Nieuwe aanmeldingen'],
      ['GM0363', 'Amsterdam', 1, 1],
    ]);
  });

  const FILTERS: { name: string; filters: () => { from?: string; to?: string; type?: TargetGroup; municipality?: string; organisation?: string } }[] = [
    { name: 'no filter', filters: () => PERIOD },
    { name: 'a target group', filters: () => ({ ...PERIOD, type: 'huiselijk_geweld' }) },
    { name: 'a municipality', filters: () => ({ ...PERIOD, municipality: 'GM0344' }) },
    { name: 'a partner organisation', filters: () => ({ ...PERIOD, organisation: org.ggz }) },
    { name: 'a month, default end', filters: () => ({ from: '2026-03-01' }) },
  ];

  describe.each(['manager', 'regisseur'] as const)('says what the JSON of the dashboard says, for a %s', (role) => {
    it.each(FILTERS)('every table, with $name', async ({ filters }) => {
      const json = await getDashboard(actor[role], filters(), { now: NOW });
      for (const table of DASHBOARD_TABLES) {
        const { body } = await exportDashboardCsv(actor[role], { table, ...filters() }, NOW);
        expect(readCsv(body, ';'), table).toEqual(expectedRows(json, table));
      }
    });
  });
});

/*
 * What a spreadsheet makes of the export: LibreOffice Calc (headless) opens the CSV as a Dutch user's
 * spreadsheet would — semicolon, Dutch number format, and the Windows default character set
 * (ISO-8859-1), so that only the byte order mark can make it read UTF-8 — and saves it again as plain
 * CSV in US format with every text cell quoted: a bare value there is a cell Calc read as a number.
 * Needs `soffice` (Debian: libreoffice-calc-nogui, a requirement of `npm test`): without it these tests fail and say so.
 */
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

describe('the CSV in a spreadsheet (LibreOffice Calc)', () => {
  beforeAll(() => {
    if (!hasSoffice) throw new Error('soffice not found: apt-get install libreoffice-calc-nogui (CI installs it: .ci/run)');
  });

  /** Opens `csv` in Calc with the given import options and returns the cells: numbers, or text in `{ text }`. */
  async function openInCalc(csv: string, importOptions: string): Promise<(number | { text: string })[][]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'casusregie-calc-'));
    try {
      await writeFile(path.join(dir, 'export.csv'), csv);
      await promisify(execFile)(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          `--infilter=CSV:${importOptions}`,
          // Out: comma, double quotes, UTF-8, US number format, every text cell quoted.
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false',
          '--outdir',
          path.join(dir, 'out'),
          path.join(dir, 'export.csv'),
        ],
        { timeout: 60_000 },
      );
      const saved = await readFile(path.join(dir, 'out', 'export.csv'), 'utf8');
      const cells: unknown = parse(saved, { cast: (value, context) => (context.quoting ? { text: value } : Number(value)) });
      return cells as (number | { text: string })[][];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('reads the Dutch export: columns at the semicolons, UTF-8 through the BOM, decimal commas as numbers, no formula', async () => {
    const { body } = await exportDashboardCsv(actor.manager, { table: 'partners', ...PERIOD }, NOW);
    // Separator ;, text in ", character set ISO-8859-1, from line 1, Dutch (1043).
    const cells = await openInCalc(body, '59,34,ISO-8859-1,1,,1043');
    expect(cells[0]).toEqual(['Organisatie', 'Open', 'Over de deadline', 'Afspraken met deadline in de periode', 'Waarvan op tijd gereed', 'Op tijd gereed (%)', 'Gemiddeld dagen over de deadline', 'Niet gedaan: niet meer mogelijk', 'Niet gedaan: niet uitgevoerd door partner'].map((text) => ({ text })));
    expect(cells[1]).toEqual([{ text: 'GGZ Coöperatie' }, 2, 2, 3, 0, 0, 9.5, 0, 0]);
    // The name typed in as a formula stays text, apostrophe and all: nothing runs.
    expect(cells[3]![0]).toEqual({ text: `'${FORMULA}` });
    expect(cells[3]!.slice(1, 6)).toEqual([0, 0, 2, 1, 50]);
  }, 90_000);

  it('reads the English export with a comma and decimal points, and "< 5" as text', async () => {
    const english = { ...actor.manager, locale: 'en' };
    const { body } = await exportDashboardCsv(english, { table: 'figures', ...PERIOD }, NOW);
    const cells = await openInCalc(body, '44,34,ISO-8859-1,1,,1033');
    const value = (label: string) => cells.find(([first]) => typeof first === 'object' && first.text === label)?.[1];
    expect(value('Active cases')).toEqual({ text: '< 5' });
    expect(value('New referrals')).toBe(6);
    expect(value('Median lead time to triage (days)')).toBe(2);
    expect(value('Done on time (%)')).toBe(29);
    expect(value('Open signals: with the regisseur')).toBe(1);
  }, 90_000);
});
