/**
 * The retention job on a frozen clock: which ended cases lose their personal data (and which never
 * do), what is removed and what stays for the figures, the audit trail it leaves, and that a second run
 * changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { cases, type CaseStatus } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/actor';
import { getCase } from '@/lib/cases/get-case';
import { listCases } from '@/lib/cases/list-cases';
import { caseListQuerySchema } from '@/lib/cases/schemas';
import { updateCase } from '@/lib/cases/update-case';
import { getDashboard } from '@/lib/dashboard/figures';
import { seedDemo } from '@/lib/seed/demo';
import { signInAs } from '@/lib/testing/actors';
import { REMOVED } from './remove-personal-data';
import { RETENTION_LOCK, runRetention } from './run-retention';
import { addYearsUtc } from './term';

const DAY = 24 * 60 * 60 * 1000;
/**
 * The frozen clock of this file. The audit log is stamped by the database's own clock (PGlite's runs with the
 * process, a server's does not), so the clock is set 4½ years after that one: every audit entry is then within
 * its 5-year term, and the terms of the cases below fall where their dates put them, whatever day it is.
 */
let NOW: Date;
const yearsAgo = (years: number, plusDays = 0) => new Date(addYearsUtc(NOW, -years).getTime() + plusDays * DAY);

let handle: DbHandle;
let regisseur: Actor;
let manager: Actor;
const id: Record<string, string> = {};
const number: Record<string, string> = {};

async function setCase(name: string, status: CaseStatus, closedAt: Date | null, extra: Partial<typeof cases.$inferInsert> = {}) {
  await handle.db.update(cases).set({ status, closedAt, pauseReason: null, ...extra }).where(eq(cases.id, id[name]!));
}

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(handle.db, query))[0]!;
const count = async (query: ReturnType<typeof sql>) => (await one<{ n: number }>(sql`select count(*)::int as n from (${query}) q`)).n;
let PERIOD: { from: string; to: string };

beforeAll(async () => {
  handle = await useFreshDatabase();
  const [clock] = await queryRows<{ now: string }>(handle.db, sql`select now()::text as now`);
  const databaseNow = new Date(clock!.now);
  await seedDemo(handle.db, databaseNow);
  NOW = new Date(addYearsUtc(databaseNow, 4).getTime() + 182 * DAY);
  PERIOD = { from: `${NOW.getUTCFullYear() - 12}-01-01`, to: `${NOW.getUTCFullYear()}-12-31` };
  for (const row of await handle.db.select({ id: cases.id, number: cases.number, name: cases.subjectName }).from(cases)) {
    const key = row.name.split(' ')[0]!;
    id[key] = row.id;
    number[key] = row.number;
  }
  // Ended cases around each term, on the frozen clock.
  await setCase('Gerda', 'afgewezen', yearsAgo(2, -1)); // rejected 2 years and a day ago: goes
  await setCase('Peter', 'afgewezen', yearsAgo(2, 1), { triageDecision: 'geen_actie' }); // a day short of 2 years: stays
  await setCase('Rachid', 'afgesloten', yearsAgo(5, -1), { closureResult: 'Woont zelfstandig aan de Kanaalstraat.' }); // handled, 5 years and a day: goes
  await setCase('Sandra', 'afgesloten', yearsAgo(2, -1)); // handled: 2 years is not its term
  await setCase('Dylan', 'afgesloten', yearsAgo(5, 1)); // a day short of 5 years: stays
  await setCase('Lucas', 'afgesloten', yearsAgo(6), {
    retentionExtendedUntil: new Date(NOW.getTime() + 10 * DAY),
    retentionExtendedAt: yearsAgo(1),
    retentionExtensionReason: 'Lopende strafzaak tegen een partner, dossier nodig.',
  });
  // An open case is never purged, however old.
  await handle.db.update(cases).set({ createdAt: yearsAgo(10) }).where(eq(cases.id, id.Jan!));

  // Text around Rachid's case that the job must clear: a signal with notes, a notification, a mail.
  const [signal] = await queryRows<{ id: string }>(
    handle.db,
    sql`insert into signals (key, rule, subject_type, subject_id, case_id, since, message, status, level_since, resolved_at, resolution_note, snooze_reason)
        values ('test:rachid', 'case_idle', 'case', ${id.Rachid}, ${id.Rachid}, now(), 'Casus ligt stil', 'resolved', now(), now(),
                'Gebeld met Rachid Amrani zelf', 'Rachid in het ziekenhuis') returning id`,
  );
  await handle.db.execute(sql`insert into signal_escalations (signal_id, level, note) values (${signal!.id}, 1, 'Besproken met teamleider')`);
  await handle.db.execute(sql`update case_partners set end_reason = 'Niet meer nodig' where case_id = ${id.Rachid}`);
  await handle.db.execute(sql`insert into notifications (user_id, kind, title, link, case_number, case_id)
    select id, 'signal', 'Nieuw signaal in ' || ${number.Rachid}, '/cases/' || ${id.Rachid}, ${number.Rachid}, ${id.Rachid} from users where role = 'regisseur'`);
  await handle.db.execute(sql`insert into mail_outbox (dedupe_key, to_email, subject, body_text, status, case_id)
    values ('test:rachid', 'teamleider@example.org', 'Opschaling: stagnatie in ' || ${number.Rachid}, 'Bekijk het signaal.', 'sent', ${id.Rachid}),
           ('test:other', 'teamleider@example.org', 'Opschaling: stagnatie in ' || ${number.Rachid} || '1', 'Een andere casus.', 'sent', ${id.Jan})`);

  // Rachid discussed in a meeting, with an agreement made in that agenda item (live meetings follow both).
  const [item] = await queryRows<{ id: string }>(
    handle.db,
    sql`insert into agenda_items (meeting_id, position, case_id, topic, minutes, outcome)
        select id, 99, ${id.Rachid}, 'Woonsituatie Rachid', 'Rachid vertelde over zijn buren.', 'Afspraak gemaakt' from meetings order by starts_at limit 1
        returning id`,
  );
  await handle.db.execute(sql`update agreements set agenda_item_id = ${item!.id} where id = (select id from agreements where case_id = ${id.Rachid} limit 1)`);

  regisseur = await signInAs('regisseur@example.org');
  manager = await signInAs('manager@example.org');
});
afterAll(() => closeDb());

