/**
 * The browser's calls for one agenda item's minutes (app/api/v1/meetings/{id}/items/{itemId}…). Every
 * answer comes back as a value, never thrown: `offline` when the server was not reached, so the form can
 * tell "sign in again" (401) from "the database is away" (503) from "no connection".
 */
export interface MinutesText {
  minutes: string;
  outcome: string;
}

export interface ServerDraft extends MinutesText {
  baseVersion: number;
  version: number;
  updatedAt: string;
}

export interface SavedItem extends MinutesText {
  status: 'open' | 'besproken' | 'doorgeschoven';
  version: number;
}

export type Answer<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error?: string; fieldErrors?: Record<string, string[]>; current?: SavedItem }
  | { ok: false; status: 'offline' };

async function call<T>(method: string, url: string, body?: unknown, keepalive = false): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: 'no-store',
      keepalive,
      // Errors come back in the language of the page, not in the browser's.
      headers: { 'Accept-Language': document.documentElement.lang || 'nl', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 'offline' };
  }
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: data as T };
  return { ok: false, status: response.status, ...(data as { error?: string; fieldErrors?: Record<string, string[]>; current?: SavedItem }) };
}

const itemUrl = (meetingId: string, itemId: string) => `/api/v1/meetings/${meetingId}/items/${itemId}`;

export const minutesApi = {
  getDraft: (meetingId: string, itemId: string) => call<{ draft: ServerDraft | null }>('GET', `${itemUrl(meetingId, itemId)}/draft`),
  saveDraft: (meetingId: string, itemId: string, body: MinutesText & { baseVersion: number; version: number | null }, keepalive = false) =>
    call<{ draft: ServerDraft }>('PUT', `${itemUrl(meetingId, itemId)}/draft`, body, keepalive),
  saveItem: (meetingId: string, itemId: string, body: MinutesText & { status: 'open' | 'besproken'; version: number }) =>
    call<SavedItem>('PATCH', itemUrl(meetingId, itemId), body),
};

/** hh:mm in Amsterdam, whatever the browser's time zone. */
export function amsterdamTime(at: Date | string | number): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/**
 * The copy kept in this tab (sessionStorage: gone with the tab, and with sign-out's Clear-Site-Data), so
 * text that never reached the server (no connection, an ended session) survives navigation and reloads.
 */
export interface LocalCopy extends MinutesText {
  baseVersion: number;
  savedAt: number;
}

const localKey = (authorId: string, itemId: string) => `casusregie.minutes.${authorId}.${itemId}`;

export const localCopy = {
  read(authorId: string, itemId: string): LocalCopy | null {
    try {
      const raw = window.sessionStorage.getItem(localKey(authorId, itemId));
      const value = raw ? (JSON.parse(raw) as Partial<LocalCopy>) : null;
      if (!value || typeof value.minutes !== 'string' || typeof value.outcome !== 'string') return null;
      if (typeof value.baseVersion !== 'number' || typeof value.savedAt !== 'number') return null;
      return value as LocalCopy;
    } catch {
      return null;
    }
  },
  write(authorId: string, itemId: string, value: LocalCopy) {
    try {
      window.sessionStorage.setItem(localKey(authorId, itemId), JSON.stringify(value));
    } catch {
      // A full or disabled storage: the server draft still keeps the text.
    }
  },
  clear(authorId: string, itemId: string) {
    try {
      window.sessionStorage.removeItem(localKey(authorId, itemId));
    } catch {
      // Nothing kept, nothing to clear.
    }
  },
};
