import type { ReactNode } from 'react';

/** The cells of a data table: header cells (text, numbers) and body cells (text, numbers). */
export const thClass = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted';
export const thNumClass = 'px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-muted';
export const tdClass = 'px-3 py-2';
export const tdNumClass = 'px-3 py-2 text-right tabular-nums';

/**
 * The bordered box around a table: on a narrow screen the table scrolls sideways inside it, so the page
 * itself never gets wider than the phone. `relative` keeps the table's screen-reader-only texts (positioned
 * absolutely) inside the box, where they would otherwise widen the page; a keyboard user can scroll it.
 */
export function TableBox({ className, testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  return (
    <div className={['relative overflow-x-auto rounded-lg border border-line bg-white', className].filter(Boolean).join(' ')} data-testid={testId} tabIndex={0}>
      {children}
    </div>
  );
}
