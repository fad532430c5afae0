import { createServer } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { organisations, userInvitations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem, asUser } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { startTestIdp, type TestIdp } from '@/lib/testing/test-idp';
import { hashPassword } from '../password';
import { loadSession, resolveSession } from '../sessions';
import { signInWithCredentials } from '../credentials';
import { rotateFieldKeys } from '@/lib/field-keys/rotate-field-keys';
import { keyIdOf } from '@/lib/crypto/field';
import { saveIdpSettings } from './admin-config';
import { beginPartnerSignIn } from './begin';
import { finishPartnerSignIn, type FinishResult } from './finish';

const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const meta = { ip: '203.0.113.9', userAgent: 'vitest' };
/** The clock of Casusregie's sessions in this file; the IdP and the token checks run on the real clock. */
const NOW = new Date('2026-11-20T09:00:00Z');
const PASSWORD = 'Politie-Lokaal-Wachtwoord-2026!';

let handle: DbHandle;
let idp: TestIdp;
let politieId: string;
let ggzId: string;

const orgId = async (shortName: string) => (await handle.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
const userCount = async () => (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from users`))[0]!.n;

async function addUser(organisationId: string, email: string, password?: string) {
  // Without a password of their own: a random one nobody knows, as for an account provisioned for SSO.
  const passwordHash = await hashPassword(password ?? `${crypto.randomUUID()}-${crypto.randomUUID()}`);
  const [row] = await handle.db.insert(users).values({ organisationId, email, name: email, role: 'professional', passwordHash }).returning();
  return row!;
}

/** What a browser does at the IdP: follow its redirects (with its cookies) until it is sent back to us. */
async function throughIdp(url: string): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  let current = url;
  for (let hop = 0; hop < 12; hop += 1) {
    if (current.startsWith(REDIRECT_URI)) return Object.fromEntries(new URL(current).searchParams);
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) jar.set(name, value);
      else jar.delete(name);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`IdP stopped at ${current}: ${response.status} ${await response.text()}`);
    current = new URL(location, current).toString();
  }
  throw new Error('too many redirects');
}

/** The whole round trip: the email on our sign-in page, the IdP, and the redirect back. */
async function signInThroughIdp(email: string, account: { sub: string; email?: string; amr?: string[]; acr?: string }) {
  idp.signInAs({ email, ...account });
  const begun = await asSystem((tx) => beginPartnerSignIn(tx, email, { redirectUri: REDIRECT_URI, callbackPath: '/cases', now: NOW }));
  if (begun.kind !== 'idp') throw new Error('expected the IdP');
  const params = await throughIdp(begun.url);
  const result = await asSystem((tx) => finishPartnerSignIn(tx, { params, boundState: begun.state, redirectUri: REDIRECT_URI, meta, now: NOW }));
  return { result, params, state: begun.state, url: begun.url };
}

const failure = (result: FinishResult) => (result.ok ? 'signed in' : result.reason);
/** Why openid-client refused, as the audit log keeps it. */
const lastRefusal = async () =>
  (await queryRows<{ error: string }>(handle.db, sql`select details->>'error' as error from audit_log where action = 'sign-in-failed' order by id desc limit 1`))[0]!.error;

async function configure(organisationId: string, settings: { issuer: string; domains: string; mfaPolicy: string; version: number }) {
  const admin = await signInAs('admin@example.org');
  return saveIdpSettings(admin, {
    organisationId,
    issuer: settings.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    emailDomains: settings.domains,
    mfaPolicy: settings.mfaPolicy,
    mfaValues: 'mfa, http://schemas.microsoft.com/claims/multipleauthn',
    version: settings.version,
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  idp = await startTestIdp({ redirectUri: REDIRECT_URI });
  politieId = await orgId('Politie');
  ggzId = await orgId('Altrecht');
  await configure(politieId, { issuer: idp.issuer, domains: 'politie.example', mfaPolicy: 'idp-or-totp', version: 0 });
}, 180_000);
afterAll(async () => {
  await idp?.stop();
  await closeDb();
});

describe('sign-in through a partner organisation’s identity provider', () => {
  it('signs a provisioned police professional in with the IdP’s MFA, without any Casusregie password, and binds the subject', async () => {
    const agent = await addUser(politieId, 'agent.jansen@politie.example');
    const { result } = await signInThroughIdp('Agent.Jansen@politie.example', { sub: 'pol-1001', amr: ['pwd', 'mfa'] });
    expect(result).toMatchObject({ ok: true, stage: 'verified', callbackPath: '/cases' });
    if (!result.ok) return;
    const actor = await asSystem((tx) => resolveSession(tx, result.claims, NOW));
    expect(actor).toMatchObject({ userId: agent.id, organisationId: politieId });

    // Deactivating the user ends the IdP session like any other; the 15-minute idle limit applies too.
    const idle = await asSystem((tx) => loadSession(tx, result.claims, new Date(NOW.getTime() + 16 * 60 * 1000)));
    expect(idle).toBeNull();
  });

  it('recognises the bound subject later, even when the IdP sends another address', async () => {
    const { result } = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', email: 'a.jansen@elders.example', amr: ['mfa'] });
    expect(result.ok).toBe(true);
  });

  it('refuses an unknown subject with a clear message and creates nobody', async () => {
    const before = await userCount();
    const { result } = await signInThroughIdp('nieuw@politie.example', { sub: 'pol-9999', amr: ['mfa'] });
    expect(failure(result)).toBe('unknownSubject');
    expect(await userCount()).toBe(before);
  });

  it('accepts an approved open invitation at the first IdP sign-in, with the role the admin gave, but not an expired one', async () => {
    const [admin] = await handle.db.select().from(users).where(eq(users.email, 'admin@example.org'));
    const invitation = (email: string, expiresAt: Date) => ({
      tokenHash: crypto.randomUUID(),
      email,
      name: email,
      role: 'professional' as const,
      organisationId: politieId,
      invitedBy: admin!.id,
      expiresAt,
      createdAt: NOW,
    });
    await handle.db.insert(userInvitations).values([
      invitation('uitgenodigd@politie.example', new Date(NOW.getTime() + 3600_000)),
      invitation('te-laat@politie.example', new Date(NOW.getTime() - 1000)),
    ]);
    const { result } = await signInThroughIdp('uitgenodigd@politie.example', { sub: 'pol-2002', amr: ['mfa'] });
    expect(result).toMatchObject({ ok: true, stage: 'verified' });
    const [created] = await handle.db.select().from(users).where(eq(users.email, 'uitgenodigd@politie.example'));
    expect(created).toMatchObject({ role: 'professional', organisationId: politieId });
    const [used] = await handle.db.select().from(userInvitations).where(eq(userInvitations.email, 'uitgenodigd@politie.example'));
    expect(used!.acceptedAt).toEqual(NOW);

    const before = await userCount();
    const late = await signInThroughIdp('te-laat@politie.example', { sub: 'pol-2003', amr: ['mfa'] });
    expect(failure(late.result)).toBe('unknownSubject');
    expect(await userCount()).toBe(before);
  });

  it('refuses another subject claiming an account that is already bound', async () => {
    const { result } = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-impostor', amr: ['mfa'] });
    expect(failure(result)).toBe('subjectMismatch');
  });

  it('refuses an ID token for another audience, an expired one and one signed with a foreign key', async () => {
    idp.tamper((claims) => ({ ...claims, aud: 'another-client' }));
    expect(failure((await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['mfa'] })).result)).toBe('tokenInvalid');
    expect(await lastRefusal()).toMatch(/aud mismatch/);

    const past = Math.floor(Date.now() / 1000) - 7200;
    idp.tamper((claims) => ({ ...claims, iat: past, exp: past + 3600 }));
    expect(failure((await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['mfa'] })).result)).toBe('tokenInvalid');
    expect(await lastRefusal()).toMatch(/JWT expired/);

    idp.tamper((claims) => claims, { foreignKey: true });
    expect(failure((await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['mfa'] })).result)).toBe('tokenInvalid');
    expect(await lastRefusal()).toMatch(/signature/);
  });

  it('refuses a replayed state, and a state this browser did not start', async () => {
    const first = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['mfa'] });
    expect(first.result.ok).toBe(true);
    const replay = await asSystem((tx) =>
      finishPartnerSignIn(tx, { params: first.params, boundState: first.state, redirectUri: REDIRECT_URI, meta, now: NOW }),
    );
    expect(failure(replay)).toBe('stateInvalid');

    idp.signInAs({ sub: 'pol-1001', email: 'agent.jansen@politie.example', amr: ['mfa'] });
    const begun = await asSystem((tx) => beginPartnerSignIn(tx, 'agent.jansen@politie.example', { redirectUri: REDIRECT_URI, now: NOW }));
    if (begun.kind !== 'idp') throw new Error('expected the IdP');
    const params = await throughIdp(begun.url);
    const foreign = await asSystem((tx) => finishPartnerSignIn(tx, { params, boundState: 'state-of-the-attacker', redirectUri: REDIRECT_URI, meta, now: NOW }));
    expect(failure(foreign)).toBe('stateInvalid');
  });

  it('without the MFA claim asks Casusregie’s own second factor, or refuses when the organisation requires the IdP’s', async () => {
    const { result } = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['pwd'] });
    expect(result).toMatchObject({ ok: true, stage: 'enrolment' });
    if (!result.ok) return;
    // Half-way only: no page, no API, until the TOTP step is done.
    expect(await asSystem((tx) => resolveSession(tx, result.claims, NOW))).toBeNull();

    await configure(politieId, { issuer: idp.issuer, domains: 'politie.example', mfaPolicy: 'idp-required', version: 1 });
    const refused = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['pwd'] });
    expect(failure(refused.result)).toBe('mfaMissing');
    // An acr naming MFA counts as well.
    const viaAcr = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', acr: 'http://schemas.microsoft.com/claims/multipleauthn' });
    expect(viaAcr.result).toMatchObject({ ok: true, stage: 'verified' });
  });

  it('with an IdP that is down says so, and the account with a password still signs in locally', async () => {
    await configure(ggzId, { issuer: `http://127.0.0.1:${await freePort()}`, domains: 'altrecht.example', mfaPolicy: 'idp-or-totp', version: 0 });
    await addUser(ggzId, 'hulpverlener@altrecht.example', PASSWORD);
    const down = await asSystem((tx) => beginPartnerSignIn(tx, 'hulpverlener@altrecht.example', { redirectUri: REDIRECT_URI, now: NOW })).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(AppError);
    expect((down as AppError).ref).toBe('oidc.idpUnavailable');
    expect((down as AppError).localized('en').message).toMatch(/cannot be reached/);

    const local = await asSystem((tx) => signInWithCredentials(tx, { email: 'hulpverlener@altrecht.example', password: PASSWORD }, meta, NOW));
    expect(local).toMatchObject({ ok: true, stage: 'enrolment' });
  });

  it('leaves an address of a domain without an IdP to local sign-in', async () => {
    const begun = await asSystem((tx) => beginPartnerSignIn(tx, 'politie@example.org', { redirectUri: REDIRECT_URI, now: NOW }));
    expect(begun).toEqual({ kind: 'local' });
  });
});

