import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { auditLog, organisations } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { outcome as code } from '@/lib/testing/outcome';
import { addCaseContact, listCaseContacts } from './case-contacts';
import { getTimeline } from './case-page';
import { getCase } from './get-case';
import { addPartner } from './partners';
import { createReferral } from './refer';
import { caseContactSchema, phoneReferralSchema, referralSchema, type ReferralInput } from './schemas';

const NOW = new Date('2026-10-01T09:00:00Z');

let handle: DbHandle;
let regisseur: Actor, politie: Actor, ggz: Actor, manager: Actor, admin: Actor;

const base: ReferralInput = {
  subject: { name: 'Ruud Telefoonmelding', birthDate: '1970-05-05', address: null },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Melding van het wijkteam.',
  goal: 'Zicht op de situatie.',
};

const orgId = async (name: string) =>
  (await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  ggz = await signInAs('ggz@example.org');
  manager = await signInAs('manager@example.org');
  admin = await signInAs('admin@example.org');
});
afterAll(() => closeDb());

describe('the referrer of a referral', () => {
  let caseId: string;

  it('records an outside party and a contact, shown as who referred, stored encrypted', async () => {
    const referrer = { organisationName: 'Wijkteam Noordoost', contactName: 'Fatima el Amrani', contactDetails: '06-12345678' };
    const created = await createReferral(regisseur, referralSchema.parse({ ...base, referrer }), NOW);
    caseId = created.id;
    const seen = await getCase(regisseur, caseId);
    expect(seen).toMatchObject({ view: 'full', referredBy: referrer, referrer: { id: regisseur.userId } });
    const [raw] = await queryRows<Record<string, string>>(
      handle.db,
      sql`select referred_by_organisation_name, referrer_contact_name, referrer_contact_details from cases where id = ${caseId}`,
    );
    for (const value of Object.values(raw!)) expect(value).toMatch(/^enc:v1:/);
    expect(JSON.stringify(raw)).not.toContain('Fatima');
  });

  it('records an organisation of the house by its id', async () => {
    const created = await createReferral(
      regisseur,
      referralSchema.parse({ ...base, referrer: { organisationId: await orgId('Politie Midden-Nederland'), contactName: 'Wijkagent De Boer' } }),
      NOW,
    );
    expect(await getCase(regisseur, created.id)).toMatchObject({
      referredBy: { organisationName: 'Politie Midden-Nederland', contactName: 'Wijkagent De Boer', contactDetails: null },
    });
    const unknown = referralSchema.parse({ ...base, referrer: { organisationId: '00000000-0000-4000-8000-000000000000', contactName: 'X' } });
    expect(await code(createReferral(regisseur, unknown, NOW))).toBe('VALIDATION');
  });

  it('keeps the API compatible (no referrer) and refuses an organisation named twice or not at all', async () => {
    expect(referralSchema.safeParse(base).success).toBe(true);
    const both = referralSchema.safeParse({ ...base, referrer: { organisationId: await orgId('Altrecht GGZ'), organisationName: 'Wijkteam', contactName: 'A' } });
    expect(both.success).toBe(false);
    expect(both.error!.issues[0]!.path).toEqual(['referrer', 'organisationName']);
    expect(referralSchema.safeParse({ ...base, referrer: { contactName: 'A' } }).success).toBe(false);
    // The regisseur's form: without a referrer she refers herself; with one, a contact person is required.
    expect(phoneReferralSchema.safeParse(base).success).toBe(true);
    const noContact = phoneReferralSchema.safeParse({ ...base, referrer: { organisationName: 'Wijkteam' } });
    expect(noContact.error!.issues.map((i) => i.path.join('.'))).toEqual(['referrer.contactName']);
  });
});

describe('the case journal of contacts', () => {
  let caseId: string;
  const contact = { kind: 'telefoon' as const, contactDate: '2026-09-30', organisation: 'Wijkteam Noordoost', note: 'Moeder belde: situatie verslechterd.' };

  beforeAll(async () => {
    caseId = (await createReferral(regisseur, base, NOW)).id;
    await addPartner(regisseur, caseId, { organisationId: await orgId('Politie Midden-Nederland'), reason: 'Wijkagent' });
  });

  it('is written by a regisseur, audited, encrypted, and shown in the timeline', async () => {
    const { id } = await addCaseContact(regisseur, caseId, contact, NOW);
    const timeline = await getTimeline(regisseur, caseId);
    expect(timeline.find((i) => i.kind === 'contact')).toMatchObject({ kind: 'contact', contact: 'telefoon', contactDate: '2026-09-30', organisationName: 'Wijkteam Noordoost', reason: contact.note });
    const [raw] = await queryRows<{ organisation: string; note: string }>(handle.db, sql`select organisation, note from case_contacts where id = ${id}`);
    expect(raw!.note).toMatch(/^enc:v1:/);
    expect(raw!.organisation).toMatch(/^enc:v1:/);
    const entries = await handle.db.select().from(auditLog).where(and(eq(auditLog.entity, 'case-contact'), eq(auditLog.entityId, id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', caseId, userId: regisseur.userId, details: { kind: 'telefoon' } });
    expect(JSON.stringify(entries[0]!.details)).not.toContain('Moeder');
  });

  it('is read by a convened professional as the timeline allows, and by no one else', async () => {
    expect((await getTimeline(politie, caseId)).some((i) => i.kind === 'contact')).toBe(true);
    expect(await listCaseContacts(politie, caseId)).toHaveLength(1);
    expect(await code(listCaseContacts(ggz, caseId))).toBe('NOT_FOUND');
    expect(await code(listCaseContacts(admin, caseId))).toBe('NOT_FOUND');
    expect(await listCaseContacts(manager, caseId)).toEqual([]);
  });

  it('is written by regisseurs only', async () => {
    expect(await code(addCaseContact(politie, caseId, contact, NOW))).toBe('FORBIDDEN');
    expect(await code(addCaseContact(ggz, caseId, contact, NOW))).toBe('NOT_FOUND');
    expect(await code(addCaseContact(manager, caseId, contact, NOW))).toBe('FORBIDDEN');
    expect(await listCaseContacts(regisseur, caseId)).toHaveLength(1);
  });

  it('refuses a bad kind, a date in the future or no note, with a message per field', async () => {
    const bad = caseContactSchema.safeParse({ kind: 'fax', contactDate: '2999-01-01', organisation: 'X', note: ' ' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['contactDate', 'kind', 'note']);
    expect(caseContactSchema.safeParse({ ...contact, contactDate: '2026-02-30' }).success).toBe(false);
  });
});
