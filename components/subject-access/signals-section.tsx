import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseEntry } from '@/lib/subject-access/document';
import { levelName } from '@/lib/signals/levels';
import { FlaggedText } from './flagged-text';
import { h3 } from './styles';

/** Stagnation signals about the case: generated sentences, plus the regisseur's notes on them. */
export async function SignalsSection({ signals }: { signals: CaseEntry['signals'] }) {
  const [t, tCase, tSignals, format] = await Promise.all([
    getTranslations('subjectAccess.signal'),
    getTranslations('subjectAccess.case'),
    getTranslations('signals'),
    getFormatter(),
  ]);
  const day = (iso: string) => format.dateTime(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso), { dateStyle: 'medium' });
  return (
    <>
      <h3 className={h3}>{tCase('signals')}</h3>
      {signals.length === 0 ? <p className="text-sm text-muted">{tCase('none')}</p> : null}
      <ul className="space-y-2 text-sm">
        {signals.map((s, i) => (
          <li key={i} className="break-inside-avoid">
            <p>
              <span className="font-medium">{tSignals.has(`rules.${s.rule}`) ? tSignals(`rules.${s.rule}`) : s.rule}</span>{' '}
              <span className="text-muted">
                · {day(s.since)} · {tSignals(`statuses.${s.status}`)} · {t('level', { level: tSignals(`levels.${levelName(s.level)}`) })}
              </span>
            </p>
            <p className="text-muted">{s.message}</p>
            {s.snoozedUntil ? (
              <p>
                {t('snoozed', { date: day(s.snoozedUntil) })}: <FlaggedText value={s.snoozeReason} />
              </p>
            ) : null}
            {s.resolvedAt ? (
              <p>
                {t('resolved', { date: day(s.resolvedAt) })}
                {s.resolutionNote ? (
                  <>
                    : <FlaggedText value={s.resolutionNote} />
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
