'use client';

import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { daysOverdue } from '@/lib/agreements/dates';
import { AgreementStatusBadge, BlockedBadge, OverdueBadge } from './agreement-badges';
import { ApiError, isRetryable, requestJson } from './api-client';
import { HistoryList } from './history-list';
import type { AgreementItem, HistoryEntry, HistoryResponse } from './types';

type Kind = 'voortgang' | 'gereed' | 'geblokkeerd';
const KINDS: Kind[] = ['voortgang', 'gereed', 'geblokkeerd'];
const FINISHED = ['gereed', 'niet_nagekomen', 'vervallen'];
const LIST_ROOT = 'agreements';
const historyKey = (id: string): QueryKey => ['agreement-history', id];

export interface AgreementListProps {
  initialItems: AgreementItem[];
  /** The filters as a query string (the list API takes the same parameters as the page). */
  search: string;
  /** Today in Europe/Amsterdam (JJJJ-MM-DD), from the server, so every client counts days alike. */
  today: string;
  /** partner: "Mijn afspraken" with the owner's actions; house: the regisseur's overview. */
  mode: 'partner' | 'house';
  currentUserId: string;
  emptyText: string;
}

/** The agreement list: kept fresh with React Query, changed with optimistic updates. */
export function AgreementList({ initialItems, search, today, mode, currentUserId, emptyText }: AgreementListProps) {
  const t = useTranslations('agreements');
  const listKey: QueryKey = [LIST_ROOT, search];
  const { data: items = [], isFetching } = useQuery({
    queryKey: listKey,
    queryFn: async () => (await requestJson<{ items: AgreementItem[] }>(`/api/v1/agreements${search ? `?${search}` : ''}`)).items,
    initialData: initialItems,
  });
  const overdue = items.filter((a) => a.overdue).length;

  return (
    <div>
      <p className="mb-3 flex items-center gap-2 text-sm text-muted" aria-live="polite">
        <span>
          {t('count', { total: items.length })}
          {overdue > 0 ? <> · <span className="font-semibold text-danger">{t('countOverdue', { overdue })}</span></> : null}
        </span>
        {isFetching ? <span className="text-xs">{t('refreshing')}</span> : null}
      </p>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-ink">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">{emptyText}</p>
        </div>
      ) : (
        <ul className="space-y-3" data-testid="agreement-list">
          {items.map((item) => (
            <AgreementCard key={item.id} item={item} today={today} mode={mode} currentUserId={currentUserId} />
          ))}
        </ul>
      )}
    </div>
  );
}

interface Variables {
  kind: Kind;
  note: string;
  /** One key per submission, sent with every retry of it: the server stores the entry once. */
  key: string;
}

function optimistic(item: AgreementItem, { kind, note }: Variables, now: string): AgreementItem {
  const next = { ...item, lastProgressAt: now };
  if (kind === 'voortgang' && item.status === 'open') next.status = 'in_uitvoering';
  if (kind === 'gereed') Object.assign(next, { status: 'gereed', completedAt: now, completionNote: note, blockedAt: null, blockedReason: null, overdue: false });
  if (kind === 'geblokkeerd') Object.assign(next, { blockedAt: now, blockedReason: note });
  return next;
}

