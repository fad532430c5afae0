import { getFormatter, getTranslations } from 'next-intl/server';
import type { EscalationStep, SignalItem } from '@/lib/signals/list-signals';
import { LevelBadge, SignalStatusBadge } from './signal-badges';
import { SignalActions } from './signal-forms';

interface Props {
  signal: SignalItem;
  /** Resolve and snooze forms (regisseurs). */
  editable: boolean;
  /** Where the forms return to after a change (the signals page with its filters). */
  returnTo?: string;
  /** The escalation steps, when the history is shown. */
  escalations?: EscalationStep[];
  /** Show the organisation name (off when the group heading already names it). */
  showOrganisation?: boolean;
}

/** One signal: which rule fired and why, how far up the ladder it is, and since when. */
export async function SignalCard({ signal, editable, returnTo, escalations, showOrganisation = true }: Props) {
  const [t, format] = await Promise.all([getTranslations('signals'), getFormatter()]);
  const day = (d: Date | string) => format.dateTime(typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d, { dateStyle: 'medium' });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const rule = t(`rules.${signal.rule}`);
  return (
    <article className="py-4 first:pt-0 last:pb-0" data-testid="signal" data-rule={signal.rule} aria-label={rule}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold text-ink">{rule}</h3>
        <LevelBadge level={signal.level} label={t(`levels.${signal.level}`)} prefix={t('level')} />
        {signal.status !== 'open' ? <SignalStatusBadge status={signal.status} label={t(`statuses.${signal.status}`)} /> : null}
      </div>
      <p className="mt-1 text-sm text-ink" data-testid="signal-message">
        {signal.message}
      </p>
      {signal.agreementDescription ? (
        <p className="mt-1 text-sm text-muted">
          <span className="font-medium text-ink">{t('agreement')}:</span> {signal.agreementDescription}
        </p>
      ) : null}
      <p className="mt-1 text-xs text-muted">
        {t('since', { date: day(signal.since) })}
        {signal.level !== 'regisseur' ? ` · ${t('levelSince', { date: day(signal.levelSince) })}` : null}
        {showOrganisation && signal.organisationName ? ` · ${signal.organisationName}` : null}
      </p>
      {signal.status === 'snoozed' && signal.snoozedUntil ? (
        <p className="mt-2 rounded bg-slate-50 px-3 py-2 text-sm text-ink">
          {t('snoozedUntil', { date: day(signal.snoozedUntil) })}
          {signal.snoozeReason ? (
            <>
              {' '}
              — <span className="text-muted">{signal.snoozeReason}</span>
            </>
          ) : null}
        </p>
      ) : null}
      {signal.status === 'resolved' && signal.resolvedAt ? (
        <p className="mt-2 rounded bg-emerald-50 px-3 py-2 text-sm text-ink">
          {signal.autoResolved
            ? t('autoResolved', { date: day(signal.resolvedAt) })
            : t('resolvedBy', { name: signal.resolvedByName ?? '—', date: day(signal.resolvedAt) })}
          {signal.resolutionNote ? <span className="block text-muted">{signal.resolutionNote}</span> : null}
        </p>
      ) : null}
      {escalations ? (
        <div className="mt-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">{t('history')}</h4>
          <ol className="mt-1 space-y-0.5 border-l-2 border-line pl-3 text-sm" data-testid="signal-history">
            <li>
              <span className="text-muted">{moment(signal.createdAt)}</span> · {t('historyStart')}
            </li>
            {escalations.map((step) => (
              <li key={`${step.level}-${step.at.toISOString()}`}>
                <span className="text-muted">{moment(step.at)}</span> · {t('historyStep', { level: t(`levels.${step.level}`) })}
              </li>
            ))}
            {signal.resolvedAt ? (
              <li>
                <span className="text-muted">{moment(signal.resolvedAt)}</span> · {signal.autoResolved ? t('historyAutoResolved') : t('historyResolved')}
              </li>
            ) : null}
          </ol>
        </div>
      ) : null}
      {editable && signal.status !== 'resolved' ? (
        <SignalActions signalId={signal.id} version={signal.version} returnTo={returnTo} rule={rule} />
      ) : null}
    </article>
  );
}