const removedAt = async (name: string) =>
  (await handle.db.select({ at: cases.personalDataRemovedAt }).from(cases).where(eq(cases.id, id[name]!)))[0]!.at;

describe('a dry run', () => {
  it('lists what would go and changes nothing, not even the audit log', async () => {
    const auditBefore = await count(sql`select id from audit_log`);
    const result = await runRetention(handle.db, { now: NOW, dryRun: true });
    expect(result.skipped).toBe(false);
    expect(result.dryRun).toBe(true);
    expect(result.cases.map((c) => c.number).sort()).toEqual([number.Gerda, number.Rachid].sort());
    expect(result.cases.find((c) => c.number === number.Rachid)!.removed).toMatchObject({ subject: 1, notifications: 2, mails: 1 });
    expect(await removedAt('Rachid')).toBeNull();
    expect(await count(sql`select id from audit_log`)).toBe(auditBefore);
  });
});

describe('the retention run on a frozen clock', () => {
  let dashboardBefore: unknown;
  let rachidBefore: { agreements: number; actions: number; agendaItems: number; partners: number; events: number };
  let liveEventsBefore: number;

  beforeAll(async () => {
    dashboardBefore = await getDashboard(manager, PERIOD, { now: NOW });
    liveEventsBefore = await count(sql`select id from meeting_events`);
    rachidBefore = await one(sql`select
      (select count(*)::int from agreements where case_id = ${id.Rachid}) as agreements,
      (select count(*)::int from agreement_actions where agreement_id in (select id from agreements where case_id = ${id.Rachid})) as actions,
      (select count(*)::int from agenda_items where case_id = ${id.Rachid}) as "agendaItems",
      (select count(*)::int from case_partners where case_id = ${id.Rachid}) as partners,
      (select count(*)::int from case_events where case_id = ${id.Rachid}) as events`);
  });

  it('removes the personal data of a rejected case after 2 years and a handled one after 5', async () => {
    // One case per transaction here, so the run crosses batches (in production 1000 per batch).
    const result = await runRetention(handle.db, { now: NOW, batchSize: 1 });
    expect(result.cases.map((c) => [c.number, c.category]).sort()).toEqual(
      [
        [number.Gerda, 'rejected'],
        [number.Rachid, 'handled'],
      ].sort(),
    );
    expect(await removedAt('Gerda')).toEqual(NOW);
    expect(await removedAt('Rachid')).toEqual(NOW);
  });

  it('keeps cases within their term, an extended case until its extension passes, and open cases', async () => {
    for (const name of ['Peter', 'Sandra', 'Dylan', 'Lucas', 'Jan', 'Sem', 'Henk']) expect(await removedAt(name), name).toBeNull();
    const [peter] = await handle.db.select({ name: cases.subjectName }).from(cases).where(eq(cases.id, id.Peter!));
    expect(peter!.name).toBe('Peter van Dijk');
  });

  it('replaces the subject and the free text of the case, encrypted like any subject data', async () => {
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, id.Rachid!));
    expect(row).toMatchObject({
      subjectName: REMOVED,
      subjectBirthDate: REMOVED,
      subjectAddress: null,
      subjectNameTokens: [],
      reason: REMOVED,
      goal: REMOVED,
      involvedPartners: null,
      triageReason: null,
      closureResult: null,
    });
    const raw = await one<{ subject_name: string }>(sql`select subject_name from cases where id = ${id.Rachid}`);
    expect(raw.subject_name).toMatch(/^enc:v1:/);
  });

  it('clears agreements, progress, due-date reasons, minutes, partner and event reasons, signal notes; drops notifications and mail', async () => {
    const left = await one<Record<string, number>>(sql`select
      (select count(*)::int from agreements where case_id = ${id.Rachid} and (description <> ${REMOVED} or completion_note is not null or blocked_reason is not null)) as agreements,
      (select count(*)::int from agreement_actions where agreement_id in (select id from agreements where case_id = ${id.Rachid}) and note is not null) as notes,
      (select count(*)::int from agreement_due_changes where agreement_id in (select id from agreements where case_id = ${id.Rachid}) and reason <> ${REMOVED}) as moves,
      (select count(*)::int from agenda_items where case_id = ${id.Rachid} and (minutes is not null or outcome is not null or topic is not null)) as minutes,
      (select count(*)::int from case_partners where case_id = ${id.Rachid} and (reason <> ${REMOVED} or end_reason is not null)) as partners,
      (select count(*)::int from case_events where case_id = ${id.Rachid} and reason is not null) as events,
      (select count(*)::int from signals where case_id = ${id.Rachid} and (resolution_note is not null or snooze_reason is not null)) as signals,
      (select count(*)::int from signal_escalations where note is not null and signal_id in (select id from signals where case_id = ${id.Rachid})) as escalations,
      (select count(*)::int from notifications where case_number = ${number.Rachid}) as notifications,
      (select count(*)::int from mail_outbox where dedupe_key = 'test:rachid') as mails`);
    expect(left).toEqual({ agreements: 0, notes: 0, moves: 0, minutes: 0, partners: 0, events: 0, signals: 0, escalations: 0, notifications: 0, mails: 0 });
    // Another case's mail whose number merely starts with this one's stays.
    expect(await count(sql`select id from mail_outbox where dedupe_key = 'test:other'`)).toBe(1);
  });

  it('tells no live meeting of what it clears, where an ordinary edit afterwards still is', async () => {
    // Rachid's agenda items and the agreements made in them were rewritten, in meetings long over.
    const shown = await one<{ items: number; agreements: number }>(sql`select
      (select count(*)::int from agenda_items where case_id = ${id.Rachid} and meeting_id is not null) as items,
      (select count(*)::int from agreements where case_id = ${id.Rachid} and agenda_item_id is not null) as agreements`);
    expect(shown.items).toBeGreaterThan(0);
    expect(shown.agreements).toBeGreaterThan(0);
    expect(await count(sql`select id from meeting_events`)).toBe(liveEventsBefore);
    // The setting lasted for the run's own transactions only: an edit on the same connections is followed live.
    await handle.db.execute(sql`update agenda_items set version = version + 1 where id = (select id from agenda_items where case_id = ${id.Jan} limit 1)`);
    expect(await count(sql`select id from meeting_events`)).toBe(liveEventsBefore + 1);
  });

  it('keeps every row the figures count, so the dashboard is unchanged', async () => {
    const after = await one(sql`select
      (select count(*)::int from agreements where case_id = ${id.Rachid}) as agreements,
      (select count(*)::int from agreement_actions where agreement_id in (select id from agreements where case_id = ${id.Rachid})) as actions,
      (select count(*)::int from agenda_items where case_id = ${id.Rachid}) as "agendaItems",
      (select count(*)::int from case_partners where case_id = ${id.Rachid}) as partners,
      (select count(*)::int from case_events where case_id = ${id.Rachid}) as events`);
    expect(after).toEqual(rachidBefore);
    expect(rachidBefore.agreements).toBeGreaterThan(0);
    expect(await getDashboard(manager, PERIOD, { now: NOW })).toEqual(dashboardBefore);
  });

  it('writes one audit entry per case with counts, and one for the run, and the chain verifies', async () => {
    const entries = await queryRows<{ entity: string; case_number: string | null; user_id: string | null; details: Record<string, unknown> }>(
      handle.db,
      sql`select entity, case_number, user_id, details from audit_log where action = 'delete' order by id`,
    );
    // Oldest closure first.
    expect(entries.map((e) => [e.entity, e.case_number])).toEqual([
      ['case', number.Rachid],
      ['case', number.Gerda],
      ['retention', null],
    ]);
    const rachid = entries[0]!;
    expect(rachid.user_id).toBeNull();
    expect(rachid.details).toMatchObject({
      reason: 'retention',
      category: 'handled',
      extended: false,
      removed: { subject: 1, agreements: rachidBefore.agreements, progressNotes: expect.any(Number), notifications: 2, mails: 1, signalNotes: 1, escalationNotes: 1 },
    });
    expect(JSON.stringify(entries)).not.toMatch(/Amrani|Kanaalstraat|Smit/);
    expect(entries[2]!.details).toMatchObject({ cases: 2, auditEntriesPurged: 0 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('changes nothing when run again: no case, no audit entry', async () => {
    const auditBefore = await count(sql`select id from audit_log`);
    const snapshot = await queryRows(handle.db, sql`select id, version, personal_data_removed_at from cases order by id`);
    const second = await runRetention(handle.db, { now: NOW });
    expect(second.cases).toEqual([]);
    expect(second.auditEntriesPurged).toBe(0);
    expect(await count(sql`select id from audit_log`)).toBe(auditBefore);
    expect(await queryRows(handle.db, sql`select id, version, personal_data_removed_at from cases order by id`)).toEqual(snapshot);
  });

  it('still lists the case by number, status, type and municipality, and no longer finds it by name', async () => {
    const listed = await listCases(regisseur, caseListQuerySchema.parse({ q: number.Rachid }));
    expect(listed.items).toEqual([
      expect.objectContaining({ number: number.Rachid, status: 'afgesloten', targetGroup: 'nazorg_ex_gedetineerden', municipalityCode: 'GM0356', subjectName: REMOVED }),
    ]);
    expect((await listCases(regisseur, caseListQuerySchema.parse({ q: 'Amrani' }))).total).toBe(0);
    const managerList = await listCases(manager, caseListQuerySchema.parse({ q: number.Rachid }));
    expect(managerList.items.map((c) => c.number)).toEqual([number.Rachid]);
    const view = await getCase(regisseur, id.Rachid);
    expect(view).toMatchObject({ view: 'full', number: number.Rachid, personalDataRemovedAt: NOW });
  });

  it('refuses to take personal data back in through an edit', async () => {
    const [row] = await handle.db.select({ version: cases.version }).from(cases).where(eq(cases.id, id.Rachid!));
    await expect(updateCase(regisseur, id.Rachid, { version: row!.version, subject: { name: 'Rachid Amrani' } })).rejects.toThrow(/bewaartermijn/);
  });

  it('takes an extended case once its extension has passed', async () => {
    // Nine days on, the cases that were a day short have passed their terms; the extended one has not.
    const before = await runRetention(handle.db, { now: new Date(NOW.getTime() + 9 * DAY) });
    expect(before.cases.map((c) => c.number).sort()).toEqual([number.Dylan, number.Peter].sort());
    const after = await runRetention(handle.db, { now: new Date(NOW.getTime() + 11 * DAY) });
    expect(after.cases.map((c) => c.number)).toEqual([number.Lucas]);
    const [lucas] = await handle.db.select().from(cases).where(eq(cases.id, id.Lucas!));
    expect(lucas).toMatchObject({ subjectName: REMOVED, retentionExtensionReason: null });
    expect(lucas!.retentionExtendedUntil).not.toBeNull();
  });

  it('never takes an open case, even far in the future, and the purged audit log still verifies', async () => {
    const far = new Date('2100-01-01T00:00:00Z');
    const result = await runRetention(handle.db, { now: far });
    expect(result.cases.map((c) => c.number)).toEqual([number.Sandra]);
    for (const name of ['Jan', 'Sem', 'Kevin', 'Marloes', 'Henk', 'Thomas']) expect(await removedAt(name), name).toBeNull();
    // Every entry is older than 5 years by then, except the newest: it stays as the head of the chain.
    expect(result.auditEntriesPurged).toBeGreaterThan(10);
    expect(await count(sql`select id from audit_log`)).toBe(2);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('runs one at a time: a second run skips, in this process and across instances', async () => {
    const both = await Promise.all([runRetention(handle.db, { now: NOW }), runRetention(handle.db, { now: NOW })]);
    expect(both.map((r) => r.skipped).sort()).toEqual([false, true]);
    // The embedded database has one connection and one process: there is no other instance to meet.
    if (handle.kind !== 'postgres') return;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK})`);
      expect((await runRetention(handle.db, { now: NOW })).skipped).toBe(true);
    });
    expect((await runRetention(handle.db, { now: NOW })).skipped).toBe(false);
  });
});
