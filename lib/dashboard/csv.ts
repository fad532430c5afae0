import { stringify } from 'csv-stringify/sync';
import { createTranslator } from 'use-intl/core';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import { assertDashboardAccess, readDashboard, type Dashboard } from './figures';
import { resolveScope, type DashboardCsvQuery, type DashboardTable } from './query';
import { SIGNAL_LEVELS } from './signals';
import { SMALL_CELL, smallCellsFor } from './small-cells';

/*
 * CSV export of the dashboard's tables, for Excel first: UTF-8 with a byte order mark (so ë survives),
 * CRLF line ends, and in Dutch the semicolon as separator and the decimal comma (what Excel expects
 * with Dutch regional settings); in English the comma and the decimal point. Every cell that starts with
 * =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
 * instead of running it as a formula (CSV injection; organisation names are typed in by people).
 * A manager's export shows small counts of cases as "< 5", like the screen, and ends with a row saying why.
 */

/*
 * The words through use-intl, as on the pages: a production build precompiles the message files
 * (next.config.js), so a template is no plain string there and must not be filled in by hand.
 */
const translator = (locale: 'nl' | 'en') =>
  createTranslator({ locale, messages: locale === 'en' ? en : nl, namespace: 'dashboard', timeZone: 'Europe/Amsterdam' });
type Translate = ReturnType<typeof translator>;

export interface CsvFormat {
  locale: 'nl' | 'en';
  delimiter: string;
  decimal: string;
}

export function csvFormat(locale: string): CsvFormat {
  return locale === 'en' ? { locale: 'en', delimiter: ',', decimal: '.' } : { locale: 'nl', delimiter: ';', decimal: ',' };
}

type Cell = string | number | null;

/** Rows to CSV text (with BOM) through csv-stringify, with formula escaping on. */
export function toCsv(rows: Cell[][], format: CsvFormat): string {
  return stringify(rows, {
    bom: true,
    delimiter: format.delimiter,
    record_delimiter: 'windows',
    // A lone CR or LF inside a cell is quoted too, so no reader takes it for the end of a row.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: (value) => String(value).replace('.', format.decimal) },
  });
}

/**
 * One table of the dashboard as rows of cells, the header first; when a count is suppressed, a last row
 * (as wide as the header) explains "< 5".
 */
export function dashboardRows(dashboard: Dashboard, table: DashboardTable, locale: string): Cell[][] {
  const t = translator(csvFormat(locale).locale);
  return withSmallCellsNote(tableRows(dashboard, table, t), t);
}

function withSmallCellsNote(rows: Cell[][], t: Translate): Cell[][] {
  if (!rows.some((row) => row.includes(SMALL_CELL))) return rows;
  return [...rows, [t('smallCellsNote'), ...rows[0]!.slice(1).map(() => '')]];
}

function tableRows(dashboard: Dashboard, table: DashboardTable, t: Translate): Cell[][] {
  if (table === 'partners') {
    return [
      [t('csv.organisation'), t('csv.open'), t('csv.overdue'), t('csv.agreementsDue'), t('csv.agreementsOnTime'), t('csv.onTimePercent'), t('csv.averageDaysOverdue'), t('csv.notDoneNoLongerPossible'), t('csv.notDoneNotCarriedOut')],
      ...dashboard.partners.map((p) => [
        p.name,
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
  }
  if (table === 'municipalities') {
    return [
      [t('csv.municipalityCode'), t('csv.municipality'), t('csv.activeCases'), t('csv.newReferrals')],
      ...dashboard.municipalities.map((row) => [row.code, row.name, row.activeCases, row.newReferrals]),
    ];
  }
  const { scope, figures, signals } = dashboard;
  const rows: Cell[][] = [
    [t('csv.figure'), t('csv.value')],
    [t('csv.periodFrom'), scope.from],
    [t('csv.periodTo'), scope.to],
    [t('csv.activeCases'), figures.activeCases],
    [t('csv.newReferrals'), figures.newReferrals],
    [t('csv.openAgreements'), figures.openAgreements],
    [t('csv.overdueAgreements'), figures.overdueAgreements],
    [t('csv.agreementsDue'), figures.agreementsDue],
    [t('csv.agreementsOnTime'), figures.agreementsOnTime],
    [t('csv.onTimePercent'), figures.onTimePercent],
    [t('csv.medianDaysToTriage'), figures.medianDaysToTriage],
    [t('csv.medianDaysToClosure'), figures.medianDaysToClosure],
    [t('csv.triagedCases'), figures.triagedCases],
    [t('csv.closedCases'), figures.closedCases],
    [t('csv.repeatReferrals'), figures.repeatReferrals],
  ];
  if (!signals) {
    rows.push([t('csv.openSignals'), t('csv.noSignals')]);
  } else {
    for (const level of SIGNAL_LEVELS) {
      const count = signals.openByLevel.find((entry) => entry.level === level)?.count ?? 0;
      rows.push([t('csv.openSignalsAtLevel', { level: t(`csv.levels.${level}`) }), count]);
    }
    for (const week of signals.weekly) {
      rows.push([t('csv.signalsOpenedInWeek', { week: week.weekStart }), week.opened]);
      rows.push([t('csv.signalsResolvedInWeek', { week: week.weekStart }), week.resolved]);
    }
  }
  return rows;
}

export interface CsvExport {
  filename: string;
  body: string;
}

/** The export of one table; reading the figures and the audit entry share one transaction. */
export async function exportDashboardCsv(actor: Actor, query: DashboardCsvQuery, now = new Date()): Promise<CsvExport> {
  await assertDashboardAccess(actor);
  const { table, ...filters } = query;
  const scope = resolveScope(filters, now);
  const format = csvFormat(actor.locale);
  return asUser(actor.userId, async (tx) => {
    const dashboard = await readDashboard(tx, scope, { smallCells: smallCellsFor(actor) });
    const t = translator(format.locale);
    const rows = tableRows(dashboard, table, t);
    await audit(tx, subjectOf(actor), {
      action: 'export',
      entity: 'dashboard',
      entityId: table,
      details: {
        table,
        from: scope.from,
        to: scope.to,
        filters: (['type', 'municipality', 'organisation'] as const).filter((key) => scope[key] !== undefined),
        rows: rows.length - 1,
        smallCells: dashboard.smallCells,
      },
    });
    return { filename: `dashboard-${table}-${scope.from}-${scope.to}.csv`, body: toCsv(withSmallCellsNote(rows, t), format) };
  });
}
