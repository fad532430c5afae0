import type { ReactNode } from 'react';

/** A white panel with a thin border: `p-4` for lists and filters, `p-5` for form sections. */
export function cardClass(padding: 'p-4' | 'p-5' = 'p-4', className?: string) {
  return ['rounded-lg border border-line bg-white', padding, className].filter(Boolean).join(' ');
}

export function Card({ padding, className, children }: { padding?: 'p-4' | 'p-5'; className?: string; children: ReactNode }) {
  return <div className={cardClass(padding, className)}>{children}</div>;
}
