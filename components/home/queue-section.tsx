import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * One part of the home queue: a titled card with its items (each one link to its action), or a line that
 * says there is nothing, so an empty part reads as good news rather than as a missing screen.
 */
export async function QueueSection({
  id,
  title,
  note,
  count,
  empty,
  allHref,
  allLabel,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  count: number;
  empty: string;
  allHref?: string;
  allLabel?: string;
  children: ReactNode;
}) {
  const headingId = `queue-${id}`;
  const all = allHref ? (allLabel ?? (await getTranslations('home.queue'))('all')) : null;
  return (
    <section aria-labelledby={headingId} data-testid={`queue-${id}`} className="min-w-0 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-base font-semibold text-ink">
          {title}
          {count > 0 ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{count}</span> : null}
        </h2>
        {allHref && all ? (
          <Link href={allHref} className="text-sm font-medium text-brand-700 underline underline-offset-2">
            {all}
            <span className="sr-only">: {title}</span>
          </Link>
        ) : null}
      </div>
      {note ? <p className="mt-1 text-sm text-muted">{note}</p> : null}
      {count === 0 ? <p className="mt-3 text-sm text-muted">{empty}</p> : <ul className="mt-3 space-y-2">{children}</ul>}
    </section>
  );
}

/** One item: the link is the whole first line (what to open), the details below it. */
export function QueueItem({ href, label, details, badges, testId }: { href: string; label: ReactNode; details?: ReactNode; badges?: ReactNode; testId?: string }) {
  return (
    <li className="rounded-md border border-line px-3 py-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={href} className="font-medium break-words text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {label}
        </Link>
        {badges}
      </div>
      {details ? <div className="mt-0.5 text-sm break-words text-muted">{details}</div> : null}
    </li>
  );
}

export function Pill({ tone, children }: { tone: 'danger' | 'warning' | 'neutral' | 'brand'; children: ReactNode }) {
  const tones = {
    danger: 'bg-danger-50 text-danger ring-red-300',
    warning: 'bg-amber-50 text-amber-900 ring-amber-300',
    neutral: 'bg-slate-50 text-slate-700 ring-slate-300',
    brand: 'bg-brand-50 text-brand-800 ring-brand-100',
  };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}
