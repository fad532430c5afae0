import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { logAction } from '@/lib/agreements/log-action';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { transitionMeeting } from '@/lib/meetings/meeting-lifecycle';
import { openNotification } from '@/lib/notify/centre';
import { runSweep } from '@/lib/stagnation/sweep';
import { signInAs } from '@/lib/testing/actors';
import { resolveSignal } from './change-signal';
import { groupSignals } from './group-signals';
import { listSignals, listSignalsByIds, parseSignalQuery } from './list-signals';
import type { SignalItem } from './signal-views';

// The one clock of this file: the demo data is relative to it and every action and sweep runs after it.
const monday = new Date('2026-11-23T07:00:00Z');
const later = (minutes: number) => new Date(monday.getTime() + minutes * 60_000);

let handle: DbHandle;
let regisseur: Actor;
let regisseur2: Actor;
let politie: Actor;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: monday });
  await runSweep(handle.db, { now: monday });
  [regisseur, regisseur2, politie] = await Promise.all([
    signInAs('regisseur@example.org'),
    signInAs('regisseur2@example.org'),
    signInAs('politie@example.org'),
  ]);
});
afterAll(() => closeDb());

type StoredSignal = { id: string; status: string; message: string; since: Date; updated_at: Date };
const signalsOfKey = (key: string) =>
  queryRows<StoredSignal>(handle.db, sql`select id, status, message, since, updated_at from signals where key = ${key} order by created_at`);

/** A running agreement of an active case of `regisseur`, owned by the police, not blocked and without a blocked signal. */
async function runningPoliceAgreement(skip: string[] = []): Promise<{ id: string; caseId: string }> {
  const rows = await queryRows<{ id: string; case_id: string }>(
    handle.db,
    sql`select a.id, a.case_id from agreements a join cases c on c.id = a.case_id join organisations o on o.id = a.owner_organisation_id
        join users u on u.id = c.regisseur_user_id
        where u.email = 'regisseur@example.org' and c.status = 'actief' and o.short_name ilike 'politie%'
          and a.status in ('open', 'in_uitvoering') and a.blocked_at is null
          and not exists (select 1 from signals s where s.key = 'agreement_blocked:' || a.id)
        order by a.id`,
  );
  const row = rows.find((r) => !skip.includes(r.id));
  if (!row) throw new Error('the demo has no running police agreement in an active case of regisseur@example.org');
  return { id: row.id, caseId: row.case_id };
}

const unreadOf = async (userId: string, kind: string) =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from notifications where user_id = ${userId} and kind = ${kind}`))[0]!.n;

describe('a blockade', () => {
  let agreementId: string;

  it('raises its signal in the same transaction, before any sweep, for the regisseur to see', async () => {
    ({ id: agreementId } = await runningPoliceAgreement());
    const key = `agreement_blocked:${agreementId}`;
    expect(await signalsOfKey(key)).toEqual([]);
    await logAction(politie, agreementId, { kind: 'geblokkeerd', note: 'Wacht op toestemming van de officier' }, later(60));
    const [signal, ...more] = await signalsOfKey(key);
    expect(more).toEqual([]);
    expect(signal).toMatchObject({ status: 'open', message: expect.stringMatching(/^Afspraak is op .+ als geblokkeerd gemeld; de reden staat bij de afspraak\.$/) });
    expect(new Date(signal!.since).toISOString()).toBe(later(60).toISOString());
    // Free text of the blockade stays on the agreement.
    expect(signal!.message).not.toContain('officier');
    const { items } = await listSignals(regisseur, parseSignalQuery({ rule: 'agreement_blocked' }));
    expect(items.map((s) => s.subjectId)).toContain(agreementId);
  });

  it('is not signalled a second time (nor reworded) by the next sweep', async () => {
    const key = `agreement_blocked:${agreementId}`;
    const [before] = await signalsOfKey(key);
    const sweep = await runSweep(handle.db, { now: later(120) });
    expect(sweep.skipped).toBe(false);
    const after = await signalsOfKey(key);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, status: 'open', message: before!.message });
    expect(new Date(after[0]!.updated_at).toISOString()).toBe(new Date(before!.updated_at).toISOString());
  });

  it('cannot be signalled by someone who did not report it', async () => {
    const { id } = await runningPoliceAgreement([agreementId]);
    await handle.db.execute(sql`update agreements set blocked_at = ${later(130).toISOString()}::timestamptz where id = ${id}`);
    const [row] = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${regisseur2.userId}, true)`);
      return queryRows<{ id: string | null }>(tx, sql`select app_raise_blocked_signal(${id}::uuid, 'Nep', ${later(130).toISOString()}::timestamptz) as id`);
    });
    expect(row!.id).toBeNull();
    expect(await signalsOfKey(`agreement_blocked:${id}`)).toEqual([]);
    await handle.db.execute(sql`update agreements set blocked_at = null where id = ${id}`);
  });
});

