/**
 * `npx tsx scripts/bench/keyset-explain.ts`: the plans of the keyset pages ("Meer laden") as the app runs
 * them, on a throw-away database on the server in TEST_DATABASE_URL with 100,000 signals and 60,000
 * agreements added to the demo. Each list's page 2 and a page deep in the list are read through lib/
 * with a query logger on the pool; the key statements are run again under EXPLAIN (ANALYZE, BUFFERS) as the
 * same user (row-level security on). Writes bench/results/keyset-explain.md.
 */
import fs from 'node:fs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { installDb } from '@/db/client';
import { openPostgres } from '@/db/open';
import { createServerDatabase } from '@/db/testing';
import { prepareDatabase } from '@/lib/boot/database';
import { listAgreementPage } from '@/lib/agreements/list-agreements';
import { listCases } from '@/lib/cases/list-cases';
import { listSignals } from '@/lib/signals/list-signals';
import { signInAs } from '@/lib/testing/actors';
import { explain, type Captured } from './explain';

const KEY_STATEMENT = /order by[\s\S]*limit/i;

async function main() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is needed');
  const database = await createServerDatabase(server);
  const captured: Captured[] = [];
  let capturing = false;
  const handle = await openPostgres(database.url, { max: 2, statementTimeoutMs: 0, logger: { logQuery: (query, params) => void (capturing && captured.push({ query, params })) } });
  const pool = new pg.Pool({ connectionString: database.url, max: 1, options: '-c jit=off' });
  try {
    await prepareDatabase(handle.db, { demo: true, now: new Date('2026-06-15T10:00:00Z') });
    installDb(handle);
    const started = Date.now();
    await handle.db.execute(sql`
      insert into signals (key, rule, subject_type, subject_id, case_id, since, message, status, level, level_since)
      select 'explain:' || g, 'case_inactive', 'case', c.id, c.id, timestamptz '2025-01-01' + g * interval '5 minutes', 'Geen voortgang',
        (array['open', 'open', 'snoozed', 'resolved'])[1 + g % 4]::signal_status, g % 4, timestamptz '2025-01-01'
      from generate_series(1, 100000) g
      cross join lateral (select id from cases order by number offset (g % 10) limit 1) c`);
    await handle.db.execute(sql`
      insert into agreements (case_id, description, owner_organisation_id, due_date, original_due_date, status, created_by_user_id, created_by_name)
      select p.case_id, 'Afspraak ' || g, p.organisation_id, date '2026-01-01' + (g % 700), date '2026-01-01',
        (enum_range(null::agreement_status))[1 + g % 4], u.id, u.name
      from generate_series(1, 60000) g
      cross join lateral (select case_id, organisation_id from case_partners where ended_at is null order by id offset (g % 20) limit 1) p
      cross join (select id, name from users where email = 'regisseur@example.org') u`);
    await handle.db.execute(sql`analyze`);
    const loaded = Date.now() - started;

    const regisseur = await signInAs('regisseur@example.org');
    const politie = await signInAs('politie@example.org');
    const out = [
      '# Keyset pages: the plans of page 2 and a deep page',
      '',
      `Made with \`npx tsx scripts/bench/keyset-explain.ts\` on ${new Date().toISOString()}: the demo plus 100,000 signals and`,
      `60,000 agreements (loaded in ${Math.round(loaded / 1000)} s), PostgreSQL at TEST_DATABASE_URL. Each statement as the app sent it,`,
      'as the signed-in user (row-level security on), under EXPLAIN (ANALYZE, BUFFERS). Only the statement that finds',
      "the page's keys is shown; the rows are then read by id.",
      '',
    ];

    const explainPages = async (title: string, userId: string, pageAt: (cursor?: string) => Promise<{ nextCursor: string | null }>, deep: number) => {
      let cursor: string | undefined;
      for (let n = 1; n <= deep; n += 1) {
        capturing = n === 2 || n === deep;
        captured.length = 0;
        const page = await pageAt(cursor);
        capturing = false;
        const keys = captured.filter((c) => KEY_STATEMENT.test(c.query) && /\) [<>] \(/.test(c.query));
        for (const statement of keys.slice(0, 1)) {
          out.push(`## ${title}, page ${n}`, '', '```sql', statement.query, '```', '', '```', await explain(pool, userId, statement), '```', '');
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
    };
    await explainPages('Signals (regisseur), open', regisseur.userId, (cursor) => listSignals(regisseur, { status: 'open', cursor }), 200);
    await explainPages('Mijn afspraken (politie)', politie.userId, (cursor) => listAgreementPage(politie, { cursor }), 60);
    await explainPages('Case list by last change (regisseur)', regisseur.userId, (cursor) => listCases(regisseur, { pageSize: 5, cursor }), 3);
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/keyset-explain.md', out.join('\n'));
    console.log('Written: bench/results/keyset-explain.md');
  } finally {
    await pool.end();
    await handle.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
