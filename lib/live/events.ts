import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/types';
import { AppError, msg } from '@/lib/errors';

/** What a stream sends: the kind and ids, never case text. 'besloten': something happened on a closed item. */
export interface LiveEvent {
  id: number;
  kind: 'meeting' | 'item' | 'agreement' | 'confirmation' | 'presence' | 'besloten';
  itemId?: string;
  agreementId?: string;
}

const BATCH = 200;

/** The reader's events of a meeting after `after`, through the database's access check (drizzle/0028). */
export async function eventsAfter(tx: Executor, meetingId: string, after: number, limit = BATCH): Promise<LiveEvent[]> {
  const result = (await tx.execute(
    sql`select id::text as id, kind, agenda_item_id as "itemId", agreement_id as "agreementId"
        from meeting_events_after(${meetingId}::uuid, ${after}::bigint, ${limit}::integer)`,
  )) as unknown as { rows: { id: string; kind: LiveEvent['kind']; itemId: string | null; agreementId: string | null }[] };
  return result.rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    ...(r.itemId && { itemId: r.itemId }),
    ...(r.agreementId && { agreementId: r.agreementId }),
  }));
}

export async function latestEventId(tx: Executor, meetingId: string): Promise<number> {
  const result = (await tx.execute(sql`select meeting_events_latest(${meetingId}::uuid)::text as id`)) as unknown as { rows: { id: string }[] };
  return Number(result.rows[0]?.id ?? 0);
}

/** One Server-Sent Event. */
export function formatEvent(event: LiveEvent): string {
  const { id, ...data } = event;
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Last-Event-ID (or `?after=`): a sequence number; anything else is a 422, not a silent replay from zero. */
export function parseCursor(value: string | null | undefined): number | undefined {
  if (value == null || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new AppError('VALIDATION', msg('live.lastEventIdNotNumber'), { lastEventId: [msg('live.invalidSequenceNumber')] });
  }
  return Number(value);
}
