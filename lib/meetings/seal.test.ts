import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { agreements, cases, meetingReportItems } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { logAction } from '@/lib/agreements/log-action';
import { removeCasePersonalData } from '@/lib/retention/remove-personal-data';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/actor';
import { signInAll } from '@/lib/testing/actors';
import { recordAgendaItem } from './agenda';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { setAttendance } from './invitations';
import { transitionMeeting } from './meeting-lifecycle';
import { canonicalJson, itemHash, reportHash, type ReportItem } from './seal-format';
import { verifyAllMeetingSeals, verifyMeetingSeal } from './seal-verify';
import { getSealedReport } from './sealed-report';
import { outcome as code } from '@/lib/testing/outcome';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';

const NOW = new Date('2026-03-23T09:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let handle: DbHandle;
let regisseur: Actor, regisseur2: Actor, ggz: Actor, politie: Actor, veiligthuis: Actor;
const org: Record<string, string> = {};
const caseOf: Record<string, string> = {};
let id: string;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ regisseur, regisseur2, ggz, politie, veiligthuis } = await signInAll('regisseur', 'regisseur2', 'ggz', 'politie', 'veiligthuis'));
  Object.assign(org, await organisationIdsByShortName(handle.db));
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
  ({ id } = await createMeeting(regisseur, {
    title: 'Casusoverleg Zuid',
    kind: 'casusoverleg',
    date: '2026-03-23',
    startTime: '10:00',
    endTime: '12:00',
    recurrence: 'geen',
    chairUserId: regisseur.userId,
    invitedOrganisationIds: [org.Politie!, org.Altrecht!],
    caseIds: [caseOf['Jan de Vries']!, caseOf['Sem Bakker']!],
  }));
  await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, at(-60 * 24));
  await transitionMeeting(regisseur, id, { action: 'start', version: 2 }, at(0));
  await setAttendance(regisseur, id, { organisationId: org.Politie!, attendance: 'aanwezig' });
  const [jan, sem] = (await getMeeting(regisseur, id)).agenda;
  await recordAgendaItem(regisseur, id, jan!.id, { minutes: 'Jan: plan loopt.', outcome: 'Doorgaan.', status: 'besproken', version: jan!.version! }, at(20));
  await recordAgendaItem(regisseur, id, sem!.id, { minutes: 'Sem: geheime notulen.', status: 'besproken', version: sem!.version! }, at(40));
});
afterAll(() => closeDb());

const policeAgreementOfJan = async () => {
  const [row] = await handle.db
    .select({ id: agreements.id, status: agreements.status })
    .from(agreements)
    .where(and(eq(agreements.caseId, caseOf['Jan de Vries']!), eq(agreements.ownerOrganisationId, org.Politie!), sql`${agreements.status} in ('open','in_uitvoering')`));
  return row!;
};

