import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { daysOverdue } from '@/lib/agreements/dates';
import { AgreedIn } from './agreed-in';
import { AgreementStatusBadge, BlockedBadge, OverdueBadge } from './agreement-badges';
import type { AgreementItem } from './types';
import { isFinishedAgreement } from '@/lib/agreements/statuses';

/**
 * The agreement list's markup, without client code of its own: the overview renders it on the server for
 * the first paint, the React Query island (agreement-list.tsx) renders the same markup once someone acts,
 * so the swap between the two shows no change.
 */

export type Kind = 'voortgang' | 'gereed' | 'geblokkeerd';
export const KINDS: Kind[] = ['voortgang', 'gereed', 'geblokkeerd'];

export function AgreementListView({
  items,
  total,
  capped = false,
  partial = false,
  emptyText,
  refreshing = false,
  children,
}: {
  items: AgreementItem[];
  /** All that match, when the list shows one page of them. */
  total?: number;
  /** More match than `total`, the count's cap. */
  capped?: boolean;
  /** More pages follow the items shown: their overdue are not all there are. */
  partial?: boolean;
  emptyText: string;
  refreshing?: boolean;
  /** The cards. */
  children: React.ReactNode;
}) {
  const t = useTranslations('agreements');
  const overdue = items.filter((a) => a.overdue).length;
  return (
    <>
      {/* The count heads the list (h2 under the page's h1, above the cards' h3); an empty list has its own h2 below. */}
      <div className="mb-3 flex items-center gap-2 text-sm text-muted" aria-live="polite">
        {items.length > 0 ? (
          <h2 className="font-normal">
            {capped ? t('countCapped', { total: total ?? 0 }) : t('count', { total: Math.max(total ?? 0, items.length) })}
            {overdue > 0 ? (
              <>
                {' · '}
                <span className="font-semibold text-danger">
                  {partial ? t('countOverdueShown', { overdue, shown: items.length }) : t('countOverdue', { overdue })}
                </span>
              </>
            ) : null}
          </h2>
        ) : (
          <span>{t('count', { total: 0 })}</span>
        )}
        {refreshing ? <span className="text-xs">{t('refreshing')}</span> : null}
      </div>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-ink">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">{emptyText}</p>
        </div>
      ) : (
        <ul className="space-y-3" data-testid="agreement-list">
          {children}
        </ul>
      )}
    </>
  );
}

export interface AgreementCardViewProps {
  item: AgreementItem;
  /** Today in Europe/Amsterdam (JJJJ-MM-DD), from the server, so every client counts days alike. */
  today: string;
  mode: 'partner' | 'house';
  currentUserId: string;
  /** While a note form is open its own buttons stand in for the action buttons. */
  formOpen?: boolean;
  showHistory?: boolean;
  /** Absent in the server render: there a click is caught by AgreementListShell through data-intent. */
  onAction?: (kind: Kind) => void;
  onToggleHistory?: () => void;
  historyButtonRef?: React.Ref<HTMLButtonElement>;
  /** The history panel's content. */
  history?: React.ReactNode;
  /** Notice and note form, between the card's facts and its buttons. */
  children?: React.ReactNode;
}

export function AgreementCardView({
  item,
  today,
  mode,
  currentUserId,
  formOpen = false,
  showHistory = false,
  onAction,
  onToggleHistory,
  historyButtonRef,
  history,
  children,
}: AgreementCardViewProps) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  // Ids from the agreement rather than useId: the server and the island render different trees.
  const titleId = `agreement-${item.id}-title`;
  const historyId = `agreement-${item.id}-history`;
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  const moment = (d: string) => format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' });
  const late = item.overdue ? daysOverdue(item.dueDate, today) : 0;
  const finished = isFinishedAgreement(item.status);
  const canAct = mode === 'partner' && !finished;
  const blocked = Boolean(item.blockedAt) && !finished;

  return (
    <li
      id={`agreement-${item.id}`}
      aria-labelledby={titleId}
      data-testid="agreement"
      data-agreement={item.id}
      className={`scroll-mt-6 rounded-lg border bg-white p-4 shadow-sm ${item.overdue ? 'border-red-300 border-l-4 border-l-danger' : 'border-line'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/cases/${item.caseId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
              {item.caseNumber}
            </Link>
            <AgreementStatusBadge status={item.status} label={t(`statuses.${item.status}`)} />
            {item.overdue ? <OverdueBadge label={t('overdue', { days: late })} /> : null}
            {blocked ? <BlockedBadge label={t('blocked')} /> : null}
            {item.ownerUserId === currentUserId ? <span className="text-xs font-medium text-muted">{t('namedToYou')}</span> : null}
          </div>
          <h3 id={titleId} className="mt-1.5 font-medium leading-snug text-ink">
            {item.description}
          </h3>
          <AgreedIn meetingId={item.meetingId} title={item.meetingTitle} startsAt={item.meetingStartsAt} />
        </div>
        <div className="text-right">
          <div className="text-xs font-semibold uppercase tracking-wide text-muted">{t('due')}</div>
          <div className={`text-sm ${item.overdue ? 'font-semibold text-danger' : 'font-medium'}`}>{date(item.dueDate)}</div>
        </div>
      </div>

      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-muted">{t('owner')}</dt>
          <dd>
            {item.ownerOrganisationName}
            {item.ownerUserName ? <span className="text-muted"> · {item.ownerUserName}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{t('lastProgress')}</dt>
          <dd data-testid="agreement-last-progress">{item.lastProgressAt ? moment(item.lastProgressAt) : t('noProgress')}</dd>
        </div>
        {item.dueDateMoves > 0 ? (
          <div>
            <dt className="text-xs text-muted">{t('dueDateMoves')}</dt>
            <dd>{t('moved', { count: item.dueDateMoves })}</dd>
          </div>
        ) : null}
      </dl>

      {blocked && item.blockedReason ? (
        <p className="mt-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
          <span className="font-semibold">{t('blockedReason')}:</span> {item.blockedReason}
        </p>
      ) : null}
      {item.status === 'gereed' && item.completionNote ? (
        <p className="mt-3 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm">
          <span className="font-semibold">{t('completionNote')}:</span> {item.completionNote}
        </p>
      ) : null}

      {children}

      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-line pt-3">
        {canAct && !formOpen
          ? KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                data-intent={kind}
                onClick={onAction ? () => onAction(kind) : undefined}
                className={
                  kind === 'voortgang'
                    ? 'rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800'
                    : 'rounded border border-[#8a96a6] bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:border-brand-600'
                }
              >
                {t(`actions.${kind}`)}
              </button>
            ))
          : null}
        <button
          ref={historyButtonRef}
          type="button"
          data-intent="history"
          aria-expanded={showHistory}
          aria-controls={historyId}
          onClick={onToggleHistory}
          className="ml-auto inline-flex items-center gap-1 rounded px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${showHistory ? 'rotate-90' : ''}`}>
            ▸
          </span>
          {t('history')}
        </button>
      </div>
      <div id={historyId} hidden={!showHistory}>
        {history}
      </div>
    </li>
  );
}
