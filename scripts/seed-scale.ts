/**
 * `npm run seed:scale -- --cases N` fills a database with N generated cases and ten years of work around
 * them (scripts/scale), for benchmarks: the server named by DATABASE_URL, or the embedded one without it.
 * Refuses a production-looking URL and a database with data it did not make, unless --force.
 */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import { generateScaleData, RefusedError } from '@/scripts/scale/generate';
import { parseScaleArgs } from '@/scripts/scale/options';
import { formatScaleReport } from '@/scripts/scale/report';

async function main() {
  const options = parseScaleArgs(process.argv.slice(2));
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 2, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    console.log(`seed:scale: ${options.cases} casussen, ${options.auditPerCase} auditregels per casus, ${options.years} jaar (${handle.kind})`);
    const report = await generateScaleData(handle, options, { databaseUrl: config.DATABASE_URL, log: (line) => console.log(line) });
    console.log(formatScaleReport(report));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof RefusedError) {
    console.error(error.message);
    process.exit(3);
  }
  const cause = (error as { cause?: unknown }).cause;
  console.error(`seed:scale mislukt: ${error instanceof Error ? error.message : String(error)}${cause instanceof Error ? ` (${cause.message})` : ''}`);
  process.exit(1);
});
