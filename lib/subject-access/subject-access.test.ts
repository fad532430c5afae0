/**
 * Inzage (AVG art. 15) on the demo house: the export of Jan de Vries holds all of his cases (including a
 * second referral of the same person), their agreements, progress, agenda items and signals, and the
 * access log up to and including the export itself; it holds nothing of any other subject (not even of a
 * namesake born on another day); it flags other people's names in free text; and only a regisseur gets it.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { agendaItems, agreementActions, agreementDueChanges, agreements, cases, organisations, signals } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { logAction } from '@/lib/agreements/log-action';
import type { Actor } from '@/lib/actor';
import { getCase } from '@/lib/cases/get-case';
import { addCaseContact } from '@/lib/cases/case-contacts';
import { createReferral } from '@/lib/cases/refer';
import type { ReferralInput } from '@/lib/cases/schemas';
import { AppError } from '@/lib/errors';
import { resolveSignal } from '@/lib/signals/change-signal';
import { addEscalationContact } from '@/lib/signals/manage-settings';
import { runSweep } from '@/lib/stagnation/sweep';
import { signInAs } from '@/lib/testing/actors';
import { subjectAccessDocument, type SubjectAccessDocument } from './document';
import { collectFreeTexts, exportFilename, subjectAccessExport } from './export';
import { sameSubject } from './subject-cases';

const SUBJECT = { name: 'Jan de Vries', birthDate: '1984-03-12' };
const NOTE = 'Gesprek met Fatima Ouali en Bram Kuiper; buurman Kees Hoogland was er ook bij.';
const RESOLUTION = 'Besproken met de wijkagent; Jan de Vries is weer in beeld.';

let handle: DbHandle;
const actors: Record<string, Actor> = {};
let janId: string;
let secondId: string;
let namesakeId: string;

const referral = (birthDate: string, reason: string, goal: string): ReferralInput => ({
  subject: { name: SUBJECT.name, birthDate, address: 'Kanaalstraat 12, Utrecht' },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason,
  goal,
  involvedPartners: null,
});

/** Every case with its subject, read as the owner (Drizzle decrypts). */
const allCases = () =>
  handle.db.select({ id: cases.id, number: cases.number, name: cases.subjectName, birthDate: cases.subjectBirthDate, reason: cases.reason, goal: cases.goal }).from(cases);

async function outcomeOf(work: Promise<unknown>): Promise<AppError | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  for (const name of ['regisseur', 'manager', 'admin', 'politie', 'reclassering', 'veiligthuis']) actors[name] = await signInAs(`${name}@example.org`);
  const regisseur = actors.regisseur!;
  janId = (await allCases()).find((c) => c.name === SUBJECT.name)!.id;
  // The same person referred again, and a namesake born on another day: only the first belongs to him.
  // Taken on the phone from a wijkteam: the source goes into the export, its contact person (a third party) not.
  secondId = (
    await createReferral(regisseur, {
      ...referral(SUBJECT.birthDate, 'Jan de Vries meldt zich opnieuw bij de wijkagent.', 'Rust in de buurt.'),
      referrer: { organisationName: 'Wijkteam Zuilen', contactName: 'Ilse Bakker', contactDetails: '030-7654321' },
    })
  ).id;
  await addCaseContact(regisseur, janId, { kind: 'telefoon', contactDate: '2025-06-02', organisation: 'Wijkteam Zuilen', note: 'Jan de Vries belde zelf over zijn afspraak.' });
  namesakeId = (await createReferral(regisseur, referral('1990-01-01', 'Naamgenoot met overlast in Overvecht.', 'Geen nieuwe incidenten in Overvecht.'))).id;

  const [veiligThuis] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Veilig Thuis Regio Utrecht'));
  await addEscalationContact(actors.admin!, { organisationId: veiligThuis!.id, name: 'Bram Kuiper', email: 'bram.kuiper@example.org' });
  const [plan] = await handle.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.caseId, janId), eq(agreements.ownerOrganisationId, veiligThuis!.id)));
  await logAction(actors.veiligthuis!, plan!.id, { kind: 'voortgang', note: NOTE });

  await runSweep(handle.db);
  const [signal] = await handle.db.select({ id: signals.id, version: signals.version }).from(signals).where(eq(signals.caseId, janId)).limit(1);
  await resolveSignal(regisseur, signal!.id, { note: RESOLUTION, version: signal!.version });

  // A partner opens the case: the access log must name Politie Midden-Nederland, professional.
  await getCase(actors.politie!, janId);
});
afterAll(() => closeDb());

