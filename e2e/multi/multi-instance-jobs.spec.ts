// The multi-instance suite (see multi-instance.spec.ts) on a cluster of its own: work in the background across
// both instances — the run lock through PgBouncer, a rolling restart under load, the scheduled jobs and the mail.
import { execFile } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openPostgres } from '../../db/open';
import { withRunLock } from '../../lib/retention/run-lock';
import { type Answer } from './client';
import { MAILS, cluster, idsOf, mail, query, session, setUpCluster } from './suite';

setUpCluster();

/** The run lock as another instance tries it: in a process of its own. */
function contend(key: number): Promise<{ acquired: boolean }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'e2e/multi/run-lock-contender.ts', cluster.bouncerUrl, String(key)], (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as { acquired: boolean }),
    );
  });
}

test('a run lock taken through PgBouncer keeps the other instances out and is released after the run', async () => {
  const key = 736300999;
  const one = await openPostgres(cluster.bouncerUrl, { max: 3 });
  try {
    // Behind PgBouncer a server connection serves whichever client comes next: a lock left on a server
    // connection after its statement (session-level) would be the next client's too, re-entrantly.
    const outcome = await withRunLock(one.db, key, async () => {
      // Work in between, as a run does: short statements that free their server connection again.
      await one.db.execute('select 1');
      return contend(key);
    });
    expect(outcome).toEqual({ acquired: true, value: { acquired: false } });
    expect(await query(cluster.directUrl, `select pid from pg_locks where locktype = 'advisory' and objid = $1`, [key])).toEqual([]);
    expect(await contend(key)).toEqual({ acquired: true });
  } finally {
    await one.close();
  }
});

