/**
 * `npm run bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of every statement the benchmarked endpoints run,
 * as the app runs them (scripts/bench/explain.ts), against the PostgreSQL server in DATABASE_URL. Writes
 * bench/results/explain.md, or the file named as its argument. It logs one progress entry, as the bench does.
 */
import fs from 'node:fs';
import { env } from '@/lib/env';
import { explainHotQueries } from '@/scripts/bench/explain';

async function main() {
  const { DATABASE_URL: databaseUrl } = env();
  if (!databaseUrl) throw new Error('bench:explain heeft een PostgreSQL-server nodig: zet DATABASE_URL (zie docs/benchmarks.md).');
  const markdown = await explainHotQueries(databaseUrl);
  fs.mkdirSync('bench/results', { recursive: true });
  const file = process.argv[2] ?? 'bench/results/explain.md';
  fs.writeFileSync(file, markdown);
  console.log(`Geschreven: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
