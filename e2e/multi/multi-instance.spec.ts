// Two production servers behind HAProxy on one PostgreSQL through PgBouncer (suite.ts, cluster.ts): sessions,
// the sign-in throttle, versions, live meetings and per-transaction settings across instances. The run lock,
// rolling restarts and scheduled jobs: multi-instance-jobs.spec.ts.
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { openPostgres } from '../../db/open';
import { DEMO_PASSWORD, Session, type Answer } from './client';
import { cluster, idsOf, query, session, setUpCluster } from './suite';

setUpCluster();

test('a session made through one instance works on the other', async () => {
  const regisseur = await session('regisseur@example.org');
  for (const instance of [cluster.a, cluster.b]) {
    const me = await regisseur.request(instance.url, 'GET', '/api/v1/me');
    expect(me.status, instance.name).toBe(200);
    expect(JSON.stringify(me.body)).toContain('regisseur@example.org');
  }
  // HAProxy spreads a client's requests over both instances, and each accepts the session.
  const answers = await Promise.all(Array.from({ length: 8 }, () => regisseur.request(cluster.url, 'GET', '/api/v1/cases')));
  expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  expect(new Set(answers.map((a) => a.instance))).toEqual(new Set(['a', 'b']));
});

test('the sign-in throttle counts the failures of both instances together', async () => {
  // Alternating over A and B, 9 wrong passwords leave the account usable; the 10th locks it, as on one
  // instance (10 failures: docs/security.md). Counted per instance, 5 each would lock nothing.
  const alternate = (i: number) => (i % 2 === 0 ? cluster.a : cluster.b).url;
  for (let i = 0; i < 9; i++) expect(await new Session(cluster.url).signIn(alternate(i), 'reclassering@example.org', `wrong-${i}`, false)).toBe(false);
  expect(await new Session(cluster.url).signIn(cluster.b.url, 'reclassering@example.org', DEMO_PASSWORD), 'after 9 failures').toBe(true);

  for (let i = 0; i < 10; i++) expect(await new Session(cluster.url).signIn(alternate(i), 'veiligthuis@example.org', `wrong-${i}`, false)).toBe(false);
  expect(await new Session(cluster.url).signIn(cluster.a.url, 'veiligthuis@example.org', DEMO_PASSWORD), 'locked after 10 failures').toBe(false);
  const [lock] = await query<{ locked: boolean }>(
    cluster.directUrl,
    `select locked_until > now() as locked from rate_limits where key = $1`,
    ['account:veiligthuis@example.org'],
  );
  expect(lock?.locked).toBe(true);
});

test('concurrent saves of one version over both instances: exactly one 200, the rest 409', async () => {
  const regisseur = await session('regisseur@example.org');
  const [first] = idsOf(await regisseur.request(cluster.url, 'GET', '/api/v1/cases?status=actief'));
  const read = await regisseur.request(cluster.url, 'GET', `/api/v1/cases/${first}`);
  const { version } = read.body as { version: number };
  const saves = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      regisseur.request((i % 2 === 0 ? cluster.a : cluster.b).url, 'PATCH', `/api/v1/cases/${first}`, { goal: `Doel van save ${i}`, version }),
    ),
  );
  const statuses = saves.map((s) => s.status).sort();
  expect(statuses).toEqual([200, ...Array(9).fill(409)]);
  const after = await regisseur.request(cluster.url, 'GET', `/api/v1/cases/${first}`);
  expect((after.body as { version: number }).version).toBe(version + 1);
});

