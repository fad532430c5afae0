import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { listStatusRounds } from '@/lib/meetings/status-round';
import { StatusReportForm } from './status-round-forms';

/** Mijn afspraken: each statusronde asked of the organisation, with a short form per open agreement. */
export async function StatusRoundPanel({ actor }: { actor: Actor }) {
  const rounds = await listStatusRounds(actor);
  if (rounds.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('meetings.cycle'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <div className="mb-6 space-y-4" data-testid="status-rounds">
      {rounds.map((round) => (
        <section key={round.meetingId} className="rounded-lg border border-brand-600 bg-brand-50 p-5" aria-labelledby={`round-${round.meetingId}`}>
          <h2 id={`round-${round.meetingId}`} className="text-lg font-semibold">
            {t('round.title', { meeting: round.title, date: day(round.dueDate) })}
          </h2>
          <p className="mt-1 text-sm text-muted">
            {t('round.intro', { date: format.dateTime(round.startsAt, { dateStyle: 'full', timeStyle: 'short' }) })}{' '}
            <Link href={`/meetings/${round.meetingId}`} className="text-brand-700 underline">
              {t('round.open')}
            </Link>
          </p>
          {round.late ? <p className="mt-1 text-sm font-semibold text-danger">{t('round.late')}</p> : null}
          <ul className="mt-4 space-y-4">
            {round.agreements.map((a) => (
              <li key={a.agreementId} className="rounded border border-line bg-white p-4" data-testid="status-round-agreement">
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">
                  {a.caseNumber} · {t('round.due', { date: format.dateTime(new Date(`${a.dueDate}T12:00:00Z`), { dateStyle: 'medium' }) })}
                </p>
                <p className="mt-1 font-medium">{a.description}</p>
                {a.reportedNote && a.reportedAt ? (
                  <p className="mt-2 rounded bg-emerald-50 px-3 py-2 text-sm text-ok">
                    {t('round.reported', { date: format.dateTime(a.reportedAt, { dateStyle: 'medium', timeStyle: 'short' }) })} “{a.reportedNote}”
                  </p>
                ) : null}
                <div className="mt-2">
                  <StatusReportForm meetingId={round.meetingId} agreementId={a.agreementId} label={a.reportedNote ? t('report.again') : t('report.label')} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
