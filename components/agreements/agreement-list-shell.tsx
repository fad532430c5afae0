'use client';

import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { LoadMore, type MorePage } from '@/components/load-more';
import type { AgreementListProps, Intent } from './agreement-list';
import { LIST_STALE_MS, type AgreementItem } from './types';

type Appended = (page: MorePage<AgreementItem[]>) => void;
const AppendedContext = createContext<Appended | null>(null);

/**
 * "Meer laden" in the server-rendered list: appends the next page's cards in place and tells the shell,
 * so that the island, when it comes in, takes over every card shown, not just the first page.
 */
export function AgreementsLoadMore(props: { href: string; cursor: string | null; load: (cursor: string) => Promise<MorePage<AgreementItem[]>> }) {
  const appended = useContext(AppendedContext);
  return <LoadMore {...props} wrap="li" onLoaded={appended ?? undefined} />;
}

type Island = typeof import('./agreement-list');

/**
 * The agreement list as the server rendered it (`children`), until someone acts on it: then the React
 * Query island (agreement-list.tsx) comes in, takes over the same markup and carries out the pressed
 * button. React Query and the island's code are not needed to read the list, so
 * they stay out of the page's first load. Pointing at or focusing the list already fetches the island,
 * so it is usually there by the time the click lands.
 */
export function AgreementListShell({ children, ...props }: AgreementListProps & { children: React.ReactNode }) {
  const t = useTranslations();
  const [island, setIsland] = useState<Island | null>(null);
  const [activation, setActivation] = useState<{ intent?: Intent; refetch?: boolean } | null>(null);
  const [failed, setFailed] = useState(false);
  const loading = useRef(false);
  const waiting = useRef(false);
  const loadedAt = useRef(0);
  const [more, setMore] = useState<{ items: AgreementItem[]; pages: number; next: string | null }>({ items: [], pages: 1, next: props.nextCursor });
  const appended = useCallback<Appended>(
    (page) => setMore((m) => ({ items: [...m.items, ...(page.data ?? [])], pages: m.pages + 1, next: page.nextCursor })),
    [],
  );

  const load = () => {
    if (loading.current) return;
    loading.current = true;
    import('./agreement-list').then(setIsland, () => {
      // Offline, say: the next attempt tries again. The press that waited for it lapses, or a later
      // fetch (on pointing, say) would carry it out unasked.
      loading.current = false;
      if (!waiting.current) return;
      waiting.current = false;
      setActivation(null);
      setFailed(true);
    });
  };

  const activate = (next: { intent?: Intent; refetch?: boolean }) => {
    waiting.current = true;
    setFailed(false);
    setActivation(next);
    load();
  };

  useEffect(() => {
    loadedAt.current = Date.now();
  }, []);

  // React Query refetches stale lists when the connection comes back; until it is here, this does.
  useEffect(() => {
    if (activation) return;
    const onOnline = () => {
      if (Date.now() - loadedAt.current > LIST_STALE_MS) activate({ refetch: true });
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  });

  const onClick = (event: React.MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-intent]');
    const agreementId = button?.closest<HTMLElement>('[data-agreement]')?.dataset.agreement;
    if (!button || !agreementId) return;
    activate({ intent: { agreementId, action: button.dataset.intent as Intent['action'] } });
  };

  if (island && activation) {
    return (
      <div>
        <island.AgreementListIsland
          {...props}
          initialItems={[...props.initialItems, ...more.items]}
          pages={more.pages}
          nextCursor={more.next}
          intent={activation.intent}
          refetch={activation.refetch}
        />
      </div>
    );
  }
  return (
    <div onClick={onClick} onPointerOver={load} onFocus={load}>
      {failed ? (
        <p role="alert" className="mb-3 rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {t('errors.title')}: {t('agreements.offline')}
        </p>
      ) : null}
      <AppendedContext.Provider value={appended}>{children}</AppendedContext.Provider>
    </div>
  );
}
