import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { runSweep } from './sweep';
import { addWorkingDays } from '@/lib/calendar/working-days';

// The one clock of this file: the demo data is relative to it and every sweep runs at (or after) it.
const monday = new Date('2026-11-23T07:00:00Z');

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: monday });
  await handle.db.execute(sql`insert into organisation_contacts (organisation_id, name, email)
    select id, 'Teamleider', 'teamleider@' || lower(replace(short_name, ' ', '')) || '.example' from organisations where domain <> 'veiligheidshuis'`);
});
afterAll(() => closeDb());

type Row = { key: string; status: string; level: number };
const state = () =>
  queryRows<Row>(handle.db, sql`select key, status, level from signals order by key, created_at`);

describe('the sweep', () => {
  it('persists the demo signals and notifies the regisseurs', async () => {
    const first = await runSweep(handle.db, { now: monday });
    expect(first.skipped).toBe(false);
    expect(first.opened).toBe(first.detected);
    expect(first.detected).toBeGreaterThan(5);
    const [notes] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from notifications where kind = 'signal'`);
    expect(notes!.n).toBeGreaterThan(0);
  });

  it('mails each recipient once per case and escalation step, listing the signals of that case', async () => {
    const perStep = await queryRows<{ to_email: string; subject: string; level: string; n: number }>(
      handle.db,
      sql`select to_email, subject, split_part(dedupe_key, ':', 3) as level, count(*)::int as n from mail_outbox
          where dedupe_key like 'escalation:%' group by 1, 2, 3 order by 4 desc, 1, 2`,
    );
    expect(perStep.some((m) => m.to_email === 'manager@example.org')).toBe(true);
    expect(perStep.filter((m) => m.n > 1)).toEqual([]);
    const notes = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from notifications where kind = 'escalation' group by user_id, title having count(*) > 1`,
    );
    expect(notes).toEqual([]);
    // A demo case with several signals at the manager's level: one mail that names each of them.
    const [crowded] = await queryRows<{ number: string; messages: string[] }>(
      handle.db,
      sql`select c.number, array_agg(s.message) as messages from signals s join cases c on c.id = s.case_id
          where s.level = 2 group by c.number having count(*) > 1 order by count(*) desc, c.number limit 1`,
    );
    const [mail] = await queryRows<{ body_text: string }>(
      handle.db,
      sql`select body_text from mail_outbox where to_email = 'manager@example.org' and subject = ${`Opschaling: stagnatie in ${crowded!.number}`}`,
    );
    for (const message of crowded!.messages) expect(mail!.body_text).toContain(`- ${message}`);
  });

  it('changes nothing when run twice', async () => {
    const before = await state();
    const second = await runSweep(handle.db, { now: monday });
    expect(second).toMatchObject({ opened: 0, resolved: 0, escalated: 0 });
    expect(await state()).toEqual(before);
  });

  it('resolves a signal by itself once its cause is gone', async () => {
    const [blocked] = await queryRows<{ subject_id: string }>(
      handle.db,
      sql`select subject_id from signals where rule = 'agreement_blocked' and status = 'open' limit 1`,
    );
    await handle.db.execute(sql`update agreements set blocked_at = null, blocked_reason = null where id = ${blocked!.subject_id}`);
    const result = await runSweep(handle.db, { now: monday });
    expect(result.resolved).toBe(1);
    const [row] = await queryRows<{ status: string; auto_resolved: boolean }>(
      handle.db,
      sql`select status, auto_resolved from signals where rule = 'agreement_blocked' and subject_id = ${blocked!.subject_id}`,
    );
    expect(row).toEqual({ status: 'resolved', auto_resolved: true });
  });

  it('walks an agreement signal up the ladder over simulated working days, with mail at each step', async () => {
    const [signal] = await queryRows<{ id: string; key: string }>(
      handle.db,
      sql`select id, key from signals where rule = 'agreement_overdue' and status = 'open' and organisation_id is not null order by key limit 1`,
    );
    await handle.db.execute(sql`update signals set since = ${monday}, level = 0, level_since = ${monday} where id = ${signal!.id}`);
    // The first sweep may have escalated this signal already (the demo is relative to today): start clean.
    await handle.db.execute(sql`delete from signal_escalations where signal_id = ${signal!.id}`);
    await handle.db.execute(sql`delete from mail_outbox where dedupe_key like 'escalation:%'`);
    const levelAt = async (workingDays: number) => {
      await runSweep(handle.db, { now: new Date(`${addWorkingDays(monday, workingDays)}T09:00:00+01:00`) });
      const [row] = await queryRows<{ level: number }>(handle.db, sql`select level from signals where id = ${signal!.id}`);
      return row!.level;
    };
    expect(await levelAt(4)).toBe(0);
    expect(await levelAt(5)).toBe(1);
    expect(await levelAt(9)).toBe(1);
    expect(await levelAt(10)).toBe(2);
    const steps = await queryRows<{ level: number }>(handle.db, sql`select level from signal_escalations where signal_id = ${signal!.id} order by level`);
    expect(steps.map((s) => s.level)).toEqual([1, 2]);
    const mails = await queryRows<{ to_email: string; body_text: string }>(
      handle.db,
      sql`select to_email, body_text from mail_outbox where dedupe_key like 'escalation:%'
          and subject = (select 'Opschaling: stagnatie in ' || number from cases where id = (select case_id from signals where id = ${signal!.id}))`,
    );
    expect(mails.some((m) => m.to_email.startsWith('teamleider@'))).toBe(true);
    expect(mails.some((m) => m.to_email === 'manager@example.org')).toBe(true);
    // No subject's personal data in mail.
    const names = await queryRows<{ subject_name: string }>(handle.db, sql`select subject_name from cases`);
    for (const mail of mails) for (const { subject_name } of names) expect(mail.body_text).not.toContain(subject_name);
  });

  it('lets only one sweep run at a time', async () => {
    const [a, b] = await Promise.all([runSweep(handle.db, { now: monday }), runSweep(handle.db, { now: monday })]);
    // On one connection (PGlite) they queue; on a server the second one skips. Either way the state is sound.
    expect([a.skipped, b.skipped].filter(Boolean).length).toBeLessThanOrEqual(1);
    const dupes = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from (select key from signals where status <> 'resolved' group by key having count(*) > 1) d`,
    );
    expect(dupes[0]!.n).toBe(0);
  });
});
