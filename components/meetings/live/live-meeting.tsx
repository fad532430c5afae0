'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { PASSIVE_REFRESH_COOKIE, PASSIVE_REFRESH_SECONDS } from '@/lib/auth/session-rules';

type Connection = 'connecting' | 'open' | 'lost';

const REFRESH_DEBOUNCE_MS = 250;
const MAX_BACKOFF_MS = 30_000;

/**
 * Follows the meeting's event stream and re-renders the page (which applies the access rules) when something
 * changed; events carry ids only. EventSource retries by itself after a dropped connection, sending
 * Last-Event-ID; when it gives up (an error answer), this reconnects with backoff from the last id seen.
 */
export function LiveMeeting({ meetingId, since }: { meetingId: string; since: number }) {
  const t = useTranslations('meetings.live');
  const router = useRouter();
  const [connection, setConnection] = useState<Connection>('connecting');
  const lastId = useRef(since);

  useEffect(() => {
    let source: EventSource | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      source = new EventSource(`/api/v1/meetings/${meetingId}/events?after=${lastId.current}`);
      source.onopen = () => {
        failures = 0;
        setConnection('open');
      };
      source.onmessage = (message) => {
        const id = Number(message.lastEventId);
        if (Number.isFinite(id) && id > lastId.current) lastId.current = id;
        clearTimeout(refresh);
        refresh = setTimeout(() => {
          // An event is not activity: this refresh must not extend the session of an unattended screen.
          document.cookie = `${PASSIVE_REFRESH_COOKIE}=1; path=/; max-age=${PASSIVE_REFRESH_SECONDS}; samesite=strict`;
          router.refresh();
        }, REFRESH_DEBOUNCE_MS);
      };
      source.onerror = () => {
        setConnection('lost');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(refresh);
      clearTimeout(retry);
      source?.close();
    };
  }, [meetingId, router]);

  return (
    <p role="status" data-testid="live-connection" data-state={connection} className="flex items-center gap-2 text-sm">
      <span
        aria-hidden="true"
        className={`inline-block h-2.5 w-2.5 rounded-full ${connection === 'open' ? 'bg-ok' : connection === 'lost' ? 'bg-danger' : 'bg-muted'}`}
      />
      <span className={connection === 'lost' ? 'text-danger' : undefined}>{t(`connection.${connection}`)}</span>
    </p>
  );
}
