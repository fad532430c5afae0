/**
 * What a request costs the database in round trips: a case page and a progress entry, called through
 * Next's own route runner with a real session cookie, every statement counted on the driver (a BEGIN that
 * carries settings is one). The session check, the role switch and `app.user_id` are one statement in the
 * request's own transaction; no separate session transaction, BEGIN/role pair or COMMIT of its own.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementActions, agreements, auditLog, userSessions } from '@/db/schema';
import { onStatement } from '@/db/statement-log';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem } from '@/db/transaction';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { RATE_LIMITS } from '@/lib/auth/throttle';
import { callRoute, signedInBrowser, type SignedIn } from '@/lib/testing/next-request';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

let regisseur: SignedIn;
/** On PostgreSQL the session check travels with the BEGIN (one round trip); PGlite has no round trips to save. */
let withBegin = 0;
let caseId: string;
let agreementId: string;

async function counted(send: () => Promise<Response>): Promise<{ response: Response; statements: string[] }> {
  const statements: string[] = [];
  const stop = onStatement((text) => statements.push(text.replace(/\s+/g, ' ').trim()));
  try {
    const response = await send();
    await response.text();
    return { response, statements };
  } finally {
    stop();
  }
}

const request = (path: string, cookie: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { cookie, origin: ORIGIN, host: 'localhost:3000', 'content-type': 'application/json' } });

beforeAll(async () => {
  withBegin = (await useFreshDatabase({ demo: true, now: NOW })).kind === 'postgres' ? 1 : 0;
  regisseur = await signedInBrowser('regisseur@example.org');
  // An open agreement of a case the regisseur leads: the same user opens it and logs progress on it.
  const [open] = await asSystem((tx) =>
    tx.select({ id: agreements.id, caseId: agreements.caseId }).from(agreements).where(inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES])).limit(1),
  );
  caseId = open!.caseId;
  agreementId = open!.id;
}, 180_000);

afterAll(closeDb);

