/**
 * Every server action of the app (the registry in lib/access/route-access.ts), called in Next's request
 * scope by a signed-in user with hostile forms: keys that walk the prototype, NUL characters, numbers past
 * what the database stores, undecodable escapes, over-long text. An action may answer with a message or
 * send the browser elsewhere (redirect, not found), but must never fail unexpectedly: no thrown error (a
 * 500 for the browser) and no "unexpected" log line.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { captureLog } from '@/lib/log/testing';
import { ROUTE_ACCESS } from '@/lib/access/route-access';
import { inRequestScope, signedInBrowser } from '@/lib/testing/next-request';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGIN = 'http://localhost:3000';

/** Field names the app's forms use; every hostile form sets all of them. */
const FIELDS = [
  'id', 'caseId', 'meetingId', 'agreementId', 'signalId', 'itemId', 'organisationId', 'userId', 'partnerId', 'invitationId',
  'notificationId', 'version', 'note', 'reason', 'goal', 'description', 'name', 'email', 'role', 'active', 'domain', 'dueDate',
  'dueDateReason', 'status', 'to', 'decision', 'result', 'kind', 'locale', 'code', 'password', 'newPassword', 'currentPassword',
  'repeatPassword', 'token', 'startsAt', 'date', 'time', 'durationMinutes', 'attendance', 'until', 'returnTo', 'callbackUrl',
  'subject.name', 'subject.birthDate', 'municipalityCode', 'targetGroup', 'criteria.multiDomain', 'months', 'title', 'location',
];

const HOSTILE_VALUES = ['a\u0000b', '2147483648', '-2147483649', '99999999999999999999', '%ZZ', '__proto__', 'constructor', 'x'.repeat(5000), '', '2026-02-30', '/\t/evil.example'];

function hostileForms(): [string, FormData][] {
  const forms: [string, FormData][] = [];
  for (const value of HOSTILE_VALUES) {
    const data = new FormData();
    for (const field of FIELDS) data.append(field, value);
    forms.push([`every field ${JSON.stringify(value.slice(0, 20))}`, data]);
  }
  const walk = new FormData();
  for (const [key, value] of [
    ['__proto__', 'x'],
    ['__proto__.polluted', 'yes'],
    ['constructor.prototype.polluted', 'yes'],
    ['subject.__proto__.polluted', 'yes'],
    ['toString', '1'],
    ['valueOf', '1'],
    ['caseId', 'constructor'],
  ]) {
    walk.append(key!, value!);
  }
  forms.push(['prototype walk', walk]);
  return forms;
}

/** Next's way of leaving an action: a redirect or a not-found page, not a failure. */
const isNavigation = (error: unknown) =>
  typeof (error as { digest?: unknown })?.digest === 'string' && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test((error as { digest: string }).digest);

const actions = Object.keys(ROUTE_ACCESS)
  .filter((key) => key.startsWith('action '))
  .map((key) => {
    const [file, name] = key.slice('action '.length).split('#') as [string, string];
    // Admin actions are tried by an admin (anyone else is refused before reading the form), the rest by a regisseur.
    return { key, file, name, who: ROUTE_ACCESS[key] === 'admin' ? 'admin' : 'regisseur' };
  });

let browsers: Record<string, string>;

beforeAll(async () => {
  await useFreshDatabase({ demo: true, now: NOW });
  browsers = {
    regisseur: (await signedInBrowser('regisseur@example.org')).cookie,
    admin: (await signedInBrowser('admin@example.org')).cookie,
  };
}, 120_000);

afterAll(async () => {
  await closeDb();
});

describe('no server action fails on hostile forms', () => {
  it('finds the actions', () => {
    expect(actions.length).toBeGreaterThan(30);
  });

  it.each(actions.map((a) => [a.key, a] as const))('%s', async (_key, { file, name, who }) => {
    const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (prev: unknown, form: FormData) => Promise<unknown>>;
    const exported = loaded[name]!;
    // Plain form actions take the form only; useActionState ones the previous state first.
    const action = exported.length < 2 ? (_prev: unknown, form: FormData) => (exported as (form: FormData) => Promise<unknown>)(form) : exported;
    const failures: string[] = [];
    const logged = captureLog('error').entries;
    for (const [what, form] of hostileForms()) {
      const request = new Request(`${ORIGIN}/`, { method: 'POST', headers: { cookie: browsers[who]!, origin: ORIGIN, host: 'localhost:3000' } });
      try {
        await inRequestScope(request, () => action(null, form));
      } catch (error) {
        if (!isNavigation(error)) failures.push(`${what}: threw ${(error as Error).name}: ${(error as Error).message.slice(0, 160)}`);
      }
      if (logged.length) failures.push(`${what}: logged ${logged.splice(0).map((entry) => entry.msg).join(' | ').slice(0, 160)}`);
    }
    vi.restoreAllMocks();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
  }, 120_000);
});
