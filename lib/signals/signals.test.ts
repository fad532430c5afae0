import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asUser } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { listNotifications, markNotificationsRead, unreadNotifications } from '@/lib/notify/centre';
import { listMailbox } from '@/lib/notify/mailbox';
import { runSweep } from '@/lib/stagnation/sweep';
import { signInAs } from '@/lib/testing/actors';
import { resolveSignal, snoozeSignal } from './change-signal';
import { caseSignals, groupByCase, listSignals, parseSignalQuery, signalEscalationHistory } from './list-signals';
import { signalFigures } from './dashboard-source';
import { listEscalationContacts } from './manage-settings';
import { signalsCsv, stuurgroepReport } from './report';

let handle: DbHandle;
let regisseur: Actor;
let manager: Actor;
let professional: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  // The demo is relative to today, so the sweep runs at the real now.
  await runSweep(handle.db, { now: new Date() });
  regisseur = await signInAs('regisseur@example.org');
  manager = await signInAs('manager@example.org');
  professional = await signInAs('politie@example.org');
  admin = await signInAs('admin@example.org');
});
afterAll(() => closeDb());

type Row = { status: string; version: number; resolution_note: string | null; snoozed_until: string | null };
const row = async (id: string) =>
  (await queryRows<Row>(handle.db, sql`select status, version, resolution_note, snoozed_until::text from signals where id = ${id}`))[0]!;

const inDays = (n: number) => todayInAmsterdam(new Date(Date.now() + n * 86_400_000));

async function openOverdue() {
  const { items } = await listSignals(regisseur, parseSignalQuery({ rule: 'agreement_overdue' }));
  expect(items.length).toBeGreaterThan(0);
  return items;
}

