/**
 * Every operation of the OpenAPI document, called in this process through Next's own route runner by a
 * signed-in regisseur, with malformed ids, bodies, query strings and headers: keys named after what every
 * object inherits, NUL characters, undecodable escapes, numbers past any column, wrong types, arrays for
 * objects, bodies too large. No answer may be a 5xx; text with a NUL and a `__proto__` key in a strict body
 * must be refused (4xx), so nothing is written. Pages, TRACE and undecodable paths are handled by the
 * server before any route: e2e/security.spec.ts walks those.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { casePartners, cases, meetings, signals, agreements } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { captureLog } from '@/lib/log/testing';
import { apiDocument, probesFor, type Ids, type Probe } from '@/lib/testing/api-probes';
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

async function send(apiPath: string, method: string, probe: Probe, cookie: string): Promise<Response> {
  const url = `${ORIGIN}${apiPath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(probe.path[name]!))}${probe.query ? `?${probe.query}` : ''}`;
  const headers: Record<string, string> = { cookie, origin: ORIGIN, host: 'localhost:3000', ...probe.headers };
  if (probe.body !== undefined) headers['content-type'] = probe.contentType ?? 'application/json';
  const request = new Request(url, { method: method.toUpperCase(), headers, body: method === 'get' ? undefined : probe.body });
  return callRoute(apiPath, request, probe.path);
}

// ---------------------------------------------------------------------------------------------------

const operations = Object.entries(apiDocument.paths).flatMap(([apiPath, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ apiPath, method, op })),
);

let cookie = '';
let ids: Ids;

beforeAll(async () => {
  await useFreshDatabase({ demo: true, now: NOW });
  ({ cookie } = await signedInBrowser('regisseur@example.org'));
  ids = await asSystem(async (tx) => {
    const [partner] = await tx.select({ id: casePartners.id, caseId: casePartners.caseId, organisationId: casePartners.organisationId }).from(casePartners).limit(1);
    const [agreement] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.caseId, partner!.caseId)).limit(1);
    const [meeting] = await tx.select({ id: meetings.id }).from(meetings).limit(1);
    const [signal] = await tx.select({ id: signals.id }).from(signals).limit(1);
    const [someCase] = await tx.select({ id: cases.id, regisseur: cases.regisseurUserId }).from(cases).where(eq(cases.id, partner!.caseId));
    // Without a row of that kind (the demo has no signals before the first sweep) a made-up id stands in.
    const none = '5f0c2a0e-8c1d-4e7b-9a52-3d6f1b2c4e8a';
    return {
      case: someCase!.id,
      byParam: {
        '/api/v1/meetings/{id}': meeting?.id ?? none,
        '/api/v1/meetings/{id}/transitions': meeting?.id ?? none,
        '/api/v1/meetings/{id}/ics': meeting?.id ?? none,
        '/api/v1/agreements/{id}': agreement?.id ?? none,
        '/api/v1/agreements/{id}/actions': agreement?.id ?? none,
        '/api/v1/signals/{id}/resolve': signal?.id ?? none,
        '/api/v1/signals/{id}/snooze': signal?.id ?? none,
        partnerId: partner!.id,
        userId: someCase!.regisseur ?? someCase!.id,
      },
      byField: { organisationId: partner!.organisationId, caseId: someCase!.id, partnerId: partner!.id, meetingId: meeting?.id ?? none },
    };
  });
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe('no operation of the API answers 5xx to malformed input', () => {
  it('walks every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.apiPath}`, o] as const))('%s', async (_name, { apiPath, method, op }) => {
    // The unexpected is logged on purpose by the handlers; this test reads the answers, not the log.
    captureLog();
    const failures: string[] = [];
    const probes = probesFor(apiPath, method, op, ids);
    for (const probe of probes) {
      const response = await send(apiPath, method, probe, cookie);
      const text = await response.text();
      if (response.status >= 500) failures.push(`${probe.what} → ${response.status} ${text.slice(0, 200)}`);
      else if (probe.mustRefuse && response.status < 400) failures.push(`${probe.what} → ${response.status}, expected a refusal`);
      else if (response.status >= 400 && response.status !== 405 && text) {
        // Every refusal says what is wrong, in Dutch, in the documented error shape.
        const body = JSON.parse(text) as { error?: unknown };
        if (typeof body.error !== 'string' || !body.error) failures.push(`${probe.what} → ${response.status} without a message`);
      }
    }
    vi.restoreAllMocks();
    expect(failures, `${failures.length} of ${probes.length} probes`).toEqual([]);
  }, 120_000);
});
