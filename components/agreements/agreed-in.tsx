import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

/**
 * "Afgesproken in <meeting> van <date>" with an agreement born in a casusoverleg. Only a meeting the
 * reader may see has a title here (the list reads meetings under row-level security), so it always links.
 */
export function AgreedIn({ meetingId, title, startsAt }: { meetingId: string | null; title: string | null; startsAt: Date | string | null }) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  if (!meetingId || !title || !startsAt) return null;
  const date = format.dateTime(new Date(startsAt), { dateStyle: 'medium' });
  return (
    <p className="mt-1 text-xs text-muted" data-testid="agreed-in">
      {t.rich('agreedIn', {
        title,
        date,
        meeting: (chunks) => (
          <Link href={`/meetings/${meetingId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
