'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useState, useTransition } from 'react';

/** The next page as a server action answers it: rendered on the server, plus where the page after it starts. */
export interface MorePage<T = undefined> {
  node: React.ReactNode;
  nextCursor: string | null;
  /** What the list's own client code needs of the rows (the agreement island takes them over). */
  data?: T;
  /** The action refused the request (a bad cursor or filter, signed out): the link still works. */
  failed?: boolean;
}

/**
 * "Meer laden": a link to the list from the cursor on (`?cursor=…`), which works without JavaScript; with it,
 * the next page is appended in place, so what was opened, typed or scrolled to on the page stays.
 */
export function LoadMore<T = undefined>({
  href,
  cursor,
  load,
  onLoaded,
  wrap = 'div',
}: {
  /** The list's URL with its filters, without a cursor. */
  href: string;
  cursor: string | null;
  /** A server action bound to the list's filters. */
  load: (cursor: string) => Promise<MorePage<T>>;
  onLoaded?: (page: MorePage<T>) => void;
  /** `li` inside a list. */
  wrap?: 'div' | 'li';
}) {
  const t = useTranslations('forms.loadMore');
  const [pages, setPages] = useState<React.ReactNode[]>([]);
  const [next, setNext] = useState(cursor);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const Wrap = wrap;

  if (!next && pages.length === 0) return null;
  const link = next ? `${href}${href.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}` : null;

  const onClick = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (!next || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (pending) return;
    setFailed(false);
    startTransition(async () => {
      try {
        const page = await load(next);
        if (page.failed) return setFailed(true);
        setPages((shown) => [...shown, page.node]);
        setNext(page.nextCursor);
        onLoaded?.(page);
      } catch {
        setFailed(true);
      }
    });
  };

  return (
    <>
      {pages.map((node, i) => (
        // A page never changes once appended: its place is its key.
        <Fragment key={i}>{node}</Fragment>
      ))}
      {link ? (
        <Wrap className="mt-4 flex flex-col items-center gap-2" data-testid="load-more">
          <a
            href={link}
            onClick={onClick}
            aria-busy={pending || undefined}
            className="inline-flex min-h-11 items-center rounded border border-line bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:border-brand-600"
          >
            {pending ? t('loading') : t('label')}
          </a>
          {failed ? (
            <p role="alert" className="text-sm text-danger">
              {t('failed')}
            </p>
          ) : null}
        </Wrap>
      ) : null}
    </>
  );
}
