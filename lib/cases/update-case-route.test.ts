// First: it sets up the request scopes Next's modules expect before any of them loads.
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';
import { asc, eq, gt, and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseEvents, cases } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { getCase } from './get-case';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-10T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

let handle: DbHandle;
let cookie: string;
let caseId: string;

const patch = (body: unknown) =>
  callRoute(
    '/api/v1/cases/{id}',
    new Request(`${ORIGIN}/api/v1/cases/${caseId}`, {
      method: 'PATCH',
      headers: { cookie, origin: ORIGIN, host: 'localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { id: caseId },
  );

const lastAuditId = async () =>
  (await handle.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).at(-1)?.id ?? 0;

const auditSince = (id: number) =>
  handle.db
    .select({ action: auditLog.action, entity: auditLog.entity, caseId: auditLog.caseId, details: auditLog.details })
    .from(auditLog)
    .where(gt(auditLog.id, id))
    .orderBy(asc(auditLog.id));

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ cookie } = await signedInBrowser('regisseur@example.org'));
  const [row] = await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'actief')).orderBy(asc(cases.number)).limit(1);
  caseId = row!.id;
});
afterAll(() => closeDb());

describe('PATCH /api/v1/cases/{id}', () => {
  it('answers the case as the edit left it, with the audit entry of the edit and no "view" entry', async () => {
    const before = await handle.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    const version = before[0]!.version;
    const mark = await lastAuditId();

    const response = await patch({ goal: 'Een woning en dagbesteding binnen drie maanden.', version });

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: caseId, view: 'full', goal: 'Een woning en dagbesteding binnen drie maanden.', version: version + 1 });
    expect(await auditSince(mark)).toEqual([{ action: 'update', entity: 'case', caseId, details: { fields: ['goal'] } }]);
    const events = await handle.db
      .select({ kind: caseEvents.kind, data: caseEvents.data })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'edit')));
    expect(events.at(-1)).toEqual({ kind: 'edit', data: { fields: ['goal'] } });
    // The same case a read answers (which, unlike the edit, is recorded as a view).
    expect(body).toEqual(JSON.parse(JSON.stringify(await getCase((await signedInBrowser('regisseur@example.org')).actor, caseId))));
  });

  it('answers 409 on a stale version and writes nothing', async () => {
    const mark = await lastAuditId();
    const response = await patch({ goal: 'Ouder doel.', version: 1 });
    expect(response.status).toBe(409);
    expect(await auditSince(mark)).toEqual([]);
  });
});
