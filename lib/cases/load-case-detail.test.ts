/**
 * The case page reads everything it shows in one transaction (loadCaseDetail), with a fixed number of
 * statements whatever the number of agreements, and shows the same as the separate reads it replaced.
 * Before: a regisseur's page on a case with three agreements took 49 statements in 14 transactions (one
 * getCase, listPartners, listCaseAgreements, getTimeline, … and two transactions per agreement's history).
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { auditLog } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { createAgreement } from '@/lib/agreements/create-agreement';
import { agreementHistory, listCaseAgreements } from '@/lib/agreements/list-agreements';
import type { Actor } from '@/lib/actor';
import { caseSignals } from '@/lib/signals/list-signals';
import { signInAs } from '@/lib/testing/actors';
import { outcome } from '@/lib/testing/outcome';
import { countingDatabase } from '@/lib/testing/statement-count';
import { getTimeline } from './case-page';
import { getCase } from './get-case';
import { loadCaseDetail } from './load-case-detail';
import { listPartners } from './partners';
import { createReferral } from './refer';

const NOW = new Date('2026-03-10T10:00:00+01:00');

/** What the old page needed for a regisseur on a case with three agreements was 49 and 14. */
const MAX_STATEMENTS = 25;

let handle: DbHandle;
let counted: Awaited<ReturnType<typeof countingDatabase>>;
let regisseur: Actor, politie: Actor, manager: Actor, admin: Actor;
let busy: string, hidden: string, closed: string;

const views = async (caseId: string) =>
  (await handle.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'view'))))[0]!.n;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  manager = await signInAs('manager@example.org');
  admin = await signInAs('admin@example.org');
  const agreementsOf = sql`(select count(*) from agreements a where a.case_id = c.id)`;
  const convened = sql`exists (select 1 from case_partners p where p.case_id = c.id and p.organisation_id = ${politie.organisationId} and p.ended_at is null)`;
  const first = async (query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(handle.db, query))[0]!.id;
  busy = await first(sql`select c.id from cases c where ${convened} order by ${agreementsOf} desc, c.number limit 1`);
  hidden = await first(sql`select c.id from cases c where not ${convened} and c.referrer_user_id <> ${politie.userId} order by c.number limit 1`);
  closed = await first(sql`select id from cases where status = 'afgesloten' order by number limit 1`);
  counted = await countingDatabase(handle);
});
afterAll(() => closeDb());

describe('the case page read', () => {
  it('is one transaction of a bounded number of statements, however many agreements the case has', async () => {
    const onBusy = await counted(() => loadCaseDetail(regisseur, busy, { now: NOW }));
    expect(onBusy.value.view === 'full' && onBusy.value.agreements.length).toBeGreaterThanOrEqual(3);
    expect(onBusy.transactions).toBe(1);
    expect(onBusy.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS);
    // Histories are read for all agreements at once: three agreements more cost no statement more.
    const owner = (await listPartners(regisseur, busy)).find((p) => !p.endedAt)!.organisationId;
    for (const description of ['Eerste extra afspraak.', 'Tweede extra afspraak.', 'Derde extra afspraak.']) {
      await createAgreement(regisseur, busy, { description, ownerOrganisationId: owner, dueDate: '2026-04-01' }, NOW);
    }
    const onMore = await counted(() => loadCaseDetail(regisseur, busy, { now: NOW }));
    expect(onMore.value.view === 'full' && onMore.value.agreements.length).toBe(
      onBusy.value.view === 'full' ? onBusy.value.agreements.length + 3 : NaN,
    );
    expect(onMore.statements.length).toBe(onBusy.statements.length);
    expect(onMore.transactions).toBe(1);

    for (const actor of [politie, manager]) {
      const read = await counted(() => loadCaseDetail(actor, busy, { now: NOW }));
      expect(read.transactions).toBe(1);
      expect(read.statements.length).toBeLessThan(onBusy.statements.length);
    }
    const onClosed = await counted(() => loadCaseDetail(regisseur, closed, { now: NOW }));
    expect(onClosed.transactions).toBe(1);
    expect(onClosed.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS + 1);
  });

  it('shows a regisseur what the separate reads show, and records one view', async () => {
    const viewsBefore = await views(busy);
    const detail = await loadCaseDetail(regisseur, busy, { now: NOW });
    expect(await views(busy)).toBe(viewsBefore + 1);
    if (detail.view !== 'full') throw new Error(`expected the full view, got ${detail.view}`);
    // The access log the regisseur sees already holds this very opening.
    expect(detail.work?.accessLog?.[0]).toMatchObject({ action: 'view', caseNumber: detail.case.number });

    expect(await getCase(regisseur, busy)).toEqual(detail.case);
    expect(detail.partners).toEqual(await listPartners(regisseur, busy));
    expect(detail.agreements).toEqual(await listCaseAgreements(regisseur, busy, {}, NOW));
    expect(detail.timeline).toEqual(await getTimeline(regisseur, busy));
    expect(detail.signals).toEqual(await caseSignals(regisseur, busy));
    expect(detail.histories.size).toBe(detail.agreements.length);
    for (const agreement of detail.agreements) {
      expect(detail.histories.get(agreement.id)).toEqual(await agreementHistory(regisseur, agreement.id));
    }
    expect(detail.histories.values().some((h) => h.actions.length > 0)).toBe(true);
    expect(detail.work?.municipalities.length).toBeGreaterThan(0);
    expect(detail.work?.regisseurs.map((r) => r.id)).toContain(regisseur.userId);
    expect(detail.work?.retention).toBeNull();
    expect((await loadCaseDetail(regisseur, closed, { now: NOW })).view === 'full').toBe(true);
  });

  it('gives a convened partner the shared view without the regisseur’s work, a manager facts only', async () => {
    const shared = await loadCaseDetail(politie, busy, { now: NOW });
    expect(shared).toMatchObject({ view: 'shared', work: null, signals: null });
    if (shared.view !== 'shared') throw new Error('expected the shared view');
    expect(shared.agreements).toEqual(await listCaseAgreements(politie, busy, {}, NOW));
    expect(shared.timeline.length).toBeGreaterThan(0);

    const facts = await loadCaseDetail(manager, busy, { now: NOW });
    expect(facts.view).toBe('pseudonymised');
    if (facts.view !== 'pseudonymised') throw new Error('expected the pseudonymised view');
    expect(facts).not.toHaveProperty('histories');
    expect(facts.partners.every((p) => p.reason === undefined)).toBe(true);
    expect(facts.agreements.every((a) => a.description === '')).toBe(true);
    expect(facts.signals).toEqual(await caseSignals(manager, busy));
  });

  it('gives a referrer only the receipt, and hides the case from whoever may not know it', async () => {
    const referred = await createReferral(
      politie,
      {
        subject: { name: 'Iris Ontvangst', birthDate: '1990-01-01', address: null },
        municipalityCode: 'GM0344',
        targetGroup: 'overlast',
        criteria: { multiDomain: true, multiChain: true, household: false, localSafety: false },
        reason: 'Overlast in de buurt.',
        goal: 'Rust in de straat.',
      },
      NOW,
    );
    const receipt = await loadCaseDetail(politie, referred.id, { now: NOW });
    expect(Object.keys(receipt)).toEqual(['view', 'case']);
    expect(receipt).toMatchObject({ view: 'receipt', case: { view: 'receipt', number: referred.number } });
    expect(JSON.stringify(receipt)).not.toContain('Iris');
    expect(await outcome(loadCaseDetail(admin, busy))).toBe('NOT_FOUND');
    expect(await outcome(loadCaseDetail(politie, hidden))).toBe('NOT_FOUND');
  });
});
