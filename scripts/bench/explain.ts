import pg from 'pg';
import { installDb } from '@/db/client';
import { openPostgres } from '@/db/open';
import { APP_ROLE } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { listAgreements } from '@/lib/agreements/list-agreements';
import { logAction } from '@/lib/agreements/log-action';
import { getCase } from '@/lib/cases/get-case';
import { listCases } from '@/lib/cases/list-cases';
import { getDashboard } from '@/lib/dashboard/figures';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { listSignals } from '@/lib/signals/list-signals';
import { loadFixtures, type BenchRole, type Fixtures } from './fixtures';
import { signInAs } from '@/lib/testing/actors';
import { openSqlDriver } from './sql-driver';

/*
 * `npm run bench:explain`: the plans of the statements the benchmarked endpoints run, as the app runs them.
 * The lib/ functions are called as the bench's users with a query logger on the pool; every statement they
 * sent (except transaction control, the role switch and the audit entry) is then run again under EXPLAIN (ANALYZE, BUFFERS) in a
 * transaction as the same user (row-level security applies) that is rolled back.
 */

export interface Captured {
  query: string;
  params: unknown[];
}

interface Scenario {
  title: string;
  role: BenchRole;
  run(actor: Actor, f: Fixtures): Promise<unknown>;
}

const SCENARIOS: Scenario[] = [
  { title: 'Casuslijst met filter (regisseur)', role: 'regisseur', run: (a, f) => listCases(a, { status: f.listFilter.status as 'actief', municipality: f.listFilter.municipality }) },
  { title: 'Zoeken op naam (regisseur)', role: 'regisseur', run: (a, f) => listCases(a, { q: f.surnames[0]! }) },
  { title: 'Casus openen (regisseur)', role: 'regisseur', run: (a, f) => getCase(a, f.caseIds[0]!) },
  { title: 'Mijn afspraken (professional)', role: 'professional', run: (a) => listAgreements(a, { owner: 'org' }) },
  { title: 'Voortgang vastleggen (professional)', role: 'professional', run: (a, f) => logAction(a, f.agreementIds[1]!, { kind: 'voortgang', note: 'Benchmark (explain): voortgang gemeld.' }) },
  { title: 'Dashboard over een jaar (manager)', role: 'manager', run: (a, f) => getDashboard(a, { from: f.dashboard.from, to: f.dashboard.to }, { signals: signalFigures }) },
  { title: 'Signalen (regisseur)', role: 'regisseur', run: (a) => listSignals(a, { status: 'open' }) },
];

const EXPLAINABLE = /^\s*(select|insert|update|delete|with)\b/i;
// The role switch and a bare audit entry; a read that writes its audit entry itself is explained.
const SKIP = /set_config\('role'|^\s*select audit_append\([^()]*\)\s*$/;

/** Runs `body` in a transaction that is rolled back, as the user under row-level security or as the owner. */
async function inTransaction<T>(pool: pg.Pool, userId: string, as: 'user' | 'owner', body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The owner bypasses row-level security; it becomes the user too, for the functions and views that ask
    // who the actor is, so that only the policies differ.
    if (as === 'user') await client.query('select set_config($1, $2, true), app_become($3::uuid)', ['role', APP_ROLE, userId]);
    else await client.query('select app_become($1::uuid)', [userId]);
    return await body(client);
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement as the user, in a transaction that is rolled back. */
export async function explain(pool: pg.Pool, userId: string, statement: Captured): Promise<string> {
  return inTransaction(pool, userId, 'user', async (client) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.query}`, statement.params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

interface Cost {
  planning: number;
  execution: number;
}

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * What row-level security costs PostgreSQL on one statement: the median planning and execution time of
 * RUNS runs as the user and as the owner (the floor's view), without per-node timing. The runs alternate,
 * so a busy moment of the machine falls on both.
 */
async function rlsCost(pool: pg.Pool, userId: string, statement: Captured): Promise<Record<'user' | 'owner', Cost>> {
  const runs: Record<'user' | 'owner', Cost[]> = { user: [], owner: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const as of ['user', 'owner'] as const) {
      const plan = await inTransaction(pool, userId, as, async (client) => {
        const { rows } = await client.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(
          `explain (analyze, timing off, summary, format json) ${statement.query}`, statement.params);
        return rows[0]!['QUERY PLAN'][0];
      });
      runs[as].push({ planning: plan['Planning Time'], execution: plan['Execution Time'] });
    }
  }
  const summarise = (cs: Cost[]): Cost => ({ planning: median(cs.map((c) => c.planning)), execution: median(cs.map((c) => c.execution)) });
  return { user: summarise(runs.user), owner: summarise(runs.owner) };
}

const ms = (x: number) => x.toFixed(2);

export async function explainHotQueries(databaseUrl: string): Promise<string> {
  const captured: Captured[] = [];
  const handle = await openPostgres(databaseUrl, { max: 2, statementTimeoutMs: 0, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  installDb(handle);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, options: '-c jit=off' });
  const driver = await openSqlDriver({ databaseUrl });
  try {
    const f = await loadFixtures(driver);
    const out = [`# Plans of the benchmarked endpoints (${f.cases.toLocaleString('nl-NL')} cases)`, '',
      `Made with \`npm run bench:explain\` on ${new Date().toISOString()}: each statement as the app sent it, as the signed-in user (row-level security on), under EXPLAIN (ANALYZE, BUFFERS).`, ''];
    const costs = [`## What row-level security costs PostgreSQL`, '',
      `Per endpoint, the sum over its statements of the median of ${RUNS} runs (EXPLAIN ANALYZE without per-node timing), in ms: as the signed-in user (row-level security on, as the app) and as the owner (off, as the floor).`, '',
      '| endpoint | statements | planning user / owner | execution user / owner |', '|---|--:|--:|--:|'];
    const plans: string[] = [];
    for (const scenario of SCENARIOS) {
      // Signed in as the app does it (password and TOTP code), so the actor is what a request would carry.
      const actor = await signInAs(f.accounts[scenario.role].email);
      captured.length = 0;
      await scenario.run(actor, f);
      plans.push(`## ${scenario.title}`, '');
      const statements = captured.filter((s) => EXPLAINABLE.test(s.query) && !SKIP.test(s.query));
      const sum = { user: { planning: 0, execution: 0 }, owner: { planning: 0, execution: 0 } };
      for (const statement of statements) {
        plans.push('```sql', statement.query, '```', '', '```', await explain(pool, actor.userId, statement), '```', '');
        const cost = await rlsCost(pool, actor.userId, statement);
        for (const as of ['user', 'owner'] as const) {
          sum[as].planning += cost[as].planning;
          sum[as].execution += cost[as].execution;
        }
      }
      costs.push(`| ${scenario.title} | ${statements.length} | ${ms(sum.user.planning)} / ${ms(sum.owner.planning)} | ${ms(sum.user.execution)} / ${ms(sum.owner.execution)} |`);
    }
    return [...out, ...costs, '', ...plans].join('\n');
  } finally {
    await driver.close();
    await pool.end();
    await handle.close();
  }
}