function AgreementCard({ item, today, mode, currentUserId }: { item: AgreementItem; today: string; mode: 'partner' | 'house'; currentUserId: string }) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Kind | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const titleId = useId();
  const historyId = useId();

  const mutation = useMutation({
    mutationFn: ({ kind, note, key }: Variables) =>
      requestJson(`/api/v1/agreements/${item.id}/actions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: JSON.stringify({ kind, note, idempotencyKey: key }),
      }),
    // Retries carry the same variables, so the same key: a request that did arrive is not stored twice.
    retry: (failures, error) => failures < 2 && isRetryable(error),
    retryDelay: (attempt) => 400 * 2 ** attempt,
    onMutate: async (variables) => {
      setNotice(null);
      await queryClient.cancelQueries({ queryKey: [LIST_ROOT] });
      await queryClient.cancelQueries({ queryKey: historyKey(item.id) });
      const lists = queryClient.getQueriesData<AgreementItem[]>({ queryKey: [LIST_ROOT] });
      const history = queryClient.getQueryData<HistoryResponse>(historyKey(item.id));
      const now = new Date().toISOString();
      queryClient.setQueriesData<AgreementItem[]>({ queryKey: [LIST_ROOT] }, (old) =>
        old?.map((a) => (a.id === item.id ? optimistic(a, variables, now) : a)),
      );
      if (history) {
        const entry: HistoryEntry = {
          id: `pending-${variables.key}`,
          kind: variables.kind,
          note: variables.note,
          authorName: t('you'),
          organisationName: item.ownerOrganisationName,
          createdAt: now,
          pending: true,
        };
        queryClient.setQueryData<HistoryResponse>(historyKey(item.id), { ...history, items: [entry, ...history.items], total: history.total + 1 });
      }
      return { lists, history };
    },
    onError: (error, _variables, context) => {
      context?.lists.forEach(([key, data]) => queryClient.setQueryData(key, data));
      if (context?.history) queryClient.setQueryData(historyKey(item.id), context.history);
      const message = error instanceof ApiError && error.status !== 0 && error.message ? error.message : t('offline');
      setNotice({ tone: 'error', text: t('rolledBack', { message }) });
    },
    onSuccess: (_data, { kind }) => {
      setForm(null);
      setNotice({ tone: 'ok', text: t(`saved.${kind}`) });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [LIST_ROOT] }),
        queryClient.invalidateQueries({ queryKey: historyKey(item.id) }),
      ]),
  });

  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  const moment = (d: string) => format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' });
  const late = item.overdue ? daysOverdue(item.dueDate, today) : 0;
  const finished = FINISHED.includes(item.status);
  const canAct = mode === 'partner' && !finished;
  const blocked = Boolean(item.blockedAt) && !finished;

  return (
    <li
      aria-labelledby={titleId}
      data-testid="agreement"
      className={`rounded-lg border bg-white p-4 shadow-sm ${item.overdue ? 'border-red-300 border-l-4 border-l-danger' : 'border-line'}`}
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
        <div>
          <dt className="text-xs text-muted">{t('dueDateMoves')}</dt>
          <dd>{item.dueDateMoves === 0 ? t('notMoved') : t('moved', { count: item.dueDateMoves })}</dd>
        </div>
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

      {notice ? (
        <p
          role={notice.tone === 'error' ? 'alert' : 'status'}
          className={`mt-3 rounded border px-3 py-2 text-sm ${notice.tone === 'error' ? 'border-danger bg-danger-50 text-danger' : 'border-ok bg-emerald-50 text-ok'}`}
        >
          {notice.text}
        </p>
      ) : null}

      {form ? (
        <NoteForm
          kind={form}
          pending={mutation.isPending}
          onCancel={() => setForm(null)}
          onSubmit={(note, key) => mutation.mutate({ kind: form, note, key })}
        />
      ) : null}

      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-line pt-3">
        {canAct && !form
          ? KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                onClick={() => {
                  setNotice(null);
                  setForm(kind);
                }}
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
          type="button"
          aria-expanded={showHistory}
          aria-controls={historyId}
          onClick={() => setShowHistory((v) => !v)}
          className="ml-auto inline-flex items-center gap-1 rounded px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${showHistory ? 'rotate-90' : ''}`}>
            ▸
          </span>
          {t('history')}
        </button>
      </div>
      <div id={historyId} hidden={!showHistory}>
        {showHistory ? <History agreementId={item.id} /> : null}
      </div>
    </li>
  );
}

function NoteForm({ kind, pending, onCancel, onSubmit }: { kind: Kind; pending: boolean; onCancel: () => void; onSubmit: (note: string, key: string) => void }) {
  const t = useTranslations('agreements');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The key of this submission: kept for a repeat of the same note (a double click, a retry after a
  // failure), a new one as soon as the note changes.
  const key = useRef<string | null>(null);
  const id = useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = note.trim();
    if (trimmed.length < 3) {
      setError(t(`noteRequired.${kind}`));
      return;
    }
    setError(null);
    key.current ??= crypto.randomUUID();
    onSubmit(trimmed, key.current);
  };

  return (
    <form onSubmit={submit} noValidate className="mt-3 rounded-md border border-line bg-canvas p-3" aria-label={t(`actions.${kind}`)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {t(`noteLabels.${kind}`)}
        <span aria-hidden="true" className="text-danger"> *</span>
      </label>
      {kind === 'geblokkeerd' ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {t('blockedHint')}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={3}
        value={note}
        required
        autoFocus
        onChange={(e) => {
          setNote(e.target.value);
          key.current = null;
        }}
        aria-invalid={Boolean(error)}
        aria-describedby={[error ? `${id}-error` : null, kind === 'geblokkeerd' ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined}
        className="mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t(`actions.${kind}`)}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} className="rounded px-3 py-1.5 text-sm font-medium text-muted hover:text-ink disabled:opacity-60">
          {t('cancel')}
        </button>
        {pending ? (
          <span role="status" className="text-sm text-muted">
            {t('saving')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function History({ agreementId }: { agreementId: string }) {
  const t = useTranslations('agreements');
  const { data, isPending, isError } = useQuery({
    queryKey: historyKey(agreementId),
    queryFn: () => requestJson<HistoryResponse>(`/api/v1/agreements/${agreementId}/actions`),
  });
  if (isPending) return <p className="mt-3 text-sm text-muted">{t('historyLoading')}</p>;
  if (isError) return <p className="mt-3 text-sm text-danger" role="alert">{t('historyError')}</p>;
  return <HistoryList entries={data.items} dueChanges={data.dueChanges} />;
}
