import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { resolveScope, type DashboardQuery, type DashboardScope } from './query';
import type { SignalSource } from './signals';
import type { Dashboard, KeyFigures, MunicipalityRow, PartnerRow } from './dashboard-view';
import { caseCount, medianOver, SMALL_CELL, SMALL_CELL_LIMIT, smallCellsFor, type CaseCount, type SmallCells } from './small-cells';
import { agreementFigures } from './agreement-figures';
import type { ExactRow, FigureReader } from './figure-reader';
import { rollupFigures } from './rollup-figures';

/*
 * The managers' dashboard. Every number is an SQL aggregate computed by the database, as the signed-in
 * user (row-level security applies) and from the pseudonymised views only: case_facts and
 * agreement_facts (drizzle/0003, 0008), never cases or agreements. Definitions:
 * - active case: status actief or monitoring, now;
 * - new referral: a case created in the period;
 * - open agreement: status open or in_uitvoering, now; overdue: open and its due date lies before today;
 * - done on time: status gereed, completed (Europe/Amsterdam date) on or before its due date; the share
 *   is taken over the agreements with a due date in the period that has passed, or that are already
 *   done; vervallen (cancelled) agreements do not count;
 * - lead times: median days from referral to triage, of the cases triaged in the period, and from
 *   referral to closure, of the cases closed (afgesloten, not afgewezen) in the period.
 * Filters: target group and municipality narrow the cases (and so their agreements); a partner
 * organisation narrows the agreements to those it owns and the cases to those it is or was convened to.
 * Counts of cases in a manager's view are suppressed when small (./small-cells.ts).
 * The counts come from rollup tables the writes keep in their own transaction (drizzle/0037,
 * ./rollup-figures.ts); ./live-figures.ts computes the same from the fact views and is their test oracle.
 */

export type { Dashboard, KeyFigures, MunicipalityRow, PartnerRow };

export interface DashboardOptions {
  now?: Date;
  /** Supplies the signal figures (see ./signals.ts); the signals table of lib/signals unless a test says otherwise. */
  signals?: SignalSource;
}

export interface ReadOptions {
  smallCells: SmallCells;
  signals?: SignalSource;
  /** Where the exact figures come from: the rollups unless a test compares them with the live computation. */
  figures?: FigureReader;
}

/**
 * The municipality rows as the view shows them. With small cells suppressed, the "< 5" rows are ordered
 * among themselves by name: an order by the exact counts would tell which of them has more cases.
 */
function municipalitiesShown(rows: ExactRow<MunicipalityRow>[], smallCells: SmallCells): MunicipalityRow[] {
  const shown = rows.map((row) => ({
    ...row,
    activeCases: caseCount(row.activeCases, smallCells),
    newReferrals: caseCount(row.newReferrals, smallCells),
  }));
  if (smallCells === 'exact') return shown;
  // "< 5" sorts between the exact counts of five and up and zero.
  const rank = (value: CaseCount) => (value === SMALL_CELL ? SMALL_CELL_LIMIT - 0.5 : value);
  return shown.sort(
    (a, b) =>
      rank(b.activeCases) - rank(a.activeCases) || rank(b.newReferrals) - rank(a.newReferrals) || a.name.localeCompare(b.name, 'nl'),
  );
}

/** Managers and regisseurs only; anyone else is refused (and the attempt is logged). */
export async function assertDashboardAccess(actor: Actor): Promise<void> {
  await enforce(actor, 'dashboard.view', { entity: 'dashboard', attempted: 'dashboard.view', kind: 'resource' });
}

/**
 * Every figure of the dashboard for the filters, in one read-only transaction as the actor: exact for a
 * regisseur, with small cells suppressed for a manager. GET /api/v1/dashboard, the page and the CSV
 * export all read it this way.
 */
export async function getDashboard(actor: Actor, query: DashboardQuery, options: DashboardOptions = {}): Promise<Dashboard> {
  await assertDashboardAccess(actor);
  const scope = resolveScope(query, options.now);
  return asUser(actor.userId, (tx) => readDashboard(tx, scope, { smallCells: smallCellsFor(actor), signals: options.signals }));
}

/** The figures for a resolved scope, inside the caller's transaction (which has set the actor). */
export async function readDashboard(tx: Tx, scope: DashboardScope, options: ReadOptions): Promise<Dashboard> {
  const { smallCells, figures: reader = rollupFigures } = options;
  const signalSource = options.signals ?? reader.signals;
  const count = (n: number) => caseCount(n, smallCells);
  // One after the other: a transaction is one connection, so they would queue anyway.
  const cases = await reader.cases(tx, scope);
  const agreementRows = await agreementFigures(tx, reader.perOwner(scope));
  const municipalityRows = await reader.municipalities(tx, scope);
  const notDone = await reader.notDone(tx, scope);
  const signals = await signalSource(tx, scope);
  const total = agreementRows.find((row) => row.total);
  const partners: PartnerRow[] = agreementRows
    .filter((row) => !row.total)
    .map((row) => ({
      organisationId: row.organisationId!,
      name: row.name!,
      shortName: row.shortName!,
      open: row.open,
      overdue: row.overdue,
      agreementsDue: row.agreementsDue,
      agreementsOnTime: row.agreementsOnTime,
      onTimePercent: row.onTimePercent,
      averageDaysOverdue: row.averageDaysOverdue,
      // Few "not carried out" of one partner can point at one case: suppressed like the case counts.
      notDoneNoLongerPossible: count(notDone.get(row.organisationId!)?.noLongerPossible ?? 0),
      notDoneNotCarriedOut: count(notDone.get(row.organisationId!)?.notCarriedOut ?? 0),
    }));
  return {
    scope,
    figures: {
      activeCases: count(cases.activeCases),
      newReferrals: count(cases.newReferrals),
      openAgreements: total?.open ?? 0,
      overdueAgreements: total?.overdue ?? 0,
      agreementsDue: total?.agreementsDue ?? 0,
      agreementsOnTime: total?.agreementsOnTime ?? 0,
      onTimePercent: total?.onTimePercent ?? null,
      medianDaysToTriage: medianOver(cases.medianDaysToTriage, cases.triagedCases, smallCells),
      medianDaysToClosure: medianOver(cases.medianDaysToClosure, cases.closedCases, smallCells),
      triagedCases: count(cases.triagedCases),
      closedCases: count(cases.closedCases),
      repeatReferrals: count(cases.repeatReferrals),
    },
    partners,
    municipalities: municipalitiesShown(municipalityRows, smallCells),
    signals,
    smallCells,
  };
}
