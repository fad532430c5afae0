import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/types';

export interface PresenceEntry {
  organisationId: string;
  organisationName: string;
  people: number;
}

/** Renews this stream's heartbeat (a new connection announces itself as a 'presence' event). */
export async function touchPresence(tx: Executor, meetingId: string, connectionId: string, now: Date): Promise<void> {
  await tx.execute(sql`select meeting_presence_touch(${meetingId}::uuid, ${connectionId}::uuid, ${now.toISOString()}::timestamptz)`);
}

export async function leavePresence(tx: Executor, connectionId: string): Promise<void> {
  await tx.execute(sql`select meeting_presence_leave(${connectionId}::uuid)`);
}

/** Who is connected, per organisation: the names of organisations and a head count, no person's name. */
export async function presenceOf(tx: Executor, meetingId: string, now: Date): Promise<PresenceEntry[]> {
  const result = (await tx.execute(
    sql`select organisation_id as "organisationId", organisation_name as "organisationName", people
        from meeting_presence_summary(${meetingId}::uuid, ${now.toISOString()}::timestamptz)`,
  )) as unknown as { rows: PresenceEntry[] };
  return result.rows.map((r) => ({ ...r, people: Number(r.people) }));
}
