import { getTranslations, type getFormatter } from 'next-intl/server';
import type { PartnerRow } from '@/lib/dashboard/figures';
import { SMALL_CELL, type CaseCount } from '@/lib/dashboard/small-cells';

// What the dashboard's sections and the stuurgroep report share.

type Format = Awaited<ReturnType<typeof getFormatter>>;

export const card = 'rounded-lg border border-line bg-white p-4';

/** Colours of the chart series: each at least 3:1 against white, and told apart by lightness too. */
export const COLOURS = { overdue: '#b42318', withinDue: '#1f5a96', activeCases: '#17497d', newReferrals: '#b45309' };

/** A count as a manager may see it: a small one stays "< 5". */
export function countOf(format: Format) {
  return (value: CaseCount) => (value === SMALL_CELL ? value : format.number(value));
}

/** A partner's share of agreements done on time, with the counts it is taken over; `none` without any due. */
export function onTimeShare(p: Pick<PartnerRow, 'onTimePercent' | 'agreementsOnTime' | 'agreementsDue'>, format: Format, none: string) {
  if (p.onTimePercent === null) return none;
  return (
    <>
      {format.number(p.onTimePercent / 100, { style: 'percent' })}{' '}
      <span className="text-muted">
        ({p.agreementsOnTime}/{p.agreementsDue})
      </span>
    </>
  );
}

export function SectionHeading({ id, children, action }: { id: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
      <h2 id={id} className="text-lg font-semibold text-ink">
        {children}
      </h2>
      {action}
    </div>
  );
}

/** Why a manager sees "< 5": shown under a section that has a suppressed count. */
export async function SmallCellsNote({ counts }: { counts: CaseCount[] }) {
  if (!counts.includes(SMALL_CELL)) return null;
  const t = await getTranslations('dashboard');
  return (
    <p className="mt-3 max-w-prose text-sm text-muted" data-testid="small-cells-note">
      {t('smallCellsNote')}
    </p>
  );
}
