import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { auditLog, organisations } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { addPartner } from '@/lib/cases/partners';
import { createReferral } from '@/lib/cases/refer';
import type { ReferralInput } from '@/lib/cases/schemas';
import { dataSubjectRequestFigures } from '@/lib/dashboard/data-subject-requests';
import { signInAs } from '@/lib/testing/actors';
import { databaseError } from '@/lib/testing/db-error';
import { outcome, refusal } from '@/lib/testing/outcome';
import { extendTerm, sendCombinedAnswer } from './change-request';
import { findCasesOfPerson } from './find-cases';
import { getRequest } from './get-request';
import { listRequests } from './list-requests';
import { registerRequest } from './register-request';
import { answerTask, getTask, listOwnTasks } from './tasks';

const NOW = new Date('2026-03-20T10:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

let handle: DbHandle;
let regisseur: Actor, politie: Actor, ggz: Actor, gemeente: Actor, manager: Actor, admin: Actor;
const theirs: string[] = [];
let namesake = '';

const person = (name: string, birthDate: string): ReferralInput => ({
  subject: { name, birthDate, address: null },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Aanhoudende overlast.',
  goal: 'Rust in de buurt.',
});

const orgOf = async (name: string) => (await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;

const registration = (caseIds: string[]) => ({
  name: 'Jorien van Dalfsen',
  birthDate: '1984-05-02',
  requesterContact: 'jorien@example.net',
  kind: 'inzage',
  receivedOn: '2026-03-16',
  identityCheck: 'balie',
  identityNote: 'Paspoort getoond aan de balie.',
  caseIds,
});

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  [regisseur, politie, ggz, gemeente, manager, admin] = (await Promise.all(
    ['regisseur', 'politie', 'ggz', 'gemeente', 'manager', 'admin'].map((n) => signInAs(`${n}@example.org`)),
  )) as [Actor, Actor, Actor, Actor, Actor, Actor];
  // Two cases of Jorien: politie is convened to the first, ggz to both; gemeente to neither.
  for (const [i, orgs] of [['Politie Midden-Nederland', 'Altrecht GGZ'], ['Altrecht GGZ']].entries()) {
    const c = await createReferral(regisseur, person('Jorien van Dalfsen', '1984-05-02'), new Date(NOW.getTime() - (10 - i) * 3_600_000));
    for (const org of orgs) await addPartner(regisseur, c.id, { organisationId: await orgOf(org), reason: 'Betrokken.' }, NOW);
    theirs.push(c.id);
  }
  // A namesake born on another day is not hers.
  namesake = (await createReferral(regisseur, person('Jorien van Dalfsen', '1990-01-01'), NOW)).id;
});
afterAll(() => closeDb());

