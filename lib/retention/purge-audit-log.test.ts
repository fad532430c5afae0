/**
 * Purging the audit log after its term: old entries go in batches, each with an anchor, the chain
 * still verifies from the newest anchor, and tampering with what remains is still reported.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { APP_ROLE } from '@/db/transaction';
import type { Db, DbHandle, Tx } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import { signInAs } from '@/lib/testing/actors';
import { databaseError } from '@/lib/testing/db-error';
import { purgeAuditLog } from './purge-audit-log';
import { addYearsUtc } from './term';

let handle: DbHandle;
const ROLLBACK = new Error('rollback');

type Entry = { id: number; at: Date; hash: string; prev_hash: string };
const entries = () => queryRows<Entry>(handle.db, sql`select id, at, hash, prev_hash from audit_log order by id`);
const anchors = () =>
  queryRows<{ purged_through_id: number; anchor_hash: string; purged_count: number }>(
    handle.db,
    sql`select purged_through_id, anchor_hash, purged_count from audit_chain_anchors order by id`,
  );

/** Tampering as the owner, verified and rolled back. */
async function tampered(...changes: SQL[]) {
  let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  try {
    await handle.db.transaction(async (tx) => {
      for (const change of changes) await tx.execute(change);
      result = await verifyAuditChain(tx as unknown as Db);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!;
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  // Sign-ins a few milliseconds apart give a chain with distinct moments to cut between.
  for (const name of ['politie', 'manager', 'admin', 'regisseur', 'ggz', 'gemeente', 'politie', 'manager', 'admin', 'regisseur']) {
    await signInAs(`${name}@example.org`);
    await new Promise((r) => setTimeout(r, 5));
  }
});
afterAll(() => closeDb());

describe('purging the audit log after its term', () => {
  let cutAt: Entry;

  it('counts in a dry run what would go, and removes nothing', async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThanOrEqual(10);
    cutAt = all[Math.floor(all.length / 2)]!;
    // Five years after this entry was written, everything before it has passed its term.
    const now = addYearsUtc(new Date(cutAt.at), 5);
    const dry = await purgeAuditLog(handle.db, { now, years: 5, dryRun: true });
    const [expected] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where id < (select min(id) from audit_log where at >= ${new Date(cutAt.at)})`,
    );
    expect(dry).toEqual({ purged: expected!.n, anchors: 0 });
    expect(dry.purged).toBeGreaterThan(0);
    expect((await entries()).length).toBe(all.length);
  });

  it('removes the old entries in batches, each with an anchor, and the chain still verifies', async () => {
    const all = await entries();
    const now = addYearsUtc(new Date(cutAt.at), 5);
    const result = await purgeAuditLog(handle.db, { now, years: 5, batchSize: 2 });
    const left = await entries();
    expect(result.purged).toBe(all.length - left.length);
    expect(result.anchors).toBe(Math.ceil(result.purged / 2));
    // Everything younger than the term stays.
    expect(left[0]!.id).toBeLessThanOrEqual(cutAt.id);
    expect(left.every((e) => new Date(e.at) >= new Date(cutAt.at) || e.id === cutAt.id)).toBe(true);
    // The newest anchor is the hash of the last removed entry, and the oldest remaining one points to it.
    const last = all[all.length - left.length - 1]!;
    const newest = (await anchors()).at(-1)!;
    expect(newest).toMatchObject({ purged_through_id: last.id, anchor_hash: last.hash });
    expect(left[0]!.prev_hash).toBe(last.hash);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: left.length, problems: [] });
  });

  it('finds nothing more to do when run again', async () => {
    const now = addYearsUtc(new Date(cutAt.at), 5);
    expect(await purgeAuditLog(handle.db, { now, years: 5 })).toEqual({ purged: 0, anchors: 0 });
  });

  it('keeps the chain going: new entries after a purge verify', async () => {
    await signInAs('regisseur@example.org');
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('still reports a row removed in the middle, the oldest remaining row removed, or a changed anchor', async () => {
    const ids = (await entries()).map((e) => e.id);
    const [oldest, second, middle, next] = ids;
    const inMiddle = await tampered(sql`delete from audit_log where id = ${middle}`);
    expect(inMiddle.ok).toBe(false);
    expect(inMiddle.problems).toEqual([expect.stringContaining(`regel ${next}: de verwijzing naar de vorige regel klopt niet`)]);
    const atStart = await tampered(sql`delete from audit_log where id = ${oldest}`);
    expect(atStart.problems).toEqual([expect.stringContaining(`regel ${second}: de verwijzing naar de vorige regel klopt niet`)]);
    const anchor = await tampered(sql`update audit_chain_anchors set anchor_hash = 'x' where id = (select max(id) from audit_chain_anchors)`);
    expect(anchor.problems).toEqual([expect.stringContaining(`regel ${oldest}: de verwijzing naar de vorige regel klopt niet`)]);
  });

  it('never removes the newest entry, the head of the chain', async () => {
    const result = await purgeAuditLog(handle.db, { now: new Date('2100-01-01T00:00:00Z'), years: 5 });
    expect(result.purged).toBeGreaterThan(0);
    expect((await entries()).length).toBe(1);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: 1, problems: [] });
  });

  it('leaves the app role no way to delete entries or move the anchor', async () => {
    const asApp = (query: SQL) =>
      handle.db.transaction(async (tx: Tx) => {
        await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
        await tx.execute(query);
      });
    expect(await databaseError(asApp(sql`delete from audit_log`))).toMatch(/permission denied/);
    expect(await databaseError(asApp(sql`insert into audit_chain_anchors (purged_through_id, anchor_hash, purged_count) values (1, 'x', 1)`))).toMatch(
      /permission denied/,
    );
  });
});
