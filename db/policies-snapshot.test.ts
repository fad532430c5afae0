import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES_SNAPSHOT_PATH, policiesSnapshot, snapshotMismatch } from './policies-snapshot';
import { closeDb, useFreshDatabase } from './testing';
import type { DbHandle } from './types';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

const checkedIn = () => fs.readFileSync(path.resolve(POLICIES_SNAPSHOT_PATH), 'utf8');

/** The snapshot as it would be after `change`, which is rolled back so later tests see the migrated database. */
async function snapshotAfter(change: string): Promise<string> {
  let text = '';
  const rollback = new Error('rollback');
  await handle.db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(change));
      text = await policiesSnapshot(tx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return text;
}

describe('db/policies.snapshot.sql', () => {
  it('is what the migrations produce, so a reader sees the RLS in force', async () => {
    const mismatch = snapshotMismatch(checkedIn(), await policiesSnapshot(handle.db));
    expect(mismatch, mismatch ?? '').toBeNull();
  });

  it('shows the policy on cases as it stands: regisseurs, or professionals who referred it or are convened', () => {
    const policy = checkedIn().split('\n\n').find((block) => block.startsWith('-- cases\n'));
    expect(policy).toContain('CREATE POLICY cases_select ON cases AS PERMISSIVE FOR SELECT TO casusregie_app');
    expect(policy).toContain('p.ended_at IS NULL');
  });

  it('fails, naming the command to run, when a migration widens a policy without regenerating', async () => {
    const widened = await snapshotAfter(`alter policy cases_select on cases using (true)`);
    const mismatch = snapshotMismatch(checkedIn(), widened);
    expect(mismatch).toContain('npm run db:policies');
    expect(mismatch).toMatch(/database: {3}\s*USING \(true\);/);
  });

  it('fails on a grant, a table losing RLS or a new security-definer function too', async () => {
    for (const change of [
      `grant delete on cases to casusregie_app`,
      `alter table cases disable row level security`,
      `create function peek() returns bigint language sql security definer as 'select count(*) from cases'`,
    ]) {
      expect(snapshotMismatch(checkedIn(), await snapshotAfter(change)), change).toContain('npm run db:policies');
    }
  });
});