test('a rolling restart under load loses no request', async () => {
  test.setTimeout(240_000);
  const regisseur = await session('regisseur@example.org');
  const caseIds = idsOf(await regisseur.request(cluster.url, 'GET', '/api/v1/cases?status=actief'));
  expect(caseIds.length).toBeGreaterThanOrEqual(4);
  const counts = { requests: 0, '2xx': 0, '4xx': 0, '503': 0, '5xx': 0, failed: 0 };
  const byInstance: Record<string, number> = {};
  const problems: string[] = [];
  let running = true;

  const ask = async (method: string, path: string, json?: unknown): Promise<Answer | undefined> => {
    counts.requests++;
    try {
      const answer = await regisseur.request(cluster.url, method, path, json);
      byInstance[answer.instance ?? '-'] = (byInstance[answer.instance ?? '-'] ?? 0) + 1;
      const status = answer.status;
      if (status < 300) counts['2xx']++;
      else if (status < 500) counts['4xx']++;
      else if (status === 503) counts['503']++;
      else counts['5xx']++;
      if (status >= 500 || (status >= 400 && status !== 409)) problems.push(`${method} ${path}: ${status} via ${answer.instance}`);
      return answer;
    } catch (error) {
      counts.failed++;
      problems.push(`${method} ${path}: ${String(error)}`);
      return undefined;
    }
  };

  // Four clients, each reading the list and its own case and saving that case, for the whole restart.
  const client = async (caseId: string) => {
    let n = 0;
    while (running) {
      await ask('GET', '/api/v1/cases');
      const read = await ask('GET', `/api/v1/cases/${caseId}`);
      const version = (read?.body as { version?: number } | undefined)?.version;
      if (version) await ask('PATCH', `/api/v1/cases/${caseId}`, { goal: `Doel tijdens de herstart, ronde ${n++}`, version });
    }
  };
  const clients = caseIds.slice(0, 4).map((id) => client(id));

  const timeline: string[] = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await new Promise((r) => setTimeout(r, 2_000));
  for (const instance of [cluster.a, cluster.b]) {
    // HAProxy must take the instance out while it still answers (its drain), not after it has stopped.
    let outSeen: number | undefined;
    const watch = setInterval(() => {
      void cluster.backends().then((state) => {
        if (!outSeen && state[instance.name] !== 'UP') outSeen = Date.now();
      });
    }, 100);
    timeline.push(`${at()} SIGTERM ${instance.name}`);
    const code = await instance.stop('SIGTERM');
    const exited = Date.now();
    clearInterval(watch);
    timeline.push(`${at()} ${instance.name} exited (${code}); HAProxy took it out ${outSeen ? `${exited - outSeen} ms before` : 'never'}`);
    expect(code).toBe(0);
    expect(outSeen && outSeen < exited).toBeTruthy();
    await instance.start();
    timeline.push(`${at()} ${instance.name} ready again`);
    await expect.poll(async () => (await cluster.backends())[instance.name], { timeout: 20_000, intervals: [200] }).toBe('UP');
    timeline.push(`${at()} HAProxy sends to ${instance.name} again`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  running = false;
  await Promise.all(clients);
  console.log(`rolling restart: ${JSON.stringify(counts)}; answered by ${JSON.stringify(byInstance)}\n  ${timeline.join('\n  ')}`);
  expect(problems).toEqual([]);
  expect(counts.failed).toBe(0);
  expect(counts['5xx'] + counts['503']).toBe(0);
  expect(counts['2xx']).toBeGreaterThan(50);
  expect(byInstance.a && byInstance.b).toBeTruthy();
});

test('each scheduled job runs once per period across both instances, and every mail is sent once', async () => {
  test.setTimeout(240_000);
  // pg-boss's cron: the sweep each minute. Each instance's cron pass forwards the occurrences it finds due,
  // each filed under the minute it falls in; a pass that was late (an instance restarted just before) also
  // forwards the one it missed, so two sweeps may be created in one minute. Once per period means: one
  // forward per occurrence, whichever instances found it, and no more sweep jobs than occurrences.
  const occurrences = () =>
    query<{ slot: string; forwards: number }>(
      cluster.directUrl,
      `select data->>'slot' as slot, count(*)::int as forwards
         from pgboss.job where name = '__pgboss__send-it' and data->>'name' = 'sweep' group by 1 order by 1`,
    );
  const sweeps = async () =>
    ((await query<{ jobs: number; done: number }>(
      cluster.directUrl,
      `select count(*)::int as jobs, count(*) filter (where state = 'completed')::int as done from pgboss.job where name = 'sweep'`,
    )) as [{ jobs: number; done: number }])[0];
  await expect.poll(async () => (await sweeps()).done, { timeout: 180_000, intervals: [2_000] }).toBeGreaterThanOrEqual(2);
  const { jobs, done } = await sweeps();
  const slots = await occurrences();
  expect(slots.every((s) => s.forwards === 1), JSON.stringify(slots)).toBe(true);
  expect(jobs).toBeLessThanOrEqual(slots.length);
  // Each completed job is one sweep that ran (its log line), on one of the instances, never two. A sweep
  // logs just before its job completes, so the two are compared until they settle.
  const runs = (log: string) => log.split('\n').filter((line) => line.includes('"job":"sweep"') && line.includes('signalen')).length;
  const loggedNotCompleted = async () => runs(cluster.a.log()) + runs(cluster.b.log()) - (await sweeps()).done;
  await expect.poll(loggedNotCompleted, { timeout: 15_000, intervals: [500] }).toBe(0);
  console.log(`sweeps: ${slots.length} occurrences, ${jobs} jobs, ${done} completed; runs logged on a: ${runs(cluster.a.log())}, on b: ${runs(cluster.b.log())}`);

  // Every mail of the outbox arrived, once, through a real SMTP server; the outbox says sent.
  const ours = () => mail.received.filter((m) => /^Bericht \d+$/.test(m.subject));
  await expect.poll(() => ours().length, { timeout: 120_000, intervals: [1_000] }).toBeGreaterThanOrEqual(MAILS);
  const [{ pending }] = (await query<{ pending: number }>(
    cluster.directUrl,
    `select count(*)::int as pending from mail_outbox where dedupe_key like 'multi-%' and status <> 'sent'`,
  )) as [{ pending: number }];
  expect(pending).toBe(0);
  // A mail sent twice (two instances at once) would arrive together with the first: a moment later.
  await new Promise((r) => setTimeout(r, 5_000));
  const expected = Array.from({ length: MAILS }, (_, i) => `ontvanger${i + 1}@example.org Bericht ${i + 1}`).sort();
  expect(ours().map((m) => `${m.to} ${m.subject}`).sort()).toEqual(expected);
});
