import { getFormatter, getTranslations } from 'next-intl/server';
import type { SignalSubjectCard } from '@/lib/signals/group-signals';
import { LevelBadge, SignalStatusBadge } from './signal-badges';
import { SignalActions } from './signal-forms';

interface Props {
  card: SignalSubjectCard;
  /** Resolve and snooze forms (regisseurs). */
  editable: boolean;
  /** Where the forms return to (the signals page with its filters and what was acted on). */
  returnTo: string;
}

/**
 * One agreement (or the case, or an organisation) with all its signals on one card: what it is about once,
 * then per rule why it fired, how far up the ladder it is, and the regisseur's actions. A card acted on in
 * this round stays where it was, marked, so the list does not move under the regisseur's hand.
 */
export async function SignalSubjectCardView({ card, editable, returnTo }: Props) {
  const [t, format] = await Promise.all([getTranslations('signals'), getFormatter()]);
  const day = (d: Date | string) => format.dateTime(typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d, { dateStyle: 'medium' });
  const title =
    card.subjectType === 'agreement'
      ? card.agreementDescription
        ? t('agreementCard', { description: card.agreementDescription })
        : t('agreementOf', { name: card.organisationName ?? '—' })
      : card.subjectType === 'case'
        ? t('caseCard')
        : t('organisationCard', { name: card.organisationName ?? '—' });
  return (
    <article
      className={`py-3 first:pt-0 last:pb-0 ${card.acted ? '-mx-2 rounded bg-emerald-50 px-2 first:pt-2 last:pb-2' : ''}`}
      data-testid="signal-card"
      data-subject={card.subjectType}
      data-subject-id={card.subjectId}
      data-acted={card.acted ? 'true' : undefined}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 className="min-w-0 text-base font-semibold text-ink [overflow-wrap:anywhere]">{title}</h3>
        {card.subjectType === 'agreement' && card.organisationName && card.agreementDescription ? (
          <p className="text-sm text-muted">{card.organisationName}</p>
        ) : null}
      </div>
      {card.acted ? (
        <p className="text-sm font-medium text-ok" data-testid="signal-card-acted">
          {t('actedNote')}
        </p>
      ) : null}
      <ul className="mt-1 divide-y divide-line/70">
        {card.signals.map((signal) => {
          const rule = t(`rules.${signal.rule}`);
          return (
            <li key={signal.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1.5" data-testid="signal" data-rule={signal.rule}>
              <h4 className="text-sm font-semibold text-ink">{rule}</h4>
              <LevelBadge level={signal.level} label={t(`levels.${signal.level}`)} prefix={t('level')} />
              {signal.status !== 'open' ? <SignalStatusBadge status={signal.status} label={t(`statuses.${signal.status}`)} /> : null}
              {/* Read in this order (rule, why, what to do); shown with the actions up on the rule's line. */}
              <p className="order-2 min-w-0 basis-full text-sm text-ink">
                <span data-testid="signal-message">{signal.message}</span>{' '}
                <span className="whitespace-nowrap text-xs text-muted">
                  {t('since', { date: day(signal.since) })}
                  {signal.level !== 'regisseur' ? ` · ${t('levelSince', { date: day(signal.levelSince) })}` : null}
                </span>
              </p>
              {signal.status === 'snoozed' && signal.snoozedUntil ? (
                <p className="order-2 basis-full text-sm text-muted">
                  {t('snoozedUntil', { date: day(signal.snoozedUntil) })}
                  {signal.snoozeReason ? ` — ${signal.snoozeReason}` : null}
                </p>
              ) : null}
              {signal.status === 'resolved' && signal.resolvedAt ? (
                <p className="order-2 basis-full text-sm text-muted">
                  {signal.autoResolved
                    ? t('autoResolved', { date: day(signal.resolvedAt) })
                    : t('resolvedBy', { name: signal.resolvedByName ?? '—', date: day(signal.resolvedAt) })}
                  {signal.resolutionNote ? ` ${signal.resolutionNote}` : null}
                </p>
              ) : null}
              {editable && signal.status === 'open' ? (
                <SignalActions signalId={signal.id} version={signal.version} returnTo={returnTo} rule={rule} compact />
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
