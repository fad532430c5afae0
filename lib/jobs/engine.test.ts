/**
 * The scheduled jobs on pg-boss against the real PostgreSQL server (TEST_DATABASE_URL; CI sets it, so these
 * never skip there). Each "instance" is an engine with pools of its own, as two processes would have.
 * Jobs are queued with send (what the cron does at its minute) rather than waiting for the cron.
 */
import net from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { TestClock } from 'pg-boss';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres } from '@/db/open';
import { queryRows } from '@/db/query';
import { createServerDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { metrics } from '@/lib/metrics/registry';
import { enqueueMail } from '@/lib/notify/outbox';
import { runSweep } from '@/lib/stagnation/sweep';
import { pgRelay } from '@/lib/testing/pg-relay';
import { startJobEngine, type JobEngine } from './engine';
import type { JobContext } from './handlers';
import { QUEUE, QUEUE_SETTINGS } from './queues';
import { DATABASE_WAIT_MS } from './run-job';
import { createDemoServerDatabase } from '@/lib/testing/server-database';

const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
// The one clock of this file (the jobs' `now`; pg-boss's own timing is the database's).
const NOW = new Date('2026-03-04T10:00:00+01:00');
const FROM = 'casusregie@example.org';
// Fast retries and polls, so no test waits long; the production settings are checked on their own.
const FAST = {
  [QUEUE.sweep]: { retryDelay: 1, retryDelayMax: 1 },
  [QUEUE.mailSend]: { retryLimit: 2, retryDelay: 2, retryDelayMax: 2 },
};

async function runs(job: string, outcome: string): Promise<number> {
  const { values } = await metrics().jobRuns.get();
  return values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ?? 0;
}
async function deliveries(outcome: string): Promise<number> {
  const { values } = await metrics().mailDeliveries.get();
  return values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

/** An SMTP relay on loopback that can be down (421 at connect) and refuses one recipient for good (550). */
async function startRelay(refused: string) {
  const received: string[] = [];
  let down = true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onConnect(_session, callback) {
      callback(down ? Object.assign(new Error('Service not available'), { responseCode: 421 }) : undefined);
    },
    onRcptTo(address, _session, callback) {
      callback(address.address === refused ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo[0]!.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  const transport: Transporter = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 1000, greetingTimeout: 1000 });
  return {
    received,
    transport,
    up: () => (down = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!serverUrl)('scheduled jobs on pg-boss (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  const opened: DbHandle[] = [];
  const engines: JobEngine[] = [];

  /** One instance: its own pool for the jobs' work and its own pg-boss pool. */
  async function instance(name: string, options: { dbUrl?: string; transport?: Transporter; clock?: TestClock } = {}) {
    const handle = await openPostgres(options.dbUrl ?? database.url, { max: 2, statementTimeoutMs: 2000 });
    opened.push(handle);
    const context: JobContext = {
      db: async () => handle.db,
      mail: () => ({ transport: options.transport ?? null, from: FROM }),
      now: () => NOW,
      databaseWaitMs: 15_000,
    };
    const engine = await startJobEngine({
      connectionString: database.url,
      context,
      instanceName: name,
      schedule: true,
      settings: FAST,
      pollingIntervalSeconds: 0.5,
      mailRounds: 1,
      clock: options.clock,
    });
    engines.push(engine);
    return { engine, handle, context };
  }

  beforeAll(async () => {
    database = await createDemoServerDatabase(serverUrl!, NOW);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const engine of engines.splice(0)) await engine.stop();
    for (const handle of opened.splice(0)) await handle.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const jobsIn = (queue: string) =>
    queryRows<{ state: string; retry_count: number; data: { outboxId?: string } | null; source_name: string | null }>(
      opened[0]!.db,
      sql`select state, retry_count, data, source_name from pgboss.job where name = ${queue} order by created_on`,
    );

  it('two instances on the same schedule: the sweep runs once each quarter hour, on one of them', async () => {
    // pg-boss's cron reads the database's clock; a test clock moves it (and pg-boss's timers) by hand. It
    // does so with a session setting, so this test needs a direct connection (not PgBouncer's transaction pool).
    const clocks = [new TestClock('2026-03-04T09:14:40Z'), new TestClock('2026-03-04T09:14:40Z')];
    const a = await instance('a', { clock: clocks[0] });
    const b = await instance('b', { clock: clocks[1] });
    const before = { ok: await runs('sweep', 'ok'), skipped: await runs('sweep', 'skipped') };
    const advance = async (ms: number) => {
      for (let done = 0; done < ms; done += 5000) await Promise.all(clocks.map((c) => c.tick(5000)));
    };
    const sweepsDone = async (n: number) =>
      vi.waitFor(async () => {
        await advance(5000);
        expect((await jobsIn(QUEUE.sweep)).map((j) => j.state)).toEqual(Array(n).fill('completed'));
      }, { timeout: 10_000, interval: 100 });
    await advance(20_000);
    await sweepsDone(1);
    // The rest of the quarter hour sends no second sweep; the next quarter hour sends one.
    await Promise.all(clocks.map((c) => c.setTime('2026-03-04T09:29:40Z')));
    await advance(10_000);
    expect(await jobsIn(QUEUE.sweep)).toHaveLength(1);
    await advance(10_000);
    await sweepsDone(2);
    expect(await runs('sweep', 'ok')).toBe(before.ok + 2);
    expect(await runs('sweep', 'skipped')).toBe(before.skipped);
    // The sweep did its work: signals of the demo's stagnating cases.
    const [signals] = await queryRows<{ n: number }>(a.handle.db, sql`select count(*)::int as n from signals`);
    expect(signals!.n).toBeGreaterThan(0);
    // Both called schedule(): one cron row per job, in Dutch time.
    const schedules = await b.engine.boss.getSchedules();
    expect(schedules.map((s) => `${s.name} ${s.cron} ${s.timezone}`).sort()).toEqual([
      'dashboard-fold * * * * * Europe/Amsterdam',
      'mail-dispatch * * * * * Europe/Amsterdam',
      'retention 30 3 * * * Europe/Amsterdam',
      'sweep */15 * * * * Europe/Amsterdam',
    ]);
    // A sweep started beside a running one (say a manual `npm run sweep`) skips: the advisory lock.
    const both = await Promise.all([a.handle, b.handle].map((h) => runSweep(h.db, { now: NOW })));
    expect(both.map((r) => r.skipped).sort()).toEqual([false, true]);
  });

  it('a mail the relay keeps refusing lands in the dead letter after the retry limit; one it accepts later is sent exactly once', async () => {
    const relay = await startRelay('kapot@example.org');
    try {
      const a = await instance('a', { transport: relay.transport });
      await instance('b', { transport: relay.transport });
      await enqueueMail(a.handle.db, [
        { dedupeKey: 'jobs:later', to: 'later@example.org', subject: 'Opschaling', text: 'Link', notBefore: NOW },
        { dedupeKey: 'jobs:kapot', to: 'kapot@example.org', subject: 'Opschaling', text: 'Link', notBefore: NOW },
      ]);
      const ours = () =>
        queryRows<{ id: string; to_email: string; status: string; attempts: number; last_error: string | null }>(
          a.handle.db,
          sql`select id, to_email, status, attempts, last_error from mail_outbox where dedupe_key like 'jobs:%' order by to_email`,
        );
      const before = { dead: await deliveries('dead'), sent: await deliveries('sent') };
      // The relay is down at first: both mails fail their first attempt and wait for a retry.
      await a.engine.runNow(QUEUE.mailDispatch);
      await vi.waitFor(async () => expect((await ours()).map((m) => m.attempts)).toEqual([1, 1]), { timeout: 10_000, interval: 50 });
      relay.up();
      // A dispatch while the retries wait queues nothing twice.
      await a.engine.boss.send(QUEUE.mailDispatch, null);
      await vi.waitFor(
        async () => expect((await ours()).map((m) => `${m.to_email} ${m.status}`)).toEqual(['kapot@example.org failed', 'later@example.org sent']),
        { timeout: 15_000, interval: 100 },
      );
      const [kapot] = await ours();
      await vi.waitFor(async () => expect((await jobsIn(QUEUE.mailDead)).filter((j) => j.data?.outboxId === kapot!.id)).toHaveLength(1), {
        timeout: 5000,
        interval: 100,
      });
      // More dispatches from both instances send nothing again.
      await a.engine.boss.send(QUEUE.mailDispatch, null);
      await vi.waitFor(async () => expect((await jobsIn(QUEUE.mailDispatch)).every((j) => j.state === 'completed')).toBe(true), { timeout: 5000, interval: 100 });

      expect(relay.received.filter((to) => ['later@example.org', 'kapot@example.org'].includes(to))).toEqual(['later@example.org']);
      const sendJobs = (await jobsIn(QUEUE.mailSend)).filter((j) => j.data?.outboxId === kapot!.id);
      expect(sendJobs).toMatchObject([{ state: 'failed', retry_count: FAST[QUEUE.mailSend].retryLimit }]);
      const [dead] = (await jobsIn(QUEUE.mailDead)).filter((j) => j.data?.outboxId === kapot!.id);
      expect(dead).toMatchObject({ source_name: QUEUE.mailSend });
      // The admin's mailbox shows it failed, with its attempts and the relay's answer.
      expect(kapot).toMatchObject({ attempts: 3, last_error: 'EENVELOPE' });
      expect(await deliveries('dead')).toBe(before.dead + 1);
    } finally {
      await relay.close();
    }
  });

  it('the dashboard fold sums the rollups’ changes in, on its own queue, between sweeps', async () => {
    const a = await instance('a');
    const changes = sql`select ((select count(*) from dashboard_agreement_month_changes) + (select count(*) from dashboard_now_changes)
      + (select count(*) from dashboard_agreement_week_changes))::int as n`;
    await a.handle.db.execute(sql`update agreements set status = 'vervallen' where id in (select id from agreements where status = 'open' order by id limit 2)`);
    expect((await queryRows<{ n: number }>(a.handle.db, changes))[0]!.n).toBeGreaterThan(0);
    await a.engine.runNow(QUEUE.dashboardFold);
    await vi.waitFor(async () => expect((await queryRows<{ n: number }>(a.handle.db, changes))[0]!.n).toBe(0), { timeout: 10_000, interval: 100 });
    expect((await jobsIn(QUEUE.dashboardFold)).at(-1)).toMatchObject({ state: 'completed' });
  });

  it('a sweep that failed because the database was away runs again soon after it returns', async () => {
    const relay = pgRelay(new URL(serverUrl!));
    await relay.start();
    try {
      const a = await instance('a', { dbUrl: relay.via(database.url) });
      const before = { ok: await runs('sweep', 'ok'), failed: await runs('sweep', 'failed') };
      await relay.stop();
      await a.engine.runNow(QUEUE.sweep);
      await vi.waitFor(async () => expect(await runs('sweep', 'failed')).toBe(before.failed + 1), { timeout: 10_000, interval: 100 });
      await relay.start();
      await vi.waitFor(async () => expect(await runs('sweep', 'ok')).toBe(before.ok + 1), { timeout: 15_000, interval: 200 });
      const sweeps = await jobsIn(QUEUE.sweep);
      expect(sweeps.at(-1)).toMatchObject({ state: 'completed', retry_count: 1 });
    } finally {
      await relay.stop();
    }
  });
});

describe('retry settings', () => {
  it('retry a failed sweep within a minute and give up on a mail only after hours, into the dead letter', () => {
    // pg-boss's backoff waits between 1 and 2 times retryDelay before the first retry.
    expect(2 * QUEUE_SETTINGS[QUEUE.sweep].retryDelay!).toBeLessThanOrEqual(60);
    expect(2 * QUEUE_SETTINGS[QUEUE.retention].retryDelay!).toBeLessThanOrEqual(60);
    const mail = QUEUE_SETTINGS[QUEUE.mailSend];
    expect(mail).toMatchObject({ policy: 'exclusive', deadLetter: QUEUE.mailDead, retryBackoff: true });
    const waits = Array.from({ length: mail.retryLimit! }, (_, i) => Math.min(mail.retryDelayMax!, mail.retryDelay! * 2 ** i));
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * 3600);
    // A job waiting for the database gives up before pg-boss would expire it.
    for (const settings of Object.values(QUEUE_SETTINGS)) if (settings.expireInSeconds) expect(DATABASE_WAIT_MS).toBeLessThan(settings.expireInSeconds * 1000);
  });
});
