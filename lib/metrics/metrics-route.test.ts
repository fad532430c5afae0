/**
 * GET /api/metrics as a scraper and an outsider meet it, through Next's own route module: 404 without
 * METRICS_TOKEN, 401 without the right bearer token, and with it the Prometheus text with a latency
 * histogram per route template, the outbox, the scheduled jobs and sign-in failures, without personal data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { asSystem } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { cases } from '@/db/schema';
import { signInWithCredentials } from '@/lib/auth/credentials';
import { env } from '@/lib/env';
import { captureLog } from '@/lib/log/testing';
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';
const TOKEN = 'metrics-test-token-0123456789abcdef';
const ATTACKED = 'jeugdzorg@example.org';

let cookie = '';
let caseId = '';
let me: { name: string; email: string };

const get = (apiPath: string, url: string, headers: Record<string, string> = {}, params: Record<string, string> = {}) =>
  callRoute(apiPath, new Request(`${ORIGIN}${url}`, { headers: { origin: ORIGIN, host: 'localhost:3000', ...headers } }), params);
const scrape = (authorization?: string) => get('/api/metrics', '/api/metrics', authorization ? { authorization } : {});

beforeAll(async () => {
  await useFreshDatabase({ demo: true, now: NOW });
  ({ cookie } = await signedInBrowser('regisseur@example.org'));
  [{ id: caseId }] = (await asSystem((tx) => tx.select({ id: cases.id }).from(cases).limit(1))) as [{ id: string }];
  env().METRICS_TOKEN = TOKEN;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => closeDb());

describe('an API request', () => {
  it('writes one JSON line with method, route template, status, duration and request id; never the path, the id or the cookie', async () => {
    const logged = captureLog();
    const response = await get('/api/v1/cases/{id}', `/api/v1/cases/${caseId}?q=Geheim`, { cookie, 'x-request-id': 'req-42' }, { id: caseId });
    expect(response.status).toBe(200);
    const lines = logged.entries.filter((entry) => entry.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', route: '/api/v1/cases/[id]', status: 200, requestId: 'req-42' });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(logged.raw()).not.toContain(caseId);
    expect(logged.raw()).not.toContain('Geheim');
    expect(logged.raw()).not.toContain(cookie.split('=')[1]!.slice(0, 40));
  });

  it('a refused one is logged with its status too, and a made-up request id gets a fresh one', async () => {
    const logged = captureLog();
    const response = await get('/api/v1/cases/{id}', `/api/v1/cases/${caseId}`, { 'x-request-id': 'bad id {"x":1}' }, { id: caseId });
    expect(response.status).toBe(401);
    const [line] = logged.entries.filter((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ route: '/api/v1/cases/[id]', status: 401 });
    expect(line!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN (404)', async () => {
    env().METRICS_TOKEN = undefined;
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      env().METRICS_TOKEN = TOKEN;
    }
  });

  it('refuses a scraper without the bearer token, or with another (401), and shows nothing', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.text()).not.toContain('casusregie_');
    }
  });

  it('answers the token with Prometheus text: latency per route template, jobs, outbox, sign-in failures and locks, no personal data', async () => {
    me = (await (await get('/api/v1/me', '/api/v1/me', { cookie })).json()) as typeof me;
    await get('/api/v1/cases/{id}', `/api/v1/cases/${caseId}`, { cookie }, { id: caseId });
    // Ten wrong passwords lock the account (lib/auth/throttle.ts).
    for (let i = 0; i < 10; i++) await asSystem((tx) => signInWithCredentials(tx, { email: ATTACKED, password: 'fout-wachtwoord-123' }, { ip: null }, NOW));

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const body = await response.text();
    for (const [name, type] of [
      ['casusregie_http_request_duration_seconds', 'histogram'],
      ['casusregie_job_runs_total', 'counter'],
      ['casusregie_job_duration_seconds', 'histogram'],
      ['casusregie_mail_outbox_pending', 'gauge'],
      ['casusregie_db_pool_connections', 'gauge'],
      ['casusregie_sign_in_failures_total', 'counter'],
      ['casusregie_sign_in_locks_total', 'counter'],
    ]) {
      expect(body).toContain(`# TYPE ${name} ${type}`);
    }
    expect(body).toMatch(/^casusregie_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/\[id\]",status="200"\} [1-9]/m);
    expect(body).toMatch(/^casusregie_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/v1\/cases\/\[id\]",status="401"\} 1$/m);
    expect(body).toMatch(/^casusregie_mail_outbox_pending \d+$/m);
    expect(body).toMatch(/^casusregie_sign_in_failures_total\{reason="rejected"\} 10$/m);
    expect(body).toMatch(/^casusregie_sign_in_locks_total 1$/m);
    // No one is named: not the user who made the requests, not the attacked account, not the case.
    for (const personal of [me.name, me.email, ATTACKED, caseId, '@']) expect(body).not.toContain(personal);
  });
});
