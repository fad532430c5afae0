import type { ReactNode } from 'react';

/**
 * The bordered box around a table: on a narrow screen the table scrolls sideways inside it, so the page
 * itself never gets wider than the phone.
 */
export function TableBox({ className, testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  return (
    <div className={['overflow-x-auto rounded-lg border border-line bg-white', className].filter(Boolean).join(' ')} data-testid={testId}>
      {children}
    </div>
  );
}
