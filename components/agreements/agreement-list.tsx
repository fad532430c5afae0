'use client';

import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { AgreementCardView, AgreementListView, type Kind } from './agreement-card';
import { ApiError, isRetryable, requestJson } from './api-client';
import { HistoryList } from './history-list';
import { AgreementsQueryProvider } from './query-provider';
import type { AgreementItem, HistoryEntry, HistoryResponse } from './types';

const LIST_ROOT = 'agreements';
const historyKey = (id: string): QueryKey => ['agreement-history', id];

/** What brought the island in: the button pressed on the server-rendered list, which it carries out. */
export interface Intent {
  agreementId: string;
  action: Kind | 'history';
}

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
  /** All that match (the list shows a page of them), counted up to a cap; `capped`: more than that. */
  total: number;
  capped?: boolean;
  /** Where the page after the items shown starts; null when they are all. */
  nextCursor: string | null;
  /** How many pages the items shown are: a refetch reads as many again. */
  pages?: number;
}

/** The list page the island stands in for: "Meer laden" links there without JavaScript. */
export const listPath = (mode: AgreementListProps['mode']) => (mode === 'partner' ? '/my-agreements' : '/agreements');

export const withCursor = (path: string, search: string, cursor: string | null | undefined) =>
  `${path}?${[search, cursor ? `cursor=${encodeURIComponent(cursor)}` : ''].filter(Boolean).join('&')}`;

interface ListPage {
  items: AgreementItem[];
  nextCursor: string | null;
}

/**
 * Loaded by AgreementListShell when someone first acts on the list. `refetch`: the connection came back
 * after the first paint's items went stale, where React Query would have refetched them had it been there.
 */
export function AgreementListIsland({ intent, refetch, ...props }: AgreementListProps & { intent?: Intent; refetch?: boolean }) {
  return (
    <AgreementsQueryProvider>
      <AgreementList {...props} intent={intent} refetch={refetch} />
    </AgreementsQueryProvider>
  );
}

/** The agreement list: kept fresh with React Query, changed with optimistic updates. */
function AgreementList({
  initialItems,
  search,
  today,
  mode,
  currentUserId,
  emptyText,
  total,
  capped,
  nextCursor,
  pages: initialPages = 1,
  intent,
  refetch,
}: AgreementListProps & { intent?: Intent; refetch?: boolean }) {
  // Carried out once: a card that comes back later (after a filter change, say) does not reopen its form.
  const [pending, setPending] = useState(intent);
  const intentDone = useCallback(() => setPending(undefined), []);
  const t = useTranslations('forms.loadMore');
  const queryClient = useQueryClient();
  // The pages loaded so far ("Meer laden"): a refetch reads them again, one cursor after the other.
  const [pages, setPages] = useState(initialPages);
  const [next, setNext] = useState(nextCursor);
  const [more, setMore] = useState<'idle' | 'loading' | 'failed'>('idle');
  const listKey: QueryKey = [LIST_ROOT, search, pages];
  const { data: items = [], isFetching } = useQuery({
    queryKey: listKey,
    queryFn: async () => {
      const read: AgreementItem[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < pages; page += 1) {
        const answer: ListPage = await requestJson<ListPage>(withCursor('/api/v1/agreements', search, cursor));
        read.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      setNext(cursor);
      return read;
    },
    initialData: initialItems,
    refetchOnMount: refetch ? 'always' : true,
  });

  const loadMore = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    const cursor = next;
    if (!cursor || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (more === 'loading') return;
    setMore('loading');
    try {
      const answer = await requestJson<ListPage>(withCursor('/api/v1/agreements', search, cursor));
      queryClient.setQueryData<AgreementItem[]>([LIST_ROOT, search, pages + 1], [...items, ...answer.items]);
      setNext(answer.nextCursor);
      setPages(pages + 1);
      setMore('idle');
    } catch {
      setMore('failed');
    }
  };

  return (
    <AgreementListView items={items} total={total} capped={capped} partial={next !== null} emptyText={emptyText} refreshing={isFetching}>
      {items.map((item) => (
        <AgreementCard
          key={item.id}
          item={item}
          today={today}
          mode={mode}
          currentUserId={currentUserId}
          initial={pending?.agreementId === item.id ? pending.action : undefined}
          onInitialDone={intentDone}
        />
      ))}
      {next ? (
        <li className="mt-4 flex flex-col items-center gap-2" data-testid="load-more">
          <a
            href={withCursor(listPath(mode), search, next)}
            onClick={loadMore}
            aria-busy={more === 'loading' || undefined}
            className="inline-flex min-h-11 items-center rounded border border-line bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:border-brand-600"
          >
            {more === 'loading' ? t('loading') : t('label')}
          </a>
          {more === 'failed' ? (
            <p role="alert" className="text-sm text-danger">
              {t('failed')}
            </p>
          ) : null}
        </li>
      ) : null}
    </AgreementListView>
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

function AgreementCard({
  item,
  today,
  mode,
  currentUserId,
  initial,
  onInitialDone,
}: {
  item: AgreementItem;
  today: string;
  mode: 'partner' | 'house';
  currentUserId: string;
  initial?: Intent['action'];
  onInitialDone: () => void;
}) {
  const t = useTranslations('agreements');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Kind | null>(initial && initial !== 'history' ? initial : null);
  const [showHistory, setShowHistory] = useState(initial === 'history');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const historyButton = useRef<HTMLButtonElement>(null);

  // The server-rendered button that was pressed is gone; its counterpart takes the focus (a note form
  // takes it itself, through autoFocus).
  useEffect(() => {
    if (!initial) return;
    if (initial === 'history') historyButton.current?.focus();
    onInitialDone();
  }, [initial, onInitialDone]);

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

  return (
    <AgreementCardView
      item={item}
      today={today}
      mode={mode}
      currentUserId={currentUserId}
      formOpen={form !== null}
      showHistory={showHistory}
      onAction={(kind) => {
        setNotice(null);
        setForm(kind);
      }}
      onToggleHistory={() => setShowHistory((v) => !v)}
      historyButtonRef={historyButton}
      history={showHistory ? <History agreementId={item.id} /> : null}
    >
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
    </AgreementCardView>
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
