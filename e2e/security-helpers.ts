/**
 * What the security suite's specs (security-*.spec.ts) share: the port and data of the server each starts for
 * itself, a fresh database in which gemeente@ has no second factor yet, a sign-in as a script does it, and checks.
 */
import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { ROUTE_ACCESS } from '../lib/access/route-access';
import { startOwnServer, type OwnServer } from './own-server';

export const port = Number(process.env.E2E_PORT ?? 3100) + 80;
export const BASE = `http://127.0.0.1:${port}`;
/**
 * Each spec's own data directory: a worker that runs several specs keeps the embedded database's field keys
 * of the directory it opened last (lib/crypto/keys.ts), so a spec must not reuse another's directory.
 */
export const dataDirOf = (spec: string) => `.data/e2e-${port}-${spec}`;

/**
 * Registers the spec's own server: serial tests against BASE, a fresh database started before the first
 * and stopped after the last; `prepare` adds to that database before the server opens it. The returned getter gives the running server (for its log).
 */
export function ownSecurityServer(spec: string, options: { prepare?: (dataDir: string) => Promise<void> } = {}): () => OwnServer {
  test.describe.configure({ mode: 'serial' });
  test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  const dataDir = dataDirOf(spec);
  let server: OwnServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await prepareDatabase(dataDir);
    await options.prepare?.(dataDir);
    server = await startOwnServer({ port, dataDir, env: { AUTH_SECRET: 'security-suite-secret-0123456789abcdefghijklmnop' } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}

export const CANARY_PASSWORD = 'Kanarie-Wachtwoord-Q7x9-geheim';
export const CANARY_NAME = 'Kanariepiet Zwijgzaam';
export const FAILED = 'E-mailadres of wachtwoord onjuist.';
export const MISSING_ORIGIN = /Verzoek zonder Origin-header geweigerd/;
export const CROSS_SITE = 'Verzoek van een andere website geweigerd.';
export const EVIL = 'https://evil.example';

/**
 * A fresh database with the demo data, in which one account (gemeente@) has no second factor yet, as an
 * account an admin has just created: it sets up its authenticator app on first sign-in.
 */
export async function prepareDatabase(dataDir: string) {
  await rm(dataDir, { recursive: true, force: true });
  const { openPglite } = await import('../db/open');
  const { loadReferenceData } = await import('../lib/reference/load');
  const { seedDemo } = await import('../lib/seed/demo');
  const { users } = await import('../db/schema/directory');
  const { userTotp } = await import('../db/schema/sign-in');
  const handle = await openPglite(path.resolve(dataDir, 'pglite'));
  await loadReferenceData(handle.db);
  await seedDemo(handle.db);
  const [gemeente] = await handle.db.select().from(users).where(eq(users.email, 'gemeente@example.org'));
  await handle.db.delete(userTotp).where(eq(userTotp.userId, gemeente!.id));
  await handle.close();
}

// ---------------------------------------------------------------------------------------------------
// Helpers: sign-in as a script does it (one POST to next-auth's credentials callback).

export async function scriptClient(): Promise<APIRequestContext> {
  // No default Origin: each request below says what it sends.
  return playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: {} });
}

/** One POST of email, password and (optionally) code; true when next-auth accepted it. */
export async function scriptSignIn(api: APIRequestContext, email: string, password: string, code?: string): Promise<boolean> {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, ...(code ? { code } : {}), json: 'true' },
    headers: { origin: BASE },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return response.ok() && !String(body.url).includes('error=');
}

export const uuid = () => crypto.randomUUID();

/** A browser context of its own on this suite's server (extraHTTPHeaders are not inherited reliably). */
export const newContext = (browser: Browser) => browser.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

/** The pages of the signed-in app, from the file system: app/(app)/**\/page.tsx. */
export function appPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx') found.push(path.relative('app/(app)', path.dirname(full)));
    }
  };
  walk('app/(app)');
  return found
    .map((rel) => `/${rel.split(path.sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s)).join('/')}`)
    .map((p) => p.replace(/\[[^\]]+\]/g, uuid()))
    .sort();
}

/** Every registered API route that needs a signed-in user (lib/access/route-access.ts). */
export function protectedApiRoutes(): { method: string; path: string }[] {
  return Object.entries(ROUTE_ACCESS)
    .filter(([id, gate]) => id.includes(' /api/v1/') && gate !== 'public')
    .map(([id]) => {
      const [method, route] = id.split(' ') as [string, string];
      return { method, path: route.replace(/\[[^\]]+\]/g, uuid()) };
    });
}

export async function noStackTrace(body: string) {
  expect(body).not.toMatch(/\bat [^\n]+\.(ts|js|mjs|cjs):\d+/);
  expect(body).not.toMatch(/node_modules|webpack-internal|turbopack:/);
}
