import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { runSweep } from './sweep';

// The one clock of this file: the demo data is relative to it and the sweep runs at it.
const monday = new Date('2026-11-23T07:00:00Z');
const BEHEER = 'partnerbeheer.politie@example.org';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: monday });
});
afterAll(() => closeDb());

describe("a partner organisation's escalations reach its partnerbeheerder", () => {
  it("mails the partnerbeheerder every escalation of its own organisation's signals, and none of another's", async () => {
    await runSweep(handle.db, { now: monday });
    // Every signal at the organisation's level (or past it) that belongs to the police, by the mail's first signal.
    const mails = await queryRows<{ organisation: string | null }>(
      handle.db,
      sql`select o.short_name as organisation from mail_outbox m
          join signals s on s.id::text = split_part(m.dedupe_key, ':', 2)
          left join organisations o on o.id = s.organisation_id
          where m.dedupe_key like 'escalation:%' and m.to_email = ${BEHEER}`,
    );
    const [expected] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(distinct coalesce(s.case_id::text, s.id::text))::int as n from signals s
          join organisations o on o.id = s.organisation_id
          where s.level >= 1 and o.id = (select organisation_id from users where email = ${BEHEER})`,
    );
    expect(expected!.n).toBeGreaterThan(0);
    expect(mails).toHaveLength(expected!.n);
    const [police] = await queryRows<{ short_name: string }>(
      handle.db,
      sql`select short_name from organisations where id = (select organisation_id from users where email = ${BEHEER})`,
    );
    expect(mails.every((m) => m.organisation === police!.short_name)).toBe(true);
  });

  it('mails a blocked partnerbeheerder nothing', async () => {
    await handle.db.execute(sql`update users set active = false where email = ${BEHEER}`);
    await handle.db.execute(sql`delete from mail_outbox where dedupe_key like 'escalation:%'`);
    await handle.db.execute(sql`delete from signal_escalations`);
    await handle.db.execute(sql`update signals set level = 0`);
    await runSweep(handle.db, { now: monday });
    const [sent] = await queryRows<{ all: number; beheer: number }>(
      handle.db,
      sql`select count(*)::int as all, count(*) filter (where to_email = ${BEHEER})::int as beheer from mail_outbox where dedupe_key like 'escalation:%'`,
    );
    expect(sent!.all).toBeGreaterThan(0);
    expect(sent!.beheer).toBe(0);
  });
});
