/**
 * "An admin cannot grant themselves case access." Functioneel beheer sees no case content by design
 * (lib/access/matrix.ts); these tests prove that no admin screen opens a way around it.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, casePartners, cases, organisations } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asUser } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { getCase } from '@/lib/cases/get-case';
import { addPartner } from '@/lib/cases/partners';
import { databaseError } from '@/lib/testing/db-error';
import { signInAs } from '@/lib/testing/actors';
import { changeUserAccess } from '@/lib/users/manage-users';
import { createOrganisation } from './organisations';
import { outcomeOf, userByEmail } from './testing';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const anyCase = async () => (await handle.db.select({ id: cases.id, number: cases.number }).from(cases).limit(1))[0]!;

describe('an admin and cases', () => {
  it('gets 404 on a case, and the attempt is in the audit log of that case', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await anyCase();
    expect(await outcomeOf(getCase(admin, target.id))).toMatchObject({ code: 'NOT_FOUND', message: 'Casus niet gevonden.' });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.userId), eq(auditLog.caseId, target.id), eq(auditLog.action, 'denied')));
    expect(entry).toMatchObject({ outcome: 'denied', caseNumber: target.number, details: { attempted: 'case.view' } });
  });

  it('cannot convene an organisation as partner of a case: not through the app, not in the database', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await anyCase();
    const { id: ownPartner } = await createOrganisation(admin, { name: 'Beheerpartner', shortName: 'Beheer', domain: 'overig' });
    const attempt = await outcomeOf(addPartner(admin, target.id, { organisationId: ownPartner, reason: 'Ik wil meekijken.' }));
    expect(attempt.code).toBe('NOT_FOUND');
    // Row-level security refuses the same row written directly as the admin (the second line of defence).
    const message = await databaseError(
      asUser(admin.userId, (tx) =>
        tx.insert(casePartners).values({ caseId: target.id, organisationId: admin.organisationId, reason: 'meekijken', addedByUserId: admin.userId }),
      ),
    );
    expect(message).toMatch(/row-level security/);
    const rows = await handle.db.select().from(casePartners).where(and(eq(casePartners.caseId, target.id), eq(casePartners.organisationId, ownPartner)));
    expect(rows).toHaveLength(0);
  });

  it('cannot give themselves a case role or move into a partner organisation', async () => {
    const admin = await signInAs('admin@example.org');
    const self = await userByEmail(handle, 'admin@example.org');
    const [politie] = await handle.db.select().from(organisations).where(eq(organisations.shortName, 'Politie'));
    for (const attempt of [
      { role: 'regisseur' as const, organisationId: self.organisationId },
      { role: 'manager' as const, organisationId: self.organisationId },
      { role: 'professional' as const, organisationId: politie!.id },
      { role: 'admin' as const, organisationId: politie!.id },
    ]) {
      expect((await outcomeOf(changeUserAccess(admin, { userId: self.id, version: self.version, ...attempt }))).code).toBe('FORBIDDEN');
    }
    expect(await userByEmail(handle, 'admin@example.org')).toMatchObject({ role: 'admin', organisationId: self.organisationId });
    // Still nothing to see after all those attempts.
    expect((await outcomeOf(getCase(await signInAs('admin@example.org'), (await anyCase()).id))).code).toBe('NOT_FOUND');
  });
});
