/**
 * `npm run bench`: the production build against a database filled by `npm run seed:scale`, beside the
 * floor (node:http + pg with the same SQL) and the SQL alone, at 1, 10 and 50 connections; then a full
 * stagnation sweep. Writes bench/results/<time>.json and .md, and bench/results/latest.md (scripts/bench).
 */
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { parseBenchArgs } from '@/scripts/bench/options';
import { toMarkdown } from '@/scripts/bench/report';
import { BenchSetupError, runBench } from '@/scripts/bench/run';

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const config = env();
  const result = await runBench(
    options,
    {
      databaseUrl: config.DATABASE_URL,
      pgliteDir: path.resolve(config.PGLITE_DIR),
      distDir: process.env.NEXT_DIST_DIR || '.next',
      serverEnv: {
        AUTH_SECRET: process.env.AUTH_SECRET,
        FIELD_KEYS: process.env.FIELD_KEYS,
        FIELD_SEARCH_KEY: process.env.FIELD_SEARCH_KEY,
        DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
      },
    },
    (line) => console.log(line),
  );
  const dir = path.join('bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const markdown = toMarkdown(result);
  fs.writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${stamp}.md`), markdown);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  console.log(`Geschreven: ${dir}/${stamp}.json, ${dir}/${stamp}.md en ${dir}/latest.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchSetupError ? error.message : `Bench mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof BenchSetupError ? 2 : 1);
});
