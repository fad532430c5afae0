/**
 * Writes db/policies.snapshot.sql: the row-level security, grants and security-definer functions of a
 * freshly migrated in-memory database, so a reader sees the policies in force in one file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from '@/db/open';
import { POLICIES_SNAPSHOT_PATH, policiesSnapshot } from '@/db/policies-snapshot';

async function main() {
  const handle = await openPglite();
  try {
    const text = await policiesSnapshot(handle.db);
    const target = path.resolve(POLICIES_SNAPSHOT_PATH);
    await fs.writeFile(target, text);
    console.log(`${POLICIES_SNAPSHOT_PATH} geschreven (${text.split('\n').length - 1} regels).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
