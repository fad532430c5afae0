import type { ReactNode } from 'react';

/** The pill every status label uses; the tone (background, text and ring colour) is the caller's. */
export const badgeClass = 'inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset';

export function Badge({ tone, className, testId, children }: { tone: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <span className={[badgeClass, className, tone].filter(Boolean).join(' ')} data-testid={testId}>
      {children}
    </span>
  );
}
