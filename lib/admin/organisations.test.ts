import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { signInWithCredentials } from '@/lib/auth/credentials';
import { resolveSession } from '@/lib/auth/sessions';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';
import { signInAs } from '@/lib/testing/actors';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisations';
import { auditAbout, outcomeOf, userByEmail } from './testing';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const orgRow = async (shortName: string) => (await handle.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!;
const editOf = (org: Awaited<ReturnType<typeof orgRow>>) => ({
  id: org.id,
  name: org.name,
  shortName: org.shortName,
  domain: org.domain,
  active: org.active,
  version: org.version,
});

describe('organisations', () => {
  it('lists every organisation with its users and escalation contacts', async () => {
    const admin = await signInAs('admin@example.org');
    const counts = Object.fromEntries((await listOrganisations(admin)).map((o) => [o.shortName, o.userCount]));
    expect(counts).toMatchObject({ 'ZVH Utrecht': 4, Politie: 2, Altrecht: 1, OM: 0, Mitros: 0 });
  });

  it('creates one, audited; a name that exists (in any case) is a Dutch field error', async () => {
    const admin = await signInAs('admin@example.org');
    const { id } = await createOrganisation(admin, { name: 'Halt Midden-Nederland', shortName: 'Halt', domain: 'veiligheid' });
    expect(await getOrganisation(admin, id)).toMatchObject({ name: 'Halt Midden-Nederland', active: true, version: 1, users: [] });
    const [entry] = await auditAbout(handle, 'organisation', id);
    expect(entry).toMatchObject({ action: 'create', userId: admin.userId, details: { domain: 'veiligheid' } });
    const twice = await outcomeOf(createOrganisation(admin, { name: '  halt midden-nederland ', shortName: 'Halt 2', domain: 'veiligheid' }));
    expect(twice).toMatchObject({ code: 'VALIDATION', fieldErrors: { name: ['Er bestaat al een organisatie met deze naam.'] } });
    const empty = await outcomeOf(createOrganisation(admin, { name: ' ', shortName: '', domain: 'politie' }));
    expect(empty.fieldErrors).toEqual({ name: ['Vul een naam in.'], shortName: ['Vul een korte naam in.'], domain: ['Kies een domein.'] });
  });

  it('edits at the version read: a concurrent edit gets 409 and changes nothing', async () => {
    const admin = await signInAs('admin@example.org');
    const om = await orgRow('OM');
    await updateOrganisation(admin, { ...editOf(om), shortName: 'OM Midden' });
    const stale = await outcomeOf(updateOrganisation(admin, { ...editOf(om), name: 'Iets anders' }));
    expect(stale.code).toBe('CONFLICT');
    expect(await orgRow('OM Midden')).toMatchObject({ name: om.name, version: om.version + 1 });
    const renamed = await outcomeOf(updateOrganisation(admin, { ...editOf(await orgRow('OM Midden')), name: 'POLITIE Midden-Nederland' }));
    expect(renamed.fieldErrors).toEqual({ name: ['Er bestaat al een organisatie met deze naam.'] });
    const [entry] = await auditAbout(handle, 'organisation', om.id);
    expect(entry).toMatchObject({ action: 'update', details: { changed: ['shortName'] } });
  });

  it('deactivating stops its users: no sign-in, sessions end, and reactivating revives no old session', async () => {
    const admin = await signInAs('admin@example.org');
    const politie = await signInAs('politie@example.org');
    const version = (await userByEmail(handle, 'politie@example.org')).sessionVersion;
    const token = { userId: politie.userId, sessionId: politie.sessionId, sessionVersion: version };
    expect(await resolveSession(handle.db, token)).not.toBeNull();
    const org = await orgRow('Politie');
    await updateOrganisation(admin, { ...editOf(org), active: false });
    expect(await resolveSession(handle.db, token)).toBeNull();
    expect(await signInWithCredentials(handle.db, { email: 'politie@example.org', password: DEMO_PASSWORD }, {})).toEqual({ ok: false });
    const [entry] = await auditAbout(handle, 'organisation', org.id);
    expect(entry).toMatchObject({ action: 'update', details: { changed: ['active'], active: false, sessionsEnded: 2 } });

    await updateOrganisation(admin, { ...editOf(await orgRow('Politie')), active: true });
    expect(await resolveSession(handle.db, token)).toBeNull();
    expect((await signInAs('politie@example.org')).organisationName).toBe('Politie Midden-Nederland');
  });

  it('an admin cannot deactivate their own organisation: refused in Dutch, unchanged, audited', async () => {
    const admin = await signInAs('admin@example.org');
    const house = await orgRow('ZVH Utrecht');
    // The only admin: the refusal says that no admin would be left.
    const outcome = await outcomeOf(updateOrganisation(admin, { ...editOf(house), active: false }));
    expect(outcome).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Je kunt je eigen organisatie niet deactiveren: dan blijft er geen actieve functioneel beheerder over/),
    });
    expect(await orgRow('ZVH Utrecht')).toMatchObject({ active: true, version: house.version });
    const [entry] = await auditAbout(handle, 'organisation', house.id);
    expect(entry).toMatchObject({ action: 'denied', details: { attempted: 'organisation.deactivate', reason: 'last-admin' } });

    // With an admin elsewhere it is still refused: the admin would lock themselves out.
    const politie = await userByEmail(handle, 'politie@example.org');
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, politie.id));
    const again = await outcomeOf(updateOrganisation(admin, { ...editOf(house), active: false }));
    expect(again.message).toBe('Je kunt je eigen organisatie niet deactiveren: dan kun je je zelf niet meer aanmelden.');
    expect((await orgRow('ZVH Utrecht')).active).toBe(true);
    await handle.db.update(users).set({ role: 'professional' }).where(eq(users.id, politie.id));
  });

  it('a domain that does not fit its users is a field error', async () => {
    const admin = await signInAs('admin@example.org');
    const house = await orgRow('ZVH Utrecht');
    const outcome = await outcomeOf(updateOrganisation(admin, { ...editOf(house), domain: 'zorg' }));
    expect(outcome.code).toBe('VALIDATION');
    expect(outcome.fieldErrors?.domain?.[0]).toMatch(/^Dit domein past niet/);
    expect((await orgRow('ZVH Utrecht')).domain).toBe('veiligheidshuis');
  });

  it('is for admins only: anyone else gets 404 and an audit entry, and nothing changes', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const mitros = await orgRow('Mitros');
    expect((await outcomeOf(listOrganisations(regisseur))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(getOrganisation(regisseur, mitros.id))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(createOrganisation(regisseur, { name: 'Nep', shortName: 'Nep', domain: 'overig' }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(updateOrganisation(regisseur, { ...editOf(mitros), active: false }))).code).toBe('NOT_FOUND');
    expect(await orgRow('Mitros')).toMatchObject({ active: true, version: mitros.version });
    const denied = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, regisseur.userId), eq(auditLog.entity, 'organisation'), eq(auditLog.action, 'denied')));
    expect(denied).toHaveLength(4);
  });
});