describe('registering a data-subject request at the contact point', () => {
  it('finds the person’s cases by name and birth date, with the partners convened to each', async () => {
    const found = await findCasesOfPerson(regisseur, { name: 'jorien van  dalfsen', birthDate: '1984-05-02' });
    expect(found.map((c) => c.id).sort()).toEqual([...theirs].sort());
    expect(found.find((c) => c.id === theirs[0])!.partners.map((p) => p.name).sort()).toEqual(['Altrecht GGZ', 'Politie Midden-Nederland']);
  });

  it('refuses a case the matching did not find for the person, and writes nothing', async () => {
    const error = await refusal(registerRequest(regisseur, registration([theirs[0]!, namesake]), NOW));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.caseIds).toEqual(['Kies alleen casussen die bij deze persoon zijn gevonden.']);
    const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from data_subject_requests`);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a date of receipt after today, in Amsterdam', async () => {
    const error = await refusal(registerRequest(regisseur, { ...registration([]), receivedOn: '2026-03-21' }, NOW));
    expect(error.fieldErrors?.receivedOn).toBeDefined();
  });

  it('is the regisseur’s only: a professional, manager or admin gets 404 and the attempt is logged', async () => {
    for (const actor of [politie, manager, admin]) {
      expect(await outcome(registerRequest(actor, registration(theirs), NOW))).toBe('NOT_FOUND');
      expect(await outcome(listRequests(actor, NOW))).toBe('NOT_FOUND');
    }
    const denied = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'data-subject-request'), eq(auditLog.outcome, 'denied')));
    expect(denied[0]!.n).toBe(6);
  });
});

describe('a request from registration to the combined answer', () => {
  let requestId = '';
  let politieTask = '';
  let ggzTask = '';

  it('gives every partner convened to the cases one task, with the term of a month from receipt', async () => {
    const created = await registerRequest(regisseur, registration(theirs), NOW);
    requestId = created.id;
    expect(created).toMatchObject({ dueOn: '2026-04-16', tasks: 2 });
    const request = await getRequest(regisseur, requestId, NOW);
    expect(request.tasks.map((t) => [t.organisation, t.status])).toEqual([
      ['Altrecht GGZ', 'open'],
      ['Politie Midden-Nederland', 'open'],
    ]);
    expect(request.countdown).toEqual({ state: 'left', days: 27 });
    politieTask = (await listOwnTasks(politie, NOW))[0]!.id;
    ggzTask = (await listOwnTasks(ggz, NOW))[0]!.id;
  });

  it('shows a partner its own task only: the kind and term, not who asked nor another partner’s answer', async () => {
    const task = await getTask(politie, politieTask, NOW);
    expect(task).toMatchObject({ kind: 'inzage', dueOn: '2026-04-16', status: 'open' });
    expect(JSON.stringify(task)).not.toContain('Jorien');
    expect(await listOwnTasks(gemeente, NOW)).toEqual([]);
    // Another organisation's task is a 404, logged, for reading and answering alike; so is a task of no one.
    expect(await outcome(getTask(gemeente, politieTask, NOW))).toBe('NOT_FOUND');
    expect(await outcome(answerTask(ggz, politieTask, { version: 1, noData: true }, NOW))).toBe('NOT_FOUND');
    expect(await outcome(getTask(politie, '00000000-0000-4000-8000-000000000000', NOW))).toBe('NOT_FOUND');
    expect(await outcome(getTask(regisseur, politieTask, NOW))).toBe('NOT_FOUND');
    // Underneath, row-level security shows ggz's people no other organisation's task nor any request.
    const seen = await asUser(ggz.userId, (tx) =>
      queryRows<{ tasks: number; requests: number }>(
        tx,
        sql`select (select count(*)::int from data_subject_request_tasks) as tasks, (select count(*)::int from data_subject_requests) as requests`,
      ),
    );
    expect(seen[0]).toEqual({ tasks: 1, requests: 0 });
    // Nor can they answer another organisation's task, or write a request, past lib/ straight into SQL.
    const changed = await asUser(ggz.userId, (tx) =>
      queryRows<{ id: string }>(tx, sql`update data_subject_request_tasks set status = 'answered' where id = ${politieTask} returning id`),
    );
    expect(changed).toEqual([]);
    const insert = asUser(ggz.userId, (tx) =>
      tx.execute(sql`insert into data_subject_requests (kind, requester_name, requester_contact, received_on, identity_check, identity_note, due_on, registered_by)
                     values ('inzage', 'x', 'x', '2026-03-01', 'digid', '', '2026-04-01', ${ggz.userId})`),
    );
    expect(await databaseError(insert)).toMatch(/row-level security/);
  });

  it('extends the term once, with a reason, for the partners too; a stale version is a 409', async () => {
    expect((await refusal(extendTerm(regisseur, requestId, { version: 1, months: 2, reason: 'kort' }, NOW))).status).toBe(422);
    const extended = await extendTerm(regisseur, requestId, { version: 1, months: 2, reason: 'Veel partners, omvangrijke dossiers.' }, NOW);
    expect(extended.term).toBe('2026-06-16');
    expect((await getTask(ggz, ggzTask, NOW)).dueOn).toBe('2026-06-16');
    expect((await refusal(extendTerm(regisseur, requestId, { version: 1, months: 1, reason: 'Nog een keer verlengen.' }, NOW))).status).toBe(409);
    expect((await refusal(extendTerm(regisseur, requestId, { version: 2, months: 1, reason: 'Nog een keer verlengen.' }, NOW))).message).toContain('al verlengd');
  });

  it('takes each partner’s answer once, at the version read', async () => {
    expect((await refusal(answerTask(politie, politieTask, { version: 1, noData: false, answer: '' }, NOW))).status).toBe(422);
    await answerTask(politie, politieTask, { version: 1, noData: false, answer: 'Twee registraties in BVH, bijgevoegd.' }, later(3));
    expect((await refusal(answerTask(politie, politieTask, { version: 1, noData: true }, later(3)))).status).toBe(409);
    expect((await getTask(politie, politieTask, later(3))).status).toBe('answered');
  });

  it('refuses the combined answer while a partner is still open', async () => {
    const error = await refusal(sendCombinedAnswer(regisseur, requestId, { version: 2, answerText: 'Uw gegevens.', answeredOn: '2026-03-25' }, later(5)));
    expect(error.message).toBe('Nog niet alle partners hebben geantwoord (1 open).');
  });

  it('closes the request with the combined answer once every partner answered, and audits each step', async () => {
    await answerTask(ggz, ggzTask, { version: 1, noData: true }, later(4));
    const request = await getRequest(regisseur, requestId, later(5));
    expect(request.tasks.map((t) => [t.organisation, t.status, t.noData])).toEqual([
      ['Altrecht GGZ', 'answered', true],
      ['Politie Midden-Nederland', 'answered', false],
    ]);
    const closed = await sendCombinedAnswer(regisseur, requestId, { version: 2, answerText: 'Bijgaand uw gegevens.', answeredOn: '2026-03-25' }, later(5));
    expect(closed.inTime).toBe(true);
    expect((await refusal(sendCombinedAnswer(regisseur, requestId, { version: 3, answerText: 'Nogmaals.', answeredOn: '2026-03-25' }, later(5)))).status).toBe(409);
    const steps = await queryRows<{ entity: string; action: string; details: Record<string, unknown> }>(
      handle.db,
      sql`select entity, action::text, details from audit_log where outcome = 'allowed' and entity like 'data-subject-request%' order by id`,
    );
    expect(steps.filter((s) => s.action !== 'view').map((s) => `${s.entity}:${s.action}`)).toEqual([
      'data-subject-request:create',
      'data-subject-request:update',
      'data-subject-request-task:update',
      'data-subject-request-task:update',
      'data-subject-request:update',
    ]);
    // No name reaches the audit log.
    expect(JSON.stringify(steps)).not.toContain('Jorien');
  });
});

describe('the dashboard line', () => {
  it('counts requests open, answered in time and overdue in the period, exact for a regisseur, suppressed for a manager', async () => {
    // A second request, received long ago and never answered: overdue.
    await registerRequest(regisseur, { ...registration([]), receivedOn: '2026-01-05' }, NOW);
    const query = { from: '2026-01-01', to: '2026-03-31' };
    expect(await dataSubjectRequestFigures(regisseur, query, later(5))).toEqual({ open: 0, answeredInTime: 1, overdue: 1 });
    expect(await dataSubjectRequestFigures(manager, query, later(5))).toEqual({ open: 0, answeredInTime: '< 5', overdue: '< 5' });
    expect(await outcome(dataSubjectRequestFigures(politie, query, later(5)))).toBe('FORBIDDEN');
  });
});
