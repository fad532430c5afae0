import { Fragment } from 'react';
import { getTranslations } from 'next-intl/server';
import type { FreeText } from '@/lib/subject-access/document';
import type { FlagReason } from '@/lib/subject-access/name-flags';

/** Known names (staff amber, contacts orange) underlined solid, guesses dotted: the reviewer sees which is which. */
export const FLAG_STYLE: Record<FlagReason, string> = {
  'staff-name': 'rounded-sm bg-amber-200 px-0.5 text-ink underline decoration-amber-700 decoration-2 underline-offset-2',
  'contact-name': 'rounded-sm bg-orange-200 px-0.5 text-ink underline decoration-orange-700 decoration-2 underline-offset-2',
  'name-like': 'rounded-sm bg-yellow-100 px-0.5 text-ink underline decoration-amber-600 decoration-dotted decoration-2 underline-offset-2',
};

/**
 * Free text exactly as stored (line breaks kept, never parsed as HTML), with the spans that may name
 * someone else marked for the redaction review.
 */
export async function FlaggedText({ value, className }: { value: FreeText | null; className?: string }) {
  if (!value) return <span className="text-muted">—</span>;
  const t = await getTranslations('subjectAccess.review');
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, flag] of value.flags.entries()) {
    if (flag.start > at) parts.push(<Fragment key={`t${i}`}>{value.text.slice(at, flag.start)}</Fragment>);
    const label = t('flagTitle', { reason: t(`reasons.${flag.reason}`) });
    parts.push(
      <mark key={`m${i}`} className={FLAG_STYLE[flag.reason]} title={label} data-flag={flag.reason}>
        {value.text.slice(flag.start, flag.end)}
        <span className="sr-only"> ({label})</span>
      </mark>,
    );
    at = flag.end;
  }
  if (at < value.text.length) parts.push(<Fragment key="rest">{value.text.slice(at)}</Fragment>);
  return <span className={`whitespace-pre-line ${className ?? ''}`}>{parts}</span>;
}