describe('configuring an organisation’s IdP', () => {
  it('keeps each email domain to one organisation, and is for admins only', async () => {
    const error = await configure(await orgId('OM'), { issuer: idp.issuer, domains: 'om.example, POLITIE.example', mfaPolicy: 'totp', version: 0 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).fieldErrors?.emailDomains).toEqual(['Het e-maildomein politie.example hoort al bij een andere organisatie.']);

    const regisseur = await signInAs('regisseur@example.org');
    const refused = await saveIdpSettings(regisseur, { organisationId: politieId }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('NOT_FOUND');
  });

  it('keeps client secrets and bound subjects out of reach of the app role, admins included', async () => {
    const admin = await signInAs('admin@example.org');
    for (const table of ['organisation_idps', 'idp_email_domains', 'user_idp_subjects', 'oidc_sign_in_requests']) {
      const read = await asUser(admin.userId, (tx) => tx.execute(sql.raw(`select * from ${table}`))).catch((e: unknown) => e);
      expect(String((read as Error).cause ?? read), table).toMatch(/permission denied/);
    }
  });

  it('stores the client secret encrypted', async () => {
    const [row] = await queryRows<{ client_secret: string }>(handle.db, sql`select client_secret from organisation_idps where organisation_id = ${politieId}`);
    expect(row!.client_secret).toMatch(/^enc:v1:/);
    expect(row!.client_secret).not.toContain(idp.clientSecret);
  });

  it('npm run keys:rotate re-encrypts a client secret stored before encryption, and sign-in still works with it', async () => {
    await handle.db.execute(sql`update organisation_idps set client_secret = ${idp.clientSecret} where organisation_id = ${politieId}`);
    const result = await rotateFieldKeys(handle.db);
    expect(result.secrets).toBeGreaterThanOrEqual(1);
    const [row] = await queryRows<{ client_secret: string }>(handle.db, sql`select client_secret from organisation_idps where organisation_id = ${politieId}`);
    expect(keyIdOf(row!.client_secret)).toBe(result.current);
    const { result: signedIn } = await signInThroughIdp('agent.jansen@politie.example', { sub: 'pol-1001', amr: ['mfa'] });
    expect(signedIn.ok).toBe(true);
  });
});