describe('notifications', () => {
  it('do not tell a regisseur of the blockade she reported herself', async () => {
    const { id } = await runningPoliceAgreement();
    const before = await unreadOf(regisseur.userId, 'agreement-blocked');
    await logAction(regisseur, id, { kind: 'geblokkeerd', note: 'De officier moet eerst beslissen' }, later(180));
    expect(await unreadOf(regisseur.userId, 'agreement-blocked')).toBe(before);
    // The signal is raised all the same: the regisseur reported it, so it is hers to act on.
    expect(await signalsOfKey(`agreement_blocked:${id}`)).toHaveLength(1);
  });

  it('of a planned meeting go to the invited partners, not to the chair who planned it', async () => {
    const [politieOrg] = await queryRows<{ id: string }>(handle.db, sql`select id from organisations where short_name = 'Politie'`);
    const { id } = await createMeeting(regisseur, {
      title: 'Eigen overleg',
      kind: 'casusoverleg',
      date: '2026-11-30',
      startTime: '10:00',
      endTime: '11:00',
      chairUserId: regisseur.userId,
      recurrence: 'geen',
      invitedOrganisationIds: [politieOrg!.id],
      caseIds: [],
    });
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, later(240));
    const told = await queryRows<{ user_id: string }>(handle.db, sql`select user_id from notifications where link = ${`/meetings/${id}`}`);
    expect(told.map((n) => n.user_id)).toContain(politie.userId);
    expect(told.map((n) => n.user_id)).not.toContain(regisseur.userId);
  });

  it('is marked read by opening it, and only by its own reader', async () => {
    const [note] = await queryRows<{ id: string; link: string }>(
      handle.db,
      sql`select id, link from notifications where user_id = ${regisseur.userId} and kind = 'agreement-blocked' and read_at is null limit 1`,
    );
    expect(note).toBeDefined();
    expect(await openNotification(regisseur2, note!.id, later(200))).toBeNull();
    const readAt = async () =>
      (await queryRows<{ read_at: Date | null }>(handle.db, sql`select read_at from notifications where id = ${note!.id}`))[0]!.read_at;
    expect(await readAt()).toBeNull();
    expect(await openNotification(regisseur, note!.id, later(200))).toBe(note!.link);
    expect(new Date((await readAt())!).toISOString()).toBe(later(200).toISOString());
  });
});

