import pg from 'pg';
import { installDb } from '@/db/client';
import { openPostgres } from '@/db/open';
import { queryRows } from '@/db/query';
import { APP_ROLE, asUser } from '@/db/transaction';
import { sql } from 'drizzle-orm';
import type { FigureReader } from '@/lib/dashboard/figure-reader';
import { readDashboard } from '@/lib/dashboard/figures';
import { generateHouse } from '@/lib/dashboard/generated-house';
import { liveFigures } from '@/lib/dashboard/live-figures';
import { resolveScope } from '@/lib/dashboard/query';
import { rollupFigures } from '@/lib/dashboard/rollup-figures';
import { NOW, seedTestHouse } from '@/lib/dashboard/test-house';

/*
 * `[NOW=<ISO time>] npx tsx scripts/bench/rollup-explain.ts <database url> [cases]`: the dashboard over one year read from
 * the rollups and computed live, every statement under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) as a
 * regisseur; reports the rows each read (scan nodes: rows returned plus rows removed by a filter, times
 * loops) and the time (VERBOSE=1: per statement, with planning; VERBOSE=plans: the plans). NOW: the clock
 * (default the test house's). An empty database is first filled with the generated house (lib/dashboard).
 */

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

const SCANS = /Scan$/;

function rowsRead(node: PlanNode): number {
  const own = SCANS.test(node['Node Type'])
    ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops']
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

async function main() {
  const [url, casesArg] = process.argv.slice(2);
  if (!url) throw new Error('usage: rollup-explain.ts <database url> [cases]');
  const captured: { query: string; params: unknown[] }[] = [];
  const handle = await openPostgres(url, { max: 2, statementTimeoutMs: 0, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  installDb(handle);
  const pool = new pg.Pool({ connectionString: url, max: 1, options: '-c jit=off' });
  try {
    const [{ n }] = (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases`)) as [{ n: number }];
    if (n === 0) {
      const house = await seedTestHouse(handle.db);
      const started = performance.now();
      await generateHouse(handle.db, house, Number(casesArg ?? 20000));
      console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s (triggers on)`);
      await handle.db.execute(sql`analyze`);
    }
    const [regisseur] = await queryRows<{ id: string }>(handle.db, sql`select id from users where role = 'regisseur' order by email limit 1`);
    const counts = await queryRows<Record<string, number>>(
      handle.db,
      sql`select (select count(*) from cases)::int as cases, (select count(*) from agreements)::int as agreements,
        (select count(*) from signals)::int as signals,
        (select count(*) from dashboard_case_status)::int + (select count(*) from dashboard_case_days)::int
          + (select count(*) from dashboard_agreements)::int + (select count(*) from dashboard_signal_days)::int
          + (select count(*) from dashboard_signal_open)::int as rollup_rows`,
    );
    console.log(JSON.stringify(counts[0]));
    for (const [name, figures] of [['rollups', rollupFigures], ['live', liveFigures]] as [string, FigureReader][]) {
      for (const query of [{}, { type: 'huiselijk_geweld' as const }]) {
        const scope = resolveScope(query, process.env.NOW ? new Date(process.env.NOW) : NOW);
        captured.length = 0;
        await asUser(regisseur!.id, (tx) => readDashboard(tx, scope, { smallCells: 'exact', figures }));
        const statements = captured.filter((s) => /^\s*(select|with)\b/i.test(s.query) && !/set_config\(/.test(s.query));
        let rows = 0;
        let ms = 0;
        for (const statement of statements) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query('select set_config($1, $2, true), app_become($3::uuid)', ['role', APP_ROLE, regisseur!.id]);
            const { rows: plan } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
              `explain (analyze, buffers, format json) ${statement.query}`,
              statement.params,
            );
            const read = rowsRead(plan[0]!['QUERY PLAN'][0].Plan);
            if (process.env.VERBOSE === 'plans') {
              const { rows: text } = await client.query(`explain (analyze, costs off) ${statement.query}`, statement.params);
              console.log(text.map((r) => r['QUERY PLAN']).join('\n'));
            }
            if (process.env.VERBOSE) console.log(read, plan[0]!['QUERY PLAN'][0]['Execution Time'].toFixed(1), 'ms, planning', (plan[0]!['QUERY PLAN'][0] as { 'Planning Time'?: number })['Planning Time']?.toFixed(1), 'ms', statement.query.replace(/\s+/g, ' ').slice(0, 160));
            rows += read;
            ms += plan[0]!['QUERY PLAN'][0]['Execution Time'];
          } finally {
            await client.query('rollback').catch(() => {});
            client.release();
          }
        }
        console.log(`${name.padEnd(8)} ${JSON.stringify(query).padEnd(30)} statements ${statements.length}  rows read ${rows}  execution ${ms.toFixed(1)} ms`);
      }
    }
  } finally {
    await pool.end();
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
