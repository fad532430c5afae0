/**
 * The audit chain is tampered with as the owner, in a transaction rolled back afterwards, and every
 * change must be reported by verifyAuditChain (row-level security on the log itself: ./rls.test.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/audit/verify';
import { signInAs } from '@/lib/testing/actors';
import { queryRows } from './query';
import { rolledBack } from './rollback-probe';
import { closeDb, useFreshDatabase } from './testing';
import type { Db, DbHandle } from './types';

let handle: DbHandle;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  // A few sign-ins give the audit log a chain to verify.
  for (const name of ['politie', 'manager', 'admin', 'regisseur']) await signInAs(`${name}@example.org`);
});
afterAll(() => closeDb());

const rows = <T>(query: SQL) => queryRows<T>(handle.db, query);

describe('the audit chain (verifyAuditChain), tampered with as the owner', () => {
  /** Runs the tampering and the verification in one transaction that is rolled back afterwards. */
  const tampered = (...changes: SQL[]) =>
    rolledBack(handle.db, 'owner', async (tx) => {
      for (const change of changes) await tx.execute(change);
      return verifyAuditChain(tx as unknown as Db);
    });
  const ids = async () => (await rows<{ id: number }>(sql`select id from audit_log order by id`)).map((r) => r.id);

  it('is intact on a fresh log', async () => {
    expect((await ids()).length).toBeGreaterThanOrEqual(4);
    const result = await verifyAuditChain(handle.db);
    expect(result).toEqual({ ok: true, checked: (await ids()).length, problems: [] });
  });

  it('reports a row whose outcome was changed', async () => {
    const [, middle] = await ids();
    const result = await tampered(sql`update audit_log set outcome = 'denied' where id = ${middle}`);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`regel ${middle}: inhoud gewijzigd`)]);
  });

  it('reports a changed row even when its own hash was recomputed to match', async () => {
    const [, middle, next] = await ids();
    const result = await tampered(
      sql`update audit_log set outcome = 'denied' where id = ${middle}`,
      sql`update audit_log a set hash = audit_row_hash(a.prev_hash, a) where id = ${middle}`,
    );
    // The row itself now looks intact, but the next row no longer links to it.
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`regel ${next}: de verwijzing naar de vorige regel klopt niet`)]);
  });

  it('reports a removed row in the middle', async () => {
    const [, middle, next] = await ids();
    const result = await tampered(sql`delete from audit_log where id = ${middle}`);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`regel ${next}: de verwijzing naar de vorige regel klopt niet`)]);
  });

  it('reports the removal of the newest row', async () => {
    const all = await ids();
    const result = await tampered(sql`delete from audit_log where id = ${all.at(-1)}`);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`maar het log eindigde bij ${all.at(-1)}`)]);
  });

  it('reports the removal of the oldest row', async () => {
    const [oldest, second] = await ids();
    const result = await tampered(sql`delete from audit_log where id = ${oldest}`);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringContaining(`regel ${second}: de verwijzing naar de vorige regel klopt niet`)]);
  });

  it('reports an emptied log', async () => {
    const result = await tampered(sql`delete from audit_log`);
    expect(result.ok).toBe(false);
  });
});