describe('the signals a regisseur works through', () => {
  const layout = (groups: ReturnType<typeof groupSignals>) => groups.map((g) => [g.key, g.cards.map((c) => c.key)] as const);

  it('has one card per agreement, listing all of its signals, cases by number', async () => {
    const { items } = await listSignals(regisseur, parseSignalQuery({}));
    const groups = groupSignals(items);
    const cards = groups.flatMap((g) => g.cards);
    expect(cards.reduce((n, c) => n + c.signals.length, 0)).toBe(items.length);
    const agreementCards = cards.filter((c) => c.subjectType === 'agreement');
    expect(new Set(agreementCards.map((c) => c.subjectId)).size).toBe(agreementCards.length);
    // The demo has agreements with several signals: those are now one card each.
    expect(agreementCards.some((c) => c.signals.length > 1)).toBe(true);
    expect(cards.length).toBeLessThan(items.length);
    const numbers = groups.filter((g) => g.caseId).map((g) => g.caseNumber!);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('keeps every group and card in place when one is resolved, the acted-on card marked', async () => {
    const { items } = await listSignals(regisseur, parseSignalQuery({}));
    const before = groupSignals(items);
    // Resolve the last signal of a card in the middle of the list.
    const middle = before[Math.floor(before.length / 2)]!;
    const target = middle.cards.find((c) => c.signals.length === 1) ?? middle.cards[0]!;
    const acted: string[] = [];
    for (const signal of target.signals) {
      await resolveSignal(regisseur, signal.id, { note: 'Gebeld met de uitvoerder.', version: signal.version });
      acted.push(signal.id);
    }
    const open = (await listSignals(regisseur, parseSignalQuery({}))).items;
    expect(open.some((s) => acted.includes(s.id))).toBe(false);
    const actedItems = await listSignalsByIds(regisseur, acted);
    expect(actedItems.every((s) => s.status === 'resolved')).toBe(true);
    const after = groupSignals([...open, ...actedItems], new Set(acted));
    expect(layout(after)).toEqual(layout(before));
    const marked = after.flatMap((g) => g.cards).filter((c) => c.acted);
    expect(marked.map((c) => c.key)).toEqual([target.key]);
  });

  it('orders by what an action does not change: not by level, nor by the order the list came in', () => {
    const item = (id: string, caseNumber: string, subjectId: string, rule: SignalItem['rule'], level: SignalItem['level'], createdAt: string): SignalItem => ({
      id,
      rule,
      level,
      status: 'open',
      subjectType: 'agreement',
      subjectId,
      caseId: `case-${caseNumber}`,
      caseNumber,
      targetGroup: null,
      municipalityName: null,
      organisationId: 'org',
      organisationName: 'Politie',
      agreementDescription: `Afspraak ${subjectId}`,
      since: new Date('2026-11-01T09:00:00Z'),
      levelSince: new Date('2026-11-01T09:00:00Z'),
      message: 'Waarom.',
      snoozedUntil: null,
      snoozeReason: null,
      resolvedAt: null,
      resolvedByName: null,
      resolutionNote: null,
      autoResolved: false,
      version: 1,
      createdAt: new Date(createdAt),
    });
    const items = [
      item('s1', 'ZVH-2026-0002', 'a1', 'agreement_overdue', 'manager', '2026-11-10T09:00:00Z'),
      item('s2', 'ZVH-2026-0001', 'a2', 'agreement_no_progress', 'regisseur', '2026-11-12T09:00:00Z'),
      item('s3', 'ZVH-2026-0001', 'a3', 'agreement_blocked', 'regisseur', '2026-11-11T09:00:00Z'),
      item('s4', 'ZVH-2026-0001', 'a2', 'agreement_overdue', 'regisseur', '2026-11-13T09:00:00Z'),
    ];
    const groups = groupSignals(items);
    expect(layout(groups)).toEqual([
      ['case-ZVH-2026-0001', ['case-ZVH-2026-0001/agreement:a3', 'case-ZVH-2026-0001/agreement:a2']],
      ['case-ZVH-2026-0002', ['case-ZVH-2026-0002/agreement:a1']],
    ]);
    // One card for a2's two signals, in the rules' fixed order.
    expect(groups[0]!.cards[1]!.signals.map((s) => s.id)).toEqual(['s4', 's2']);
    // An escalation and another input order change nothing.
    const escalated = items.map((s) => (s.id === 's2' ? { ...s, level: 'stuurgroep' as const } : s)).reverse();
    expect(layout(groupSignals(escalated))).toEqual(layout(groups));
    expect(groupSignals(escalated)[0]!.cards[1]!.level).toBe('stuurgroep');
  });
});