describe('the signal list', () => {
  it('gives a regisseur the open signals, highest level first, each with its explanation', async () => {
    const { items, total } = await listSignals(regisseur, parseSignalQuery({}));
    expect(total).toBe(items.length);
    expect(total).toBeGreaterThan(5);
    expect(items.every((s) => s.status === 'open')).toBe(true);
    const levels = items.map((s) => ['regisseur', 'organisation', 'manager', 'stuurgroep'].indexOf(s.level));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    const overdue = items.find((s) => s.rule === 'agreement_overdue')!;
    expect(overdue.message).toMatch(/over de einddatum/);
    expect(overdue.caseNumber).toMatch(/^ZVH-/);
    expect(overdue.organisationName).toBeTruthy();
    expect(overdue.agreementDescription).toBeTruthy();
  });

  it('filters by rule, level, case and organisation, and groups by case', async () => {
    const overdue = await openOverdue();
    expect(overdue.every((s) => s.rule === 'agreement_overdue')).toBe(true);
    const caseId = overdue[0]!.caseId!;
    const ofCase = await listSignals(regisseur, parseSignalQuery({ case: caseId }));
    expect(ofCase.items.every((s) => s.caseId === caseId)).toBe(true);
    const org = overdue[0]!.organisationId!;
    const ofOrg = await listSignals(regisseur, parseSignalQuery({ organisation: org }));
    expect(ofOrg.items.length).toBeGreaterThan(0);
    expect(ofOrg.items.every((s) => s.organisationId === org)).toBe(true);
    const atManager = await listSignals(regisseur, parseSignalQuery({ level: 'manager' }));
    expect(atManager.items.every((s) => s.level === 'manager')).toBe(true);
    const all = await listSignals(regisseur, parseSignalQuery({}));
    const groups = groupByCase(all.items);
    expect(groups.reduce((n, g) => n + g.signals.length, 0)).toBe(all.total);
    expect(new Set(groups.map((g) => g.caseId)).size).toBe(groups.length);
  });

  it('refuses a bad filter with a Dutch message (422)', () => {
    expect(() => parseSignalQuery({ rule: 'whatever' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => parseSignalQuery({ status: 'gone' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    // Empty form fields mean "no filter".
    expect(parseSignalQuery({ rule: '', case: '' })).toEqual({ status: 'open' });
  });

  it('shows managers the signals without free text, and nobody else', async () => {
    const { items } = await listSignals(manager, parseSignalQuery({}));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.agreementDescription === null && s.snoozeReason === null && s.resolutionNote === null)).toBe(true);
    await expect(listSignals(professional, parseSignalQuery({}))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listSignals(admin, parseSignalQuery({}))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists the stuurgroep report: what is still open at manager level or higher', async () => {
    const report = await stuurgroepReport(manager);
    expect(report.items.length).toBeGreaterThan(0);
    expect(report.items.every((s) => s.status === 'open' && (s.level === 'manager' || s.level === 'stuurgroep'))).toBe(true);
  });

  it('exports CSV for Excel with formulas defused, and audits the export', async () => {
    const { body, filename } = await signalsCsv(regisseur, { status: 'open', minLevel: 'manager' }, 'nl');
    expect(filename).toMatch(/^stuurgroep-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(body.startsWith('\ufeffCasus;Signaal;Niveau;Status;Organisatie;Sinds;Op dit niveau sinds;Uitleg\r\n')).toBe(true);
    expect(body).toContain(';Manager;Open;');
    const [audited] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where action = 'export' and entity = 'signals' and user_id = ${regisseur.userId}`,
    );
    expect(audited!.n).toBe(1);
  });
});

describe('resolving and snoozing', () => {
  it('refuses to resolve without a note (422), and nothing changes', async () => {
    const [signal] = await openOverdue();
    await expect(resolveSignal(regisseur, signal!.id, { note: '   ', version: signal!.version })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { note: ['Schrijf op hoe het signaal is afgehandeld.'] },
    });
    expect(await row(signal!.id)).toMatchObject({ status: 'open', version: signal!.version, resolution_note: null });
  });

  it('refuses a snooze date today or in the past (422), and nothing changes', async () => {
    const [signal] = await openOverdue();
    for (const until of [inDays(-3), inDays(0)]) {
      await expect(snoozeSignal(regisseur, signal!.id, { until, reason: 'Wachtlijst', version: signal!.version })).rejects.toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { until: ['Kies een datum in de toekomst: vandaag of eerder kan niet.'] },
      });
    }
    await expect(snoozeSignal(regisseur, signal!.id, { until: inDays(3), reason: '', version: signal!.version })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await row(signal!.id)).toMatchObject({ status: 'open', version: signal!.version, snoozed_until: null });
  });

  it('answers a stale version with 409', async () => {
    const [signal] = await openOverdue();
    await expect(resolveSignal(regisseur, signal!.id, { note: 'Gebeld met de uitvoerder.', version: signal!.version - 1 || 99 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await row(signal!.id)).status).toBe('open');
  });

  it('hides signals from a professional (404) and lets a manager look but not act (403)', async () => {
    const [signal] = await openOverdue();
    const input = { note: 'Afgestemd.', version: signal!.version };
    await expect(resolveSignal(professional, signal!.id, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveSignal(admin, signal!.id, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveSignal(manager, signal!.id, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resolveSignal(regisseur, 'not-a-uuid', input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveSignal(regisseur, '00000000-0000-4000-8000-000000000000', input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await row(signal!.id)).status).toBe('open');
  });

  it('resolves with a note: recorded, audited, gone from the open list, and not reopened by the next sweep', async () => {
    const [signal] = await openOverdue();
    const result = await resolveSignal(regisseur, signal!.id, { note: '  Gesproken met de uitvoerder; komt deze week rond.  ', version: signal!.version });
    expect(result).toEqual({ id: signal!.id, caseId: signal!.caseId, status: 'resolved', version: signal!.version + 1 });
    const open = await listSignals(regisseur, parseSignalQuery({}));
    expect(open.items.some((s) => s.id === signal!.id)).toBe(false);
    const resolved = await listSignals(regisseur, parseSignalQuery({ status: 'resolved' }));
    const mine = resolved.items.find((s) => s.id === signal!.id)!;
    expect(mine).toMatchObject({ resolutionNote: 'Gesproken met de uitvoerder; komt deze week rond.', resolvedByName: regisseur.name, autoResolved: false });
    const [audited] = await queryRows<{ details: { change: string } }>(
      handle.db,
      sql`select details from audit_log where entity = 'signal' and entity_id = ${signal!.id} and action = 'update'`,
    );
    expect(audited!.details).toMatchObject({ change: 'resolve', rule: 'agreement_overdue' });
    // Resolving twice: the signal is no longer open.
    await expect(resolveSignal(regisseur, signal!.id, { note: 'Nog eens.', version: result.version })).rejects.toMatchObject({ code: 'CONFLICT' });

    // The cause still holds, but the regisseur dealt with it: the sweep neither reopens nor duplicates it.
    await runSweep(handle.db, { now: new Date() });
    const [again] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from signals where subject_id = ${signal!.subjectId} and rule = 'agreement_overdue' and status <> 'resolved'`,
    );
    expect(again!.n).toBe(0);
  });

  it('snoozes with a reason until a future date', async () => {
    const [signal] = await openOverdue();
    const result = await snoozeSignal(regisseur, signal!.id, { until: inDays(7), reason: 'Opname; na ontslag bespreken.', version: signal!.version });
    expect(result.status).toBe('snoozed');
    expect(await row(signal!.id)).toMatchObject({ status: 'snoozed', snoozed_until: inDays(7) });
    const snoozed = await listSignals(regisseur, parseSignalQuery({ status: 'snoozed' }));
    expect(snoozed.items.find((s) => s.id === signal!.id)).toMatchObject({ snoozeReason: 'Opname; na ontslag bespreken.', snoozedUntil: inDays(7) });
    expect((await listSignals(regisseur, parseSignalQuery({}))).items.some((s) => s.id === signal!.id)).toBe(false);
  });
});

describe('escalation history and the case page', () => {
  it('lists the escalation steps of a signal, and the signals of a case with their history', async () => {
    const [escalated] = (await listSignals(regisseur, parseSignalQuery({ level: 'manager' }))).items;
    expect(escalated).toBeDefined();
    const steps = await signalEscalationHistory(manager, escalated!.id);
    expect(steps.at(-1)?.level).toBe('manager');
    await expect(signalEscalationHistory(professional, escalated!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const forCase = (await caseSignals(regisseur, escalated!.caseId!))!;
    expect(forCase.current.some((s) => s.id === escalated!.id)).toBe(true);
    expect(forCase.escalations.get(escalated!.id)).toEqual(steps);
    expect(await caseSignals(professional, escalated!.caseId!)).toBeNull();
  });
});

describe('notification centre and mailbox', () => {
  it('counts unread notifications, marks one and then all read, and never touches someone else’s', async () => {
    const before = await unreadNotifications(regisseur);
    expect(before).toBeGreaterThan(0);
    const { items, unread } = await listNotifications(regisseur);
    expect(unread).toBe(before);
    const times = items.map((n) => n.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = items.find((n) => !n.readAt)!;
    // Someone else marking it changes nothing (row-level security and the user filter).
    await markNotificationsRead(manager, { id: first.id });
    expect(await unreadNotifications(regisseur)).toBe(before);
    await markNotificationsRead(regisseur, { id: first.id });
    expect(await unreadNotifications(regisseur)).toBe(before - 1);
    await markNotificationsRead(regisseur, { all: true });
    expect(await unreadNotifications(regisseur)).toBe(0);
  });

  it('shows admins the mail outbox, newest first, and nobody else', async () => {
    const { items, total } = await listMailbox(admin);
    expect(total).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(items.some((m) => m.subject.startsWith('Opschaling'))).toBe(true);
    await expect(listMailbox(regisseur)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the dashboard signal figures', () => {
  it('counts open signals per level and opened and resolved per week, scoped like the dashboard', async () => {
    const today = todayInAmsterdam();
    const scope = { from: inDays(-20), to: today, today };
    const figures = await asUser(manager.userId, (tx) => signalFigures(tx, scope));
    const [counts] = await queryRows<{ open: number; opened: number; resolved: number }>(
      handle.db,
      sql`select count(*) filter (where status <> 'resolved')::int as open, count(*)::int as opened,
            count(*) filter (where status = 'resolved')::int as resolved from signals`,
    );
    expect(figures.openByLevel.map((l) => l.level)).toEqual(['regisseur', 'organisation', 'manager', 'stuurgroep']);
    expect(figures.openByLevel.reduce((n, l) => n + l.count, 0)).toBe(counts!.open);
    expect(figures.weekly.length).toBeGreaterThanOrEqual(3);
    expect(figures.weekly.every((w) => new Date(`${w.weekStart}T12:00:00Z`).getUTCDay() === 1)).toBe(true);
    // Every signal was opened and resolved today (the sweep ran at the real now), so the last week holds them all.
    expect(figures.weekly.at(-1)).toMatchObject({ opened: counts!.opened, resolved: counts!.resolved });
    expect(figures.weekly.slice(0, -1).every((w) => w.opened === 0 && w.resolved === 0)).toBe(true);

    const politie = (await listEscalationContacts(admin)).find((o) => o.name === 'Politie Midden-Nederland')!;
    const scoped = await asUser(manager.userId, (tx) => signalFigures(tx, { ...scope, organisation: politie.id }));
    const [ofPolitie] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from signals where status <> 'resolved' and organisation_id = ${politie.id}`,
    );
    expect(scoped.openByLevel.reduce((n, l) => n + l.count, 0)).toBe(ofPolitie!.n);
  });
});