describe('finishing a meeting', () => {
  let sealedStatus: string;

  it('freezes the report as version 1 and puts its SHA-256 into the audit chain', async () => {
    sealedStatus = (await policeAgreementOfJan()).status;
    const result = await transitionMeeting(regisseur, id, { action: 'finish', version: 3 }, at(120));
    expect(result.seal).toMatchObject({ version: 1, sealedAt: at(120) });
    expect(result.seal!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = await queryRows<{ details: { version: number; sha256: string } }>(
      handle.db,
      sql`select details from audit_log where entity = 'meeting-report' and entity_id = ${id}`,
    );
    expect(entry!.details).toEqual({ version: 1, sha256: result.seal!.sha256 });
    expect(await verifyMeetingSeal(handle.db, id, 1)).toEqual({ ok: true, version: 1, sha256: result.seal!.sha256, problems: [], removedUnderRetention: 0 });
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('shows the state at the meeting, and later progress apart', async () => {
    const agreement = await policeAgreementOfJan();
    await logAction(politie, agreement.id, { kind: 'voortgang', note: 'Gesprek gevoerd na het overleg.' }, at(60 * 24));
    const report = (await getSealedReport(regisseur, id))!;
    const jan = report.entries.find((e) => e.visible && e.item.caseId === caseOf['Jan de Vries']);
    if (!jan?.visible) throw new Error('Jan de Vries not in the report');
    expect(jan.item.minutes).toBe('Jan: plan loopt.');
    expect(jan.subjectName).toBe('Jan de Vries');
    expect(jan.item.agreements.find((a) => a.id === agreement.id)?.status).toBe(sealedStatus);
    expect(jan.later[agreement.id]).toMatchObject({ entries: 1, lastEntryAt: at(60 * 24) });
    if (sealedStatus === 'open') expect(jan.later[agreement.id]!.status).toBe('in_uitvoering');
    expect(report.header.invitees.find((i) => i.organisationId === org.Politie)?.attendance).toBe('aanwezig');
  });

  it('shows each partner only the items of cases it is convened to, by the same rule as the live page', async () => {
    // GGZ is convened to Jan de Vries, not to Sem Bakker.
    const report = (await getSealedReport(ggz, id))!;
    expect(report.entries.map((e) => e.visible)).toEqual([true, false]);
    expect(report.entries[1]).toEqual({ id: report.entries[1]!.id, position: 2, durationMinutes: 15, status: 'besproken', visible: false });
    expect(JSON.stringify(report)).not.toContain('Sem: geheime notulen.');
    expect(JSON.stringify(report)).not.toContain('Sem Bakker');
    // Not by the page alone: the database hands GGZ one item row.
    const rows = await asUser(ggz.userId, (tx) => tx.select({ id: meetingReportItems.agendaItemId }).from(meetingReportItems).where(eq(meetingReportItems.meetingId, id)));
    expect(rows).toHaveLength(1);
    expect(await code(getSealedReport(veiligthuis, id))).toBe('NOT_FOUND');
  });

  it('detects a changed report: the recomputed hash no longer matches the seal in the audit chain', async () => {
    const before = await verifyMeetingSeal(handle.db, id, 1);
    await handle.db.execute(sql`update meeting_report_items set content = jsonb_set(content, '{minutes}', '"Jan: alles goed."') where meeting_id = ${id} and position = 1`);
    const after = await verifyMeetingSeal(handle.db, id, 1);
    expect(after.ok).toBe(false);
    expect(after.problems).toEqual(['agendapunt 1 past niet meer bij zijn zegel (gewijzigd)']);
    // npm run audit:verify checks every seal.
    expect((await verifyAllMeetingSeals(handle.db)).broken.map((b) => [b.meetingId, b.version])).toEqual([[id, 1]]);
    await handle.db.execute(sql`update meeting_report_items set content = jsonb_set(content, '{minutes}', '"Jan: plan loopt."') where meeting_id = ${id} and position = 1`);
    expect(await verifyMeetingSeal(handle.db, id, 1)).toEqual(before);

    // The header cannot be rewritten, not even by the owner of the tables (a trigger); with the trigger
    // switched off, a rewritten item hash and report hash still differ from the seal in the audit chain.
    await expect(handle.db.execute(sql`update meeting_reports set sha256 = 'x' where meeting_id = ${id}`)).rejects.toThrow();
    await handle.db.execute(sql`alter table meeting_reports disable trigger meeting_reports_sealed`);
    const [row] = await queryRows<{ header: { outline: { sha256: string }[] } }>(handle.db, sql`select header from meeting_reports where meeting_id = ${id}`);
    await handle.db.execute(sql`update meeting_report_items set content = jsonb_set(content, '{minutes}', '"Jan: alles goed."') where meeting_id = ${id} and position = 1`);
    const [forged] = await queryRows<{ content: ReportItem }>(handle.db, sql`select content from meeting_report_items where meeting_id = ${id} and position = 1`);
    const header = { ...row!.header, outline: row!.header.outline.map((o, i) => (i === 0 ? { ...o, sha256: itemHash(forged!.content) } : o)) };
    await handle.db.execute(sql`update meeting_reports set header = ${JSON.stringify(header)}::jsonb, sha256 = ${reportHash(header as never)} where meeting_id = ${id}`);
    expect((await verifyMeetingSeal(handle.db, id, 1)).problems).toEqual(['het zegel in het verwerkingenlog past niet bij het verslag']);
    await handle.db.execute(sql`update meeting_reports set header = ${JSON.stringify(row!.header)}::jsonb, sha256 = ${before.sha256} where meeting_id = ${id}`);
    await handle.db.execute(sql`update meeting_report_items set content = jsonb_set(content, '{minutes}', '"Jan: plan loopt."') where meeting_id = ${id} and position = 1`);
    await handle.db.execute(sql`alter table meeting_reports enable trigger meeting_reports_sealed`);
    expect(await verifyMeetingSeal(handle.db, id, 1)).toEqual(before);
  });

  it('cannot be changed by the app: sealed rows are not updated and items are not rewritten', async () => {
    expect(await asUser(regisseur.userId, (tx) => tx.execute(sql`update meeting_report_items set content = '{}'::jsonb where meeting_id = ${id}`)).catch((e: Error) => e)).toBeInstanceOf(Error);
    expect(await asUser(regisseur.userId, (tx) => tx.execute(sql`update meeting_reports set sha256 = 'x' where meeting_id = ${id}`)).catch((e: Error) => e)).toBeInstanceOf(Error);
  });
});

describe('reopening', () => {
  it('takes the chair and a reason; finishing again seals version 2 and version 1 stays readable', async () => {
    expect(await code(transitionMeeting(regisseur2, id, { action: 'reopen', reason: 'Aanvulling', version: 4 }, at(60 * 25)))).toBe('FORBIDDEN');
    await transitionMeeting(regisseur, id, { action: 'reopen', reason: 'Uitkomst aanvullen', version: 4 }, at(60 * 25));
    const jan = (await getMeeting(regisseur, id)).agenda[0]!;
    await recordAgendaItem(regisseur, id, jan.id, { outcome: 'Doorgaan; politie sluit aan bij huisbezoek.', version: jan.version! }, at(60 * 25 + 5));
    // Two finishes at once: one wins, the other is told someone else changed it.
    const [a, b] = await Promise.all([
      code(transitionMeeting(regisseur, id, { action: 'finish', version: 5 }, at(60 * 26))),
      code(transitionMeeting(regisseur, id, { action: 'finish', version: 5 }, at(60 * 26))),
    ]);
    expect([a, b].sort()).toEqual(['CONFLICT', 'OK']);

    const latest = (await getSealedReport(regisseur, id))!;
    expect(latest.version).toBe(2);
    expect(latest.versions.map((v) => [v.version, v.reopenReason])).toEqual([
      [2, null],
      [1, 'Uitkomst aanvullen'],
    ]);
    const first = (await getSealedReport(regisseur, id, 1))!;
    const outcome = (r: typeof first) => (r.entries[0]!.visible ? r.entries[0]!.item.outcome : null);
    expect(outcome(first)).toBe('Doorgaan.');
    expect(outcome(latest)).toBe('Doorgaan; politie sluit aan bij huisbezoek.');
    expect(latest.sha256).not.toBe(first.sha256);
    expect((await verifyMeetingSeal(handle.db, id, 2)).ok).toBe(true);
    expect((await verifyMeetingSeal(handle.db, id, 1)).ok).toBe(true);
    expect(await code(getSealedReport(regisseur, id, 3))).toBe('NOT_FOUND');
  });
});

describe('the retention term', () => {
  it('removes the case content from sealed reports and statusronde answers; the rest of the seal still checks', async () => {
    const [jan] = await handle.db.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, caseOf['Jan de Vries']!));
    const removed = await handle.db.transaction((tx) => removeCasePersonalData(tx, jan!, at(60 * 24 * 400), true));
    expect(removed.sealedReportItems).toBe(2);
    const report = (await getSealedReport(regisseur, id))!;
    expect(report.entries[0]).toMatchObject({ visible: false, removed: true });
    expect(JSON.stringify(report)).not.toContain('Jan: plan loopt.');
    expect(report.entries[1]!.visible).toBe(true);
    expect(await verifyMeetingSeal(handle.db, id, 2)).toMatchObject({ ok: true, removedUnderRetention: 1 });
    expect(await verifyMeetingSeal(handle.db, id, 1)).toMatchObject({ ok: true, removedUnderRetention: 1 });
  });
});

describe('the canonical form', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
