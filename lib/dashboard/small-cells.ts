import { authorize } from '@/lib/access/policy';
import type { Actor } from '@/lib/actor';

/*
 * Small-cell suppression. A count of one to four cases can single out a person ("1 active case in
 * Renswoude"), so the pseudonymised view of the dashboard (managers; see the access model in DESIGN.md)
 * shows such a count as "< 5", and withholds a median lead time computed over fewer than five cases. Zero
 * stays zero: it singles out nobody. Regisseurs see every case of the house anyway and get exact figures.
 * Counts of agreements and signals are about the work of partner organisations and stay exact.
 * The threshold holds per cell; differences between filtered views are not hidden (a manager who also
 * sees the pseudonymised case list learns nothing new from them).
 */

export const SMALL_CELL_LIMIT = 5;
/** What a suppressed count shows, in JSON, on screen and in the CSV alike. */
export const SMALL_CELL = '< 5';
export type SmallCell = typeof SMALL_CELL;

/** A number of cases: exact, or "< 5" in the pseudonymised view when it is 1 to 4. */
export type CaseCount = number | SmallCell;

/** How the figures of a dashboard are shown: exact (regisseurs), or with small cells suppressed. */
export type SmallCells = 'exact' | 'suppressed';

export function smallCellsFor(actor: Pick<Actor, 'role'>): SmallCells {
  return authorize(actor, 'dashboard.view') === 'allow' ? 'exact' : 'suppressed';
}

export function isSmall(count: number): boolean {
  return count > 0 && count < SMALL_CELL_LIMIT;
}

/** The count as the view shows it. */
export function caseCount(count: number, mode: SmallCells): CaseCount {
  return mode === 'suppressed' && isSmall(count) ? SMALL_CELL : count;
}

/** A median over `cases` cases, or null when the view withholds it (or nothing was measured). */
export function medianOver(median: number | null, cases: number, mode: SmallCells): number | null {
  return mode === 'suppressed' && isSmall(cases) ? null : median;
}
