import type { SQL } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import type { MunicipalityRow } from './dashboard-view';
import type { DashboardScope } from './query';
import type { SignalSource } from './signals';
import type { CaseCount } from './small-cells';

/*
 * Where the dashboard's exact figures come from: the rollups the writes keep (./rollup-figures.ts, the
 * default) or the live computation on the fact views (./live-figures.ts, the oracle the rollups are tested
 * against). Both answer the same shapes; ./figures.ts turns them into the view (small cells, order).
 */

/** A row as the database counts it, before the view suppresses small cells. */
export type ExactRow<T> = { [K in keyof T]: T[K] extends CaseCount ? number : T[K] };

export interface CaseFigures {
  activeCases: number;
  newReferrals: number;
  medianDaysToTriage: number | null;
  medianDaysToClosure: number | null;
  triagedCases: number;
  closedCases: number;
  repeatReferrals: number;
}

export interface NotDoneCounts {
  /** "Niet meer mogelijk door gewijzigde omstandigheden". */
  noLongerPossible: number;
  /** "Partner heeft de actie niet uitgevoerd". */
  notCarriedOut: number;
}

export interface FigureReader {
  cases(tx: Tx, scope: DashboardScope): Promise<CaseFigures>;
  /**
   * Per owner organisation: organisation_id, name, short_name, open, overdue, days_overdue, due, on_time;
   * only organisations with an agreement that is open or due in the period.
   */
  perOwner(scope: DashboardScope): SQL;
  municipalities(tx: Tx, scope: DashboardScope): Promise<ExactRow<MunicipalityRow>[]>;
  /** Per owner organisation, the agreements not done (niet_nagekomen) due in the period, by reason. */
  notDone(tx: Tx, scope: DashboardScope): Promise<Map<string, NotDoneCounts>>;
  signals: SignalSource;
}
