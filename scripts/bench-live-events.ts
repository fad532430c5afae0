/**
 * `npm run bench:live [-- --events 100] [-- --postgres postgres://…]`: latency from the commit of a write to
 * the event arriving at a partner's Server-Sent Events client, over HTTP. A fresh database with the demo data
 * (embedded PGlite, or a new database on the given server), a running meeting with a case police is convened
 * to; police follows it over node:http; the regisseur records the item's minutes N times, one after another.
 * On PostgreSQL the write goes through the app's pool and the event through the dedicated LISTEN connection,
 * as between two instances. Prints p50/p95/max in ms.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { agendaItems, cases, organisations } from '@/db/schema';
import { closeDb, useFreshDatabase as freshDatabase } from '@/db/testing';
import { openMeetingEvents } from '@/lib/live/event-stream';
import { recordAgendaItem } from '@/lib/meetings/agenda';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { transitionMeeting } from '@/lib/meetings/meeting-lifecycle';
import { signInAs } from '@/lib/testing/actors';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main() {
  const count = Number(option('events') ?? 100);
  const server = option('postgres');
  if (server) {
    process.env.TEST_DB = 'postgres';
    process.env.TEST_DATABASE_URL = server;
  }
  const handle = await freshDatabase({ demo: true });
  const regisseur = await signInAs('regisseur@example.org');
  const politie = await signInAs('politie@example.org');
  const [org] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.shortName, 'Politie'));
  // The subject's name is stored encrypted: compared after reading.
  const sem = (await handle.db.select({ id: cases.id, name: cases.subjectName }).from(cases)).find((c) => c.name === 'Sem Bakker');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const { id: meetingId } = await createMeeting(regisseur, {
    title: 'Bench live', kind: 'casusoverleg', date: today, startTime: '00:05', endTime: '23:55', location: null,
    recurrence: 'geen', chairUserId: regisseur.userId, minuteTakerUserId: null, invitedOrganisationIds: [org!.id], caseIds: [sem!.id],
  });
  await transitionMeeting(regisseur, meetingId, { action: 'plan', version: 1 });
  await transitionMeeting(regisseur, meetingId, { action: 'start', version: 2 });
  const [item] = await handle.db.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId)));

  // The route's work without Next and the session cookie: the same stream, served over node:http.
  const web = http.createServer(async (req, res) => {
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    const stream = await openMeetingEvents(politie, meetingId, { signal: abort.signal });
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform' });
    Readable.fromWeb(stream as never).pipe(res);
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  const { port } = web.address() as AddressInfo;

  const arrivals = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const client = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/`, { signal: client.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.includes('"kind":"item"')) continue;
        for (const [key, resolve] of waiting) {
          arrivals.set(key, performance.now());
          waiting.delete(key);
          resolve();
        }
      }
    }
  })().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 300));

  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = String(i);
    const arrived = new Promise<void>((resolve) => waiting.set(key, resolve));
    await recordAgendaItem(regisseur, meetingId, item!.id, { minutes: `Notulen ${i}`, version: i + 1 });
    const committed = performance.now();
    await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error(`event ${i} did not arrive`)), 5000))]);
    latencies.push(Math.max(0, arrivals.get(key)! - committed));
    await new Promise((r) => setTimeout(r, 20));
  }
  client.abort();
  web.closeAllConnections();
  web.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `bench:live ${handle.kind}: ${count} events, commit → partner's SSE client: p50 ${fmt(quantile(sorted, 0.5))} ms, p95 ${fmt(quantile(sorted, 0.95))} ms, max ${fmt(sorted.at(-1)!)} ms`,
  );
  await closeDb();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
