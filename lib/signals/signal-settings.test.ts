import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { DEFAULT_STAGNATION_SETTINGS } from '@/lib/stagnation/settings';
import { signInAs } from '@/lib/testing/actors';
import {
  addEscalationContact,
  listEscalationContacts,
  readStagnationSettings,
  removeEscalationContact,
  updateStagnationSettings,
} from './manage-settings';

// The thresholds of signalling and the escalation contacts, as admins keep them (the signals: ./signals.test.ts).

let handle: DbHandle;
let regisseur: Actor;
let manager: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  manager = await signInAs('manager@example.org');
  admin = await signInAs('admin@example.org');
});
afterAll(() => closeDb());

describe('settings of signalling (admins)', () => {
  it('refuses thresholds that contradict each other, with the Dutch message, and keeps the old ones', async () => {
    const before = await readStagnationSettings(admin);
    expect(before).toMatchObject({ version: 0, settings: DEFAULT_STAGNATION_SETTINGS });
    await expect(
      updateStagnationSettings(admin, {
        version: 0,
        settings: { ...DEFAULT_STAGNATION_SETTINGS, toOrganisationContactWorkingDays: 8, toManagerWorkingDays: 6 },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'settings.toManagerWorkingDays': [expect.stringContaining('Deze drempels spreken elkaar tegen')] },
    });
    await expect(
      updateStagnationSettings(admin, { version: 0, settings: { ...DEFAULT_STAGNATION_SETTINGS, overdueGraceDays: -1 } }),
    ).rejects.toMatchObject({ fieldErrors: { 'settings.overdueGraceDays': ['mag niet negatief zijn'] } });
    expect(await readStagnationSettings(admin)).toEqual(before);
    const [stored] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from settings where key = 'stagnation'`);
    expect(stored!.n).toBe(0);
  });

  it('stores valid thresholds with a version, audited; a stale version is a 409; others get 404', async () => {
    const saved = await updateStagnationSettings(admin, { version: 0, settings: { ...DEFAULT_STAGNATION_SETTINGS, toManagerWorkingDays: 12 } });
    expect(saved.version).toBe(1);
    expect((await readStagnationSettings(admin)).settings.toManagerWorkingDays).toBe(12);
    await expect(
      updateStagnationSettings(admin, { version: 0, settings: DEFAULT_STAGNATION_SETTINGS }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [audited] = await queryRows<{ details: { changed: string[] } }>(
      handle.db,
      sql`select details from audit_log where entity = 'settings' and entity_id = 'stagnation' and action = 'update'`,
    );
    expect(audited!.details.changed).toEqual(['toManagerWorkingDays']);
    await expect(readStagnationSettings(regisseur)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateStagnationSettings(manager, { version: 1, settings: DEFAULT_STAGNATION_SETTINGS })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adds and removes escalation contacts of an organisation', async () => {
    const orgs = await listEscalationContacts(admin);
    const politie = orgs.find((o) => o.name === 'Politie Midden-Nederland')!;
    const { id } = await addEscalationContact(admin, { organisationId: politie.id, name: 'Teamchef Wijk', email: 'Teamchef@Politie.example' });
    await expect(
      addEscalationContact(admin, { organisationId: politie.id, name: 'Nog eens', email: 'teamchef@politie.example' }),
    ).rejects.toMatchObject({ fieldErrors: { email: ['Dit e-mailadres staat al bij deze organisatie.'] } });
    await expect(addEscalationContact(admin, { organisationId: politie.id, name: 'X', email: 'geen-adres' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(addEscalationContact(regisseur, { organisationId: politie.id, name: 'X', email: 'x@example.org' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await listEscalationContacts(admin)).find((o) => o.id === politie.id)!.contacts).toEqual([
      { id, name: 'Teamchef Wijk', email: 'teamchef@politie.example' },
    ]);
    await removeEscalationContact(admin, { contactId: id });
    expect((await listEscalationContacts(admin)).find((o) => o.id === politie.id)!.contacts).toEqual([]);
    await expect(removeEscalationContact(admin, { contactId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