test('the live meeting view crosses instances: a change made through A reaches a partner whose stream is on B', async () => {
  const regisseur = await session('regisseur@example.org');
  const police = await session('politie@example.org');
  const [ids] = await query<{ chair: string; police: string; case_id: string }>(
    cluster.directUrl,
    `select (select id from users where email = 'regisseur@example.org') as chair,
            o.id as police,
            (select case_id from case_partners where organisation_id = o.id and ended_at is null limit 1) as case_id
       from organisations o where o.name = 'Politie Midden-Nederland'`,
  );
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const created = await regisseur.request(cluster.a.url, 'POST', '/api/v1/meetings', {
    title: 'Casusoverleg over twee instanties',
    kind: 'casusoverleg',
    date,
    startTime: '00:05',
    endTime: '23:55',
    chairUserId: ids!.chair,
    invitedOrganisationIds: [ids!.police],
    caseIds: [ids!.case_id],
  });
  expect(created.status).toBe(201);
  const meeting = created.body as { id: string; version: number };
  // Invited partners see a meeting once it is planned.
  const planned = await regisseur.request(cluster.a.url, 'POST', `/api/v1/meetings/${meeting.id}/transitions`, { action: 'plan', version: meeting.version });
  expect(planned.status).toBe(200);

  const abort = new AbortController();
  const stream = await police.open(cluster.b.url, `/api/v1/meetings/${meeting.id}/events`, abort.signal);
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  const reader = stream.body!.getReader();
  let received = '';
  const eventArrives = (async () => {
    const decoder = new TextDecoder();
    while (!/^data: .*"meeting"/m.test(received)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value, { stream: true });
    }
  })();
  // The stream is open on B (its first bytes arrived) before A writes.
  await expect.poll(() => received.length, { timeout: 5_000 }).toBeGreaterThan(0);
  const started = await regisseur.request(cluster.a.url, 'POST', `/api/v1/meetings/${meeting.id}/transitions`, {
    action: 'start',
    confirmEarly: true,
    version: (planned.body as { version: number }).version,
  });
  expect(started.status).toBe(200);
  await Promise.race([eventArrives, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  abort.abort();
  expect(received).toMatch(/^id: \d+$/m);
  expect(received).toMatch(/^data: .*"meeting"/m);
});

test('per-transaction settings hold under PgBouncer: two organisations never see each other’s cases, audit rows carry the right user', async () => {
  const politie = await session('politie@example.org');
  const ggz = await session('ggz@example.org');
  const seenByPolitie = idsOf(await politie.request(cluster.url, 'GET', '/api/v1/cases'));
  const seenByGgz = idsOf(await ggz.request(cluster.url, 'GET', '/api/v1/cases'));
  const onlyPolitie = seenByPolitie.find((id) => !seenByGgz.includes(id))!;
  const onlyGgz = seenByGgz.find((id) => !seenByPolitie.includes(id))!;
  expect(onlyPolitie && onlyGgz).toBeTruthy();
  const [{ started }] = (await query<{ started: Date }>(cluster.directUrl, 'select now() as started')) as [{ started: Date }];

  // 160 requests at once through HAProxy onto 6 server connections: each transaction of one user runs on
  // a connection another user's transaction used just before.
  const rounds = 20;
  const work: Promise<[string, Answer]>[] = [];
  for (let i = 0; i < rounds; i++) {
    work.push(politie.request(cluster.url, 'GET', `/api/v1/cases/${onlyPolitie}`).then((a) => ['politie own', a]));
    work.push(ggz.request(cluster.url, 'GET', `/api/v1/cases/${onlyGgz}`).then((a) => ['ggz own', a]));
    work.push(politie.request(cluster.url, 'GET', `/api/v1/cases/${onlyGgz}`).then((a) => ['politie other', a]));
    work.push(ggz.request(cluster.url, 'GET', `/api/v1/cases/${onlyPolitie}`).then((a) => ['ggz other', a]));
    work.push(politie.request(cluster.url, 'GET', '/api/v1/cases').then((a) => ['politie list', a]));
    work.push(ggz.request(cluster.url, 'GET', '/api/v1/cases').then((a) => ['ggz list', a]));
    work.push(politie.request(cluster.url, 'GET', '/api/v1/me').then((a) => ['politie me', a]));
    work.push(ggz.request(cluster.url, 'GET', '/api/v1/me').then((a) => ['ggz me', a]));
  }
  const answers = await Promise.all(work);
  const wrong = answers.filter(([kind, a]) => {
    if (kind.endsWith('other')) return a.status !== 404;
    if (a.status !== 200) return true;
    if (kind === 'politie list') return JSON.stringify(idsOf(a)) !== JSON.stringify(seenByPolitie);
    if (kind === 'ggz list') return JSON.stringify(idsOf(a)) !== JSON.stringify(seenByGgz);
    if (kind === 'politie me') return !JSON.stringify(a.body).includes('politie@example.org');
    if (kind === 'ggz me') return !JSON.stringify(a.body).includes('ggz@example.org');
    return false;
  });
  expect(wrong.map(([kind, a]) => `${kind}: ${a.status}`)).toEqual([]);
  expect(new Set(answers.map(([, a]) => a.instance))).toEqual(new Set(['a', 'b']));

  // Every view of a case is in the audit log in the name of who viewed it (audit_append refuses an entry
  // whose user is not app.user_id of its transaction), and each refused look in the name of who tried.
  const rows = await query<{ email: string; entity_id: string; outcome: string; n: number }>(
    cluster.directUrl,
    `select u.email, a.entity_id, a.outcome, count(*)::int as n from audit_log a join users u on u.id = a.user_id
      where a.at >= $1 and a.entity = 'case' and a.entity_id in ($2, $3) group by 1, 2, 3 order by 1, 2, 3`,
    [started, onlyPolitie, onlyGgz],
  );
  const summary = Object.fromEntries(rows.map((r) => [`${r.email} ${r.entity_id === onlyPolitie ? 'politie-case' : 'ggz-case'} ${r.outcome}`, r.n]));
  expect(summary).toMatchObject({
    'politie@example.org politie-case allowed': rounds,
    'ggz@example.org ggz-case allowed': rounds,
  });
  expect(summary['politie@example.org ggz-case allowed']).toBeUndefined();
  expect(summary['ggz@example.org politie-case allowed']).toBeUndefined();
});

test('a server connection PgBouncer hands on carries nothing of the transaction before; each transaction has its own bounds', async () => {
  const regisseur = await session('regisseur@example.org');
  const load = Promise.all(Array.from({ length: 60 }, () => regisseur.request(cluster.url, 'GET', '/api/v1/cases')));
  // Statements outside any transaction, through PgBouncer, while the instances' transactions take turns
  // on the same server connections: no role, no user, no bound of theirs is left on them.
  const client = new pg.Client({ connectionString: cluster.bouncerUrl });
  await client.connect();
  const leftovers = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const { rows } = await client.query<{ who: string; role: string; app_user: string | null; timeout: string }>(
      `select current_user as who, current_setting('role') as role, current_setting('app.user_id', true) as app_user,
              current_setting('statement_timeout') as timeout`,
    );
    leftovers.add(JSON.stringify({ ...rows[0], app_user: rows[0]!.app_user || null }));
  }
  await client.end();
  expect((await load).every((a) => a.status === 200)).toBe(true);
  expect([...leftovers]).toEqual([JSON.stringify({ who: 'casusregie', role: 'none', app_user: null, timeout: '0' })]);

  // The app's pool through PgBouncer: its start-up options do not reach PostgreSQL (ignore_startup_parameters),
  // yet each of its transactions runs with the app's bounds (db/pool.ts sends them with BEGIN).
  const app = await openPostgres(cluster.bouncerUrl, { max: 2 });
  try {
    const bounds = await app.db.transaction(async (tx) => {
      const result = await tx.execute(`select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l,
        current_setting('idle_in_transaction_session_timeout') as i, current_setting('jit') as j`);
      return (result as unknown as { rows: unknown[] }).rows;
    });
    expect(bounds).toEqual([{ s: '5s', l: '4500ms', i: '10s', j: 'off' }]);
  } finally {
    await app.close();
  }
});

