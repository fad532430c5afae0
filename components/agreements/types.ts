import type { agreementHistory, AgreementRow } from '@/lib/agreements/list-agreements';
import type { Json } from '@/lib/http/json';

/** How long React Query counts the list as fresh (also the first paint's items, for AgreementListShell). */
export const LIST_STALE_MS = 30_000;

/** One agreement as the list API answers it (GET /api/v1/agreements). */
export type AgreementItem = Json<AgreementRow>;

type History = Json<Awaited<ReturnType<typeof agreementHistory>>>;
export type HistoryEntry = History['actions'][number] & { pending?: boolean };
export type DueChange = History['dueChanges'][number];
/** GET /api/v1/agreements/{id}/actions. */
export interface HistoryResponse {
  items: HistoryEntry[];
  total: number;
  dueChanges: DueChange[];
}

/** Server rows as the client gets them from the API, so the first render and a refetch look alike. */
export function asItems(rows: AgreementRow[]): AgreementItem[] {
  return JSON.parse(JSON.stringify(rows)) as AgreementItem[];
}

/** The list filters as a query string, in a fixed order (also the React Query key). */
export function searchOf(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  return params.toString();
}