describe('round trips per request', () => {
  it('opens a case page in 5 statements: begin, session and role, the case reference, the case with its audit entry, commit', async () => {
    const { response, statements } = await counted(() => callRoute('/api/v1/cases/{id}', request(`/api/v1/cases/${caseId}`, regisseur.cookie), { id: caseId }));
    expect(response.status).toBe(200);
    // Was 9: a transaction of its own for the session (begin, read, commit), then begin, role, the case
    // reference, the case, the audit entry, commit.
    expect(statements, statements.join('\n')).toHaveLength(5 - withBegin);
    expect(statements.filter((s) => /^begin/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /^select set_config\('role'/.test(s))).toHaveLength(0);
    const viewed = await asSystem((tx) => tx.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'view'))));
    expect(viewed.length).toBeGreaterThan(0);
  });

  it('logs progress in 6 statements: begin, session and role, the case by agreement, the agreement locked with its owner, the entry with the update and its audit entry, commit', async () => {
    const body = JSON.stringify({ kind: 'voortgang', note: 'Gebeld met de hulpverlener.' });
    const { response, statements } = await counted(() =>
      callRoute('/api/v1/agreements/{id}/actions', request(`/api/v1/agreements/${agreementId}/actions`, regisseur.cookie, { method: 'POST', body }), { id: agreementId }),
    );
    expect(response.status).toBe(201);
    expect(statements.filter((s) => /^begin/i.test(s)), statements.join('\n')).toHaveLength(1);
    expect(statements.filter((s) => /^select set_config\('role'/.test(s))).toHaveLength(0);
    // Was 15: the session's transaction (3), the agreement's case looked up in one of its own (3), then begin,
    // role, case reference, owner check, lock, entry, update, audit entry, commit; 8 until the owner check
    // and the lock became one statement, and the entry, the update and its audit entry another.
    expect(statements, statements.join('\n')).toHaveLength(6 - withBegin);
    const [logged] = await asSystem((tx) => tx.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.entity, 'agreement-action'))));
    // The audit entry names the entry the same statement stored.
    const [entry] = await asSystem((tx) =>
      tx
        .select({ id: agreementActions.id })
        .from(agreementActions)
        .where(and(eq(agreementActions.agreementId, agreementId), eq(agreementActions.note, 'Gebeld met de hulpverlener.'))),
    );
    expect(logged).toMatchObject({ action: 'update', outcome: 'allowed', userId: regisseur.actor.userId, entityId: entry!.id });
  });

  it('searches by name in one transaction: the search limit is counted in it, not in one of the owner\'s', async () => {
    const { response, statements } = await counted(() => callRoute('/api/v1/cases', request('/api/v1/cases?q=de', regisseur.cookie)));
    expect(response.status).toBe(200);
    expect(statements.filter((s) => /^begin/i.test(s)), statements.join('\n')).toHaveLength(1);
    expect(statements.filter((s) => /^commit/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /consume_own_rate_limit/.test(s))).toHaveLength(1);
    // The counter is updated after the search: its row lock, held to the commit, would otherwise make the
    // user's other searches (another tab, search-as-you-type) wait for this whole search.
    const at = (pattern: RegExp) => statements.findIndex((s) => pattern.test(s));
    expect(at(/consume_own_rate_limit/)).toBeGreaterThan(at(/app_search_cases/));
    // Was 11: the parked session transaction committed, a transaction of the owner's for the count (3), then
    // begin, role, the list, its count, the audit entry, commit.
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(6 - withBegin);
  });

  it('refuses the search over the limit with 429 and Retry-After, and the refused search writes no audit entry', async () => {
    const searchesBefore = async () =>
      (await asSystem((tx) => tx.select().from(auditLog).where(and(eq(auditLog.userId, regisseur.actor.userId), eq(auditLog.action, 'search'))))).length;
    let last: Response | undefined;
    for (let i = 0; i <= RATE_LIMITS.search.limit; i++) {
      last = await callRoute('/api/v1/cases', request('/api/v1/cases?q=de', regisseur.cookie));
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    const logged = await searchesBefore();
    const refused = await callRoute('/api/v1/cases', request('/api/v1/cases?q=de', regisseur.cookie));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/zoekopdrachten/);
    expect(await searchesBefore()).toBe(logged);
    // The limit is on searches: the list without a term still answers.
    expect((await callRoute('/api/v1/cases', request('/api/v1/cases', regisseur.cookie))).status).toBe(200);
  });

  it('still refuses a signed-out session in the same single statement, and writes nothing for it', async () => {
    await asSystem((tx) => tx.update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, regisseur.actor.sessionId)));
    const { response, statements } = await counted(() => callRoute('/api/v1/cases/{id}', request(`/api/v1/cases/${caseId}`, regisseur.cookie), { id: caseId }));
    expect(response.status).toBe(401);
    expect(statements.filter((s) => !/^(begin|commit)/i.test(s))).toHaveLength(1 - withBegin);
    expect(statements.filter((s) => /session_check/.test(s))).toHaveLength(1);
  });
});

describe('a session check that fails with the BEGIN', () => {
  it('loses no connection when a token carries a session version no column can hold: the pool keeps serving', async () => {
    const { encode } = await import('next-auth/jwt');
    const { authSecret } = await import('@/lib/auth/secret');
    const { sessionCookieName } = await import('@/lib/auth/cookies');
    const fresh = await signedInBrowser('regisseur@example.org');
    const token = await encode({ token: { sub: fresh.actor.userId, sid: fresh.actor.sessionId, sv: 2 ** 40 }, secret: authSecret() });
    for (let i = 0; i < 6; i++) {
      const response = await callRoute('/api/v1/cases/{id}', request(`/api/v1/cases/${caseId}`, `${sessionCookieName()}=${token}`), { id: caseId });
      // A signed token only (it needs the secret): no session, so 401, and never a database error.
      expect(response.status).toBe(401);
    }
    const ok = await callRoute('/api/v1/cases/{id}', request(`/api/v1/cases/${caseId}`, fresh.cookie), { id: caseId });
    expect(ok.status).toBe(200);
  });
});
