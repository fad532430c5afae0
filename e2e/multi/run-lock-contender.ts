/**
 * Another instance trying the run lock (a process of its own, as the lock keeps runs of one process apart
 * by itself): prints `{ acquired }` as JSON. Usage: node --import tsx e2e/multi/run-lock-contender.ts <url> <key>
 */
import { openPostgres } from '../../db/open';
import { withRunLock } from '../../lib/retention/run-lock';

async function main() {
  const [url, key] = process.argv.slice(2);
  const handle = await openPostgres(url!, { max: 2 });
  try {
    const outcome = await withRunLock(handle.db, Number(key), async () => true);
    process.stdout.write(JSON.stringify({ acquired: outcome.acquired }));
  } finally {
    await handle.close();
  }
}

void main();
