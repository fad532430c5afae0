/**
 * Mail and in-app notifications belong to a case by key (case_id, drizzle/0040), not by what their text
 * says: the retention job removes those of a purged case however they are worded, and keeps those of
 * another case that merely mention it. And the writers (sweep, escalation, reminders) set the key.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { cases, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { notifyUsers } from '@/lib/notify/in-app';
import { enqueueMail } from '@/lib/notify/outbox';
import { seedDemo } from '@/lib/seed/demo';
import { runSweep } from '@/lib/stagnation/sweep';
import { runRetention } from './run-retention';
import { addYearsUtc } from './term';

const DAY = 24 * 60 * 60 * 1000;
let handle: DbHandle;
let databaseNow: Date;
/** Within the audit log's term of every entry (see run-retention.test.ts), past the purged case's term. */
let NOW: Date;
const id: Record<string, string> = {};
const number: Record<string, string> = {};

const rows = (query: ReturnType<typeof sql>) => queryRows<{ key: string }>(handle.db, query);
const mailKeys = async () => (await rows(sql`select dedupe_key as key from mail_outbox where dedupe_key like 'test:%' order by 1`)).map((r) => r.key);
const notificationKinds = async () => (await rows(sql`select kind as key from notifications where kind like 'test-%' order by 1`)).map((r) => r.key);

beforeAll(async () => {
  handle = await useFreshDatabase();
  const [clock] = await queryRows<{ now: string }>(handle.db, sql`select now()::text as now`);
  databaseNow = new Date(clock!.now);
  await seedDemo(handle.db, databaseNow);
  NOW = new Date(addYearsUtc(databaseNow, 4).getTime() + 182 * DAY);
  for (const row of await handle.db.select({ id: cases.id, number: cases.number, name: cases.subjectName }).from(cases)) {
    const key = row.name.split(' ')[0]!;
    id[key] = row.id;
    number[key] = row.number;
  }
  // Rachid's case ended 5 years and a day before NOW: its term has passed. Jan's case is open.
  await handle.db
    .update(cases)
    .set({ status: 'afgesloten', closedAt: new Date(addYearsUtc(NOW, -5).getTime() - DAY), pauseReason: null })
    .where(eq(cases.id, id.Rachid!));
  const [regisseur] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'regisseur@example.org'));
  await handle.db.transaction(async (tx) => {
    await enqueueMail(tx, [
      // About Rachid's case, in words that name neither its number nor an id.
      { dedupeKey: 'test:rachid-visit', to: 'wijkteam@example.org', subject: 'Huisbezoek morgen', text: 'Zie Casusregie.', caseId: id.Rachid },
      // About Jan's case, naming Rachid's case (its number in the text, its id in the key).
      {
        dedupeKey: `test:jan-merge:${id.Rachid}`,
        to: 'wijkteam@example.org',
        subject: `Samenhang met ${number.Rachid}`,
        text: `Casus ${number.Jan} hangt samen met ${number.Rachid}.`,
        caseId: id.Jan,
      },
      // About no case at all.
      { dedupeKey: 'test:account', to: 'nieuw@example.org', subject: 'Uitnodiging', text: `Vraag ${number.Rachid}?`, caseId: undefined },
    ]);
    await notifyUsers(tx, [regisseur!.id], { kind: 'test-rachid', title: 'Nieuw agendapunt', link: '/meetings', caseId: id.Rachid });
    await notifyUsers(tx, [regisseur!.id], {
      kind: 'test-jan',
      title: `${number.Jan} hangt samen met ${number.Rachid}`,
      link: `/cases/${id.Jan}?related=${id.Rachid}`,
      caseNumber: number.Jan,
      caseId: id.Jan,
    });
  });
});
afterAll(() => closeDb());

describe('mail and notifications of a purged case', () => {
  it('a dry run counts those of the case, by key, and removes nothing', async () => {
    const result = await runRetention(handle.db, { now: NOW, dryRun: true });
    expect(result.cases.find((c) => c.id === id.Rachid)?.removed).toMatchObject({ mails: 1, notifications: 1 });
    expect(await mailKeys()).toHaveLength(3);
  });

  it('go with the case however they are worded; those of another case or of none stay, whatever they mention', async () => {
    const result = await runRetention(handle.db, { now: NOW });
    expect(result.cases.map((c) => c.number)).toContain(number.Rachid);
    expect(await mailKeys()).toEqual(['test:account', `test:jan-merge:${id.Rachid}`].sort());
    expect(await notificationKinds()).toEqual(['test-jan']);
  });
});

describe('the writers', () => {
  it('link the sweep’s notifications, escalation mail and reminders to their case', async () => {
    // A month on, the demo's cases have signals, escalations and agreements falling due.
    const sweep = await runSweep(handle.db, { now: new Date(databaseNow.getTime() + 30 * DAY) });
    expect(sweep.opened + sweep.escalated + sweep.reminders).toBeGreaterThan(0);
    const linked = await queryRows<{ kind: string; linked: number; unlinked: number }>(
      handle.db,
      sql`select 'notification' as kind, count(*) filter (where n.case_id = c.id)::int as linked, count(*) filter (where n.case_id is distinct from c.id)::int as unlinked
            from notifications n join cases c on c.number = n.case_number where n.kind in ('signal', 'escalation')
          union all
          select 'mail', count(*) filter (where m.case_id = c.id)::int, count(*) filter (where m.case_id is distinct from c.id)::int
            from mail_outbox m join cases c on m.subject like '%' || c.number
              or m.subject like '%' || c.number || ' %'
            where m.dedupe_key like 'escalation:%' or m.dedupe_key like 'reminder:%'`,
    );
    for (const row of linked) {
      expect(row.linked, row.kind).toBeGreaterThan(0);
      expect(row.unlinked, row.kind).toBe(0);
    }
  });
});
