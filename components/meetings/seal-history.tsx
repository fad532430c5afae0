import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { sealedVersions } from '@/lib/meetings/sealed-report';

/** A reopened meeting names its sealed versions and why it was reopened; each stays readable. */
export async function SealHistory({ actor, meetingId }: { actor: Actor; meetingId: string }) {
  const versions = await sealedVersions(actor, meetingId);
  if (versions.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('meetings.cycle'), getFormatter()]);
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <div role="note" className="mb-6 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm" data-testid="seal-history">
      <p className="font-semibold">{t('history.title', { next: versions[0]!.version + 1 })}</p>
      <ul className="mt-1 space-y-1">
        {versions.map((v) => (
          <li key={v.version}>
            <Link href={`/meetings/${meetingId}/print?version=${v.version}`} className="text-brand-700 underline">
              {t('seal.line', { version: v.version, date: moment(v.sealedAt) })}
            </Link>{' '}
            · <code className="font-mono text-xs">{v.sha256.slice(0, 16)}</code>
            {v.reopenedAt ? <span className="block text-muted">{t('seal.reopened', { date: moment(v.reopenedAt), reason: v.reopenReason ?? '' })}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
