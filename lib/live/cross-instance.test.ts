import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotifications, type Notifications } from '@/db/listen';
import { openPostgres } from '@/db/open';
import { queryRows } from '@/db/query';
import { createServerDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo } from '@/lib/seed/demo';
import { CHANNEL } from './hub';

// Two app instances share nothing but the database: each has its own LISTEN connection. A write through a
// third connection (a third instance, or a script) must reach both. PostgreSQL only: PGlite is one process.
const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
const now = new Date('2026-10-12T08:00:00Z');

async function eventually(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe.skipIf(!serverUrl)('meeting events across app instances (PostgreSQL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let writer: DbHandle;
  const listeners: Notifications[] = [];
  let meetingId: string;

  beforeAll(async () => {
    database = await createServerDatabase(serverUrl!);
    writer = await openPostgres(database.url, { max: 2 });
    await loadReferenceData(writer.db);
    await seedDemo(writer.db, now);
    [{ id: meetingId }] = (await queryRows<{ id: string }>(writer.db, sql`select id from meetings where status = 'gepland' limit 1`)) as [{ id: string }];
  });
  afterAll(async () => {
    for (const l of listeners) await l.close();
    await writer?.close();
    await database?.drop();
  });

  it('delivers an event written through a third connection to the listeners of both instances', async () => {
    const received: string[][] = [[], []];
    for (const got of received) {
      const listener = pgNotifications(database.url);
      listeners.push(listener);
      await listener.listen(CHANNEL, (payload) => got.push(payload));
    }
    await writer.db.execute(sql`update meetings set status = 'bezig' where id = ${meetingId}`);
    expect(await eventually(() => received.every((got) => got.length > 0))).toBe(true);
    const [last] = await queryRows<{ id: string }>(writer.db, sql`select max(id)::text as id from meeting_events where meeting_id = ${meetingId}`);
    expect(received[0]).toEqual([`${meetingId}:${last!.id}`]);
    expect(received[1]).toEqual(received[0]);
  });

  it('comes back after its connection is cut, and says so, so the streams catch up from the table', async () => {
    const got: string[] = [];
    let reconnects = 0;
    const listener = pgNotifications(database.url, { maxBackoffMs: 300 });
    listeners.push(listener);
    await listener.listen(CHANNEL, (payload) => got.push(payload), () => reconnects++);
    await writer.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'casusregie-listen' and datname = current_database()`,
    );
    expect(await eventually(() => reconnects > 0)).toBe(true);
    await writer.db.execute(sql`update meetings set current_item_id = (select id from agenda_items where meeting_id = ${meetingId} limit 1) where id = ${meetingId}`);
    expect(await eventually(() => got.length > 0)).toBe(true);
    expect(got[0]).toMatch(new RegExp(`^${meetingId}:\\d+$`));
  });
});