test('with every pooled server connection busy, the instances stay in the load balancer', async () => {
  // Six slow transactions take all six server connections of the app's pool in PgBouncer: requests queue
  // there, but PostgreSQL answers, so readiness (its own small pool in PgBouncer) must stay 200 — else the
  // load balancer would take every instance out at once.
  const busy = Array.from({ length: 6 }, async () => {
    const client = new pg.Client({ connectionString: cluster.bouncerUrl });
    await client.connect();
    try {
      await client.query('select pg_sleep(4)');
    } finally {
      await client.end();
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  const ready = await Promise.all(
    Array.from({ length: 4 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 500));
      return Promise.all([cluster.a, cluster.b].map(async (instance) => (await fetch(`${instance.url}/api/ready`)).status));
    }),
  );
  await Promise.all(busy);
  expect(ready.flat()).toEqual(Array(8).fill(200));
  expect(await cluster.backends()).toEqual({ a: 'UP', b: 'UP' });
});

test('behind a PgBouncer that passes on no start-up options, the server refuses to start and says what to set', async () => {
  const strict = await cluster.bouncerWithout(/^ignore_startup_parameters/);
  const { code, output } = await cluster.refusal({ DATABASE_URL: strict });
  expect(code).toBe(1);
  expect(output).toContain('zet ignore_startup_parameters = options in pgbouncer.ini');
});
