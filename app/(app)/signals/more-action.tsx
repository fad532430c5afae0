'use server';

import type { MorePage } from '@/components/load-more';
import { SignalGroupList } from '@/components/signals/signal-group-list';
import { authorize } from '@/lib/access/policy';
import { getActor } from '@/lib/auth/actor';
import { AppError, forbidden } from '@/lib/errors';
import { listSignals, parseSignalQuery } from '@/lib/signals/list-signals';

const FILTER_KEYS = ['rule', 'level', 'minLevel', 'case', 'organisation', 'status'];

/**
 * "Meer laden" on the signals page: the next page of the same filters, rendered as the page renders it.
 * `search` is the page's query string; the list checks who may read signals, as the page does.
 */
export async function moreSignalsAction(search: string, cursor: string): Promise<MorePage> {
  // A refusal is an answer for the button to show, not a failed action (the link still works).
  try {
    const actor = await getActor();
    if (!actor) throw forbidden();
    const params = new URLSearchParams(search);
    const raw = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.has(k) ? [[k, params.get(k)]] : [])));
    const { items, nextCursor } = await listSignals(actor, parseSignalQuery({ ...raw, cursor }));
    const editable = authorize(actor, 'signal.resolve') === 'allow';
    const idSuffix = `-${cursor.slice(-8).replace(/[^a-z0-9]/gi, '')}`;
    const node = <SignalGroupList items={items} editable={editable} returnTo={search ? `/signals?${search}` : '/signals'} idSuffix={idSuffix} />;
    return { node, nextCursor };
  } catch (error) {
    if (error instanceof AppError) return { node: null, nextCursor: null, failed: true };
    throw error;
  }
}