describe('subject access export (AVG art. 15)', () => {
  let doc: SubjectAccessDocument;
  let json: string;
  beforeAll(async () => {
    doc = await subjectAccessExport(actors.regisseur!, janId);
    json = JSON.stringify(doc);
  });

  it('is the documented shape, with nothing beyond it', () => {
    expect(subjectAccessDocument.parse(doc)).toEqual(doc);
    expect(exportFilename(doc, janId)).toMatch(/^inzage-ZVH-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('holds every case of the subject, and only his', async () => {
    expect(doc.subject).toEqual({ ...SUBJECT, addresses: ['Kanaalstraat 12, Utrecht'] });
    expect(doc.cases.map((c) => c.id)).toEqual([janId, secondId]);
    expect(doc.cases.map((c) => c.id)).not.toContain(namesakeId);
    const first = doc.cases[0]!;
    expect(first.status).toBe('actief');
    expect(first.reason.text).toBe('Herhaalde meldingen van huiselijk geweld; kinderen in huis.');
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.partners.map((p) => p.organisationName).sort()).toEqual(['Altrecht GGZ', 'Politie Midden-Nederland', 'Veilig Thuis Regio Utrecht']);
    expect(first.referrer).toEqual({ organisationName: 'Veilig Thuis Regio Utrecht', role: 'professional' });
  });

  it('names where a referral came from and holds the case journal, but not the referrer’s contact person', () => {
    const [first, second] = doc.cases;
    expect(second!.referredBy).toBe('Wijkteam Zuilen');
    expect(first!.referredBy).toBeNull();
    expect(first!.contacts).toEqual([
      expect.objectContaining({ kind: 'telefoon', contactDate: '2025-06-02', note: expect.objectContaining({ text: 'Jan de Vries belde zelf over zijn afspraak.' }) }),
    ]);
    expect(json).not.toContain('Ilse Bakker');
    expect(json).not.toContain('030-7654321');
  });

  it('holds the agreements with every due-date move and progress entry', async () => {
    const ids = doc.cases.map((c) => c.id);
    const stored = await handle.db.select({ id: agreements.id, description: agreements.description }).from(agreements).where(inArray(agreements.caseId, ids));
    const exported = doc.cases.flatMap((c) => c.agreements);
    expect(exported.map((a) => a.description.text).sort()).toEqual(stored.map((a) => a.description).sort());
    const agreementIds = stored.map((a) => a.id);
    const progress = await handle.db.$count(agreementActions, inArray(agreementActions.agreementId, agreementIds));
    const moves = await handle.db.$count(agreementDueChanges, inArray(agreementDueChanges.agreementId, agreementIds));
    expect(exported.flatMap((a) => a.progress)).toHaveLength(progress);
    expect(exported.flatMap((a) => a.dueChanges)).toHaveLength(moves);
    expect(progress).toBeGreaterThan(1);
    expect(moves).toBe(2);
    const blocked = exported.find((a) => a.blockedReason)!;
    expect(blocked.blockedReason!.text).toBe('Wachtlijst van zes weken; geen voorrang mogelijk.');
  });

  it('holds his agenda items with their minutes, and his signals with their notes', async () => {
    const items = doc.cases[0]!.agendaItems;
    expect(items).toHaveLength(1);
    expect(items[0]!.minutes!.text).toContain('Veiligheidsplan in de maak.');
    expect(items[0]!.outcome!.text).toBe('Veilig Thuis maakt het veiligheidsplan; GGZ zoekt voorrang.');
    const stored = await handle.db.$count(signals, inArray(signals.caseId, [janId, secondId]));
    expect(stored).toBeGreaterThan(0);
    expect(doc.cases.flatMap((c) => c.signals)).toHaveLength(stored);
    expect(doc.cases[0]!.signals.find((s) => s.resolutionNote)?.resolutionNote?.text).toBe(RESOLUTION);
  });

  it('holds the access log by organisation and role, never a staff name or address outside free text', () => {
    const partnerView = doc.accessLog.find((e) => e.action === 'view' && e.organisationName === 'Politie Midden-Nederland');
    expect(partnerView).toMatchObject({ role: 'professional', entity: 'case', outcome: 'allowed', details: { view: 'shared' } });
    expect(doc.accessLog.map((e) => e.caseNumber)).toEqual(expect.arrayContaining(doc.cases.map((c) => c.number)));
    for (const entry of doc.accessLog) expect(Object.keys(entry).sort()).toEqual(['action', 'at', 'caseNumber', 'details', 'entity', 'organisationName', 'outcome', 'role']);
    // Ingrid Bakker (regisseur) made and changed everything; Mark Jansen (politie) viewed the case.
    expect(json).not.toContain('Ingrid Bakker');
    expect(json).not.toContain('Mark Jansen');
    expect(json).not.toMatch(/"ip"|userName|@example\.org/);
  });

  it('contains no other subject’s name, case number, story, agreement, progress or minutes', async () => {
    const ids = doc.cases.map((c) => c.id);
    const others = (await allCases()).filter((c) => !ids.includes(c.id));
    expect(others.length).toBeGreaterThan(10);
    for (const other of others) {
      expect(json, other.number).not.toContain(other.number);
      // The namesake shares only the name, which is the subject's own: his number, date and story must not show.
      if (other.name !== SUBJECT.name) expect(json, other.number).not.toContain(other.name);
      if (other.birthDate !== SUBJECT.birthDate) expect(json, other.number).not.toContain(other.birthDate);
      expect(json, other.number).not.toContain(other.reason);
      expect(json, other.number).not.toContain(other.goal);
    }
    const otherIds = others.map((o) => o.id);
    const texts = [
      ...(await handle.db.select({ text: agreements.description }).from(agreements).where(notInArray(agreements.caseId, ids))),
      ...(await queryRows<{ text: string }>(
        handle.db,
        sql`select a.note as text from agreement_actions a join agreements g on g.id = a.agreement_id
            where a.note is not null and g.case_id not in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
      )),
      ...(await handle.db.select({ text: agendaItems.minutes }).from(agendaItems).where(inArray(agendaItems.caseId, otherIds))),
      ...(await handle.db.select({ text: agendaItems.outcome }).from(agendaItems).where(inArray(agendaItems.caseId, otherIds))),
    ].flatMap((r) => (r.text ? [r.text] : []));
    expect(texts.length).toBeGreaterThan(15);
    for (const text of texts) expect(json).not.toContain(JSON.stringify(text).slice(1, -1));
  });

  it('flags the names of other people in free text for review, and not his own', () => {
    const note = doc.cases[0]!.agreements.flatMap((a) => a.progress).find((p) => p.note?.text === NOTE)!.note!;
    expect(note.flags.map((f) => [f.text, f.reason])).toEqual([
      ['Fatima Ouali', 'staff-name'],
      ['Bram Kuiper', 'contact-name'],
      ['Kees Hoogland', 'name-like'],
    ]);
    expect(doc.cases[1]!.reason.flags).toEqual([]);
    expect(doc.cases[0]!.agendaItems[0]!.outcome!.flags).toEqual([]);
    const texts = collectFreeTexts(doc.cases);
    expect(doc.redactionReview).toEqual({
      flaggedFields: texts.filter((t) => t.flags.length).length,
      flags: texts.reduce((n, t) => n + t.flags.length, 0),
    });
    expect(doc.redactionReview.flags).toBeGreaterThanOrEqual(3);
  });
});

describe('auditing and access', () => {
  const exportRows = (caseId: string) =>
    queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where action = 'export' and entity = 'subject-access' and case_id = ${caseId}`,
    ).then((r) => r[0]!.n);

  it('records every export once per case it covers, before reading the log it contains', async () => {
    const before = [await exportRows(janId), await exportRows(secondId)];
    const doc = await subjectAccessExport(actors.regisseur!, secondId, 'html');
    expect([await exportRows(janId), await exportRows(secondId)]).toEqual([before[0]! + 1, before[1]! + 1]);
    const own = doc.accessLog.filter((e) => e.action === 'export' && e.entity === 'subject-access' && e.details.format === 'html');
    expect(own.map((e) => e.caseNumber).sort()).toEqual(doc.cases.map((c) => c.number).sort());
    expect(own.every((e) => e.organisationName === 'Zorg- en Veiligheidshuis Regio Utrecht' && e.role === 'regisseur')).toBe(true);
    // The export is the last thing in its own log.
    expect(doc.accessLog.slice(-own.length)).toEqual(own);
    const [row] = await queryRows<{ entityId: string; details: { cases: number } }>(
      handle.db,
      sql`select entity_id as "entityId", details from audit_log where action = 'export' and case_id = ${janId} order by id desc limit 1`,
    );
    expect(row).toEqual({ entityId: secondId, details: { format: 'html', cases: 2 } });
  });

  it.each([
    ['reclassering', 'NOT_FOUND', 'a professional whose organisation is not convened'],
    ['politie', 'FORBIDDEN', 'a professional of a convened organisation'],
    ['manager', 'FORBIDDEN', 'a manager'],
    ['admin', 'NOT_FOUND', 'an admin'],
  ])('refuses %s (%s): %s, and audits the attempt', async (who, code) => {
    const actor = actors[who]!;
    const denied = () =>
      queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from audit_log where user_id = ${actor.userId} and outcome = 'denied'
            and details->>'attempted' = 'case.subjectAccess' and case_id = ${janId}`,
      ).then((r) => r[0]!.n);
    const [deniedBefore, exportsBefore] = [await denied(), await exportRows(janId)];
    const error = await outcomeOf(subjectAccessExport(actor, janId));
    expect(error?.code).toBe(code);
    expect(await denied()).toBe(deniedBefore + 1);
    expect(await exportRows(janId)).toBe(exportsBefore);
  });

  it('answers a case that does not exist like a hidden one', async () => {
    const error = await outcomeOf(subjectAccessExport(actors.regisseur!, '00000000-0000-4000-8000-000000000000'));
    expect(error?.code).toBe('NOT_FOUND');
  });
});

describe('sameSubject', () => {
  it('ignores case and spacing, not letters or the date of birth', () => {
    expect(sameSubject(SUBJECT, { name: '  jan  de VRIES ', birthDate: '1984-03-12' })).toBe(true);
    expect(sameSubject(SUBJECT, { name: 'Jan de Vries', birthDate: '1984-03-13' })).toBe(false);
    expect(sameSubject(SUBJECT, { name: 'Jan de Vriës', birthDate: '1984-03-12' })).toBe(false);
  });
});
