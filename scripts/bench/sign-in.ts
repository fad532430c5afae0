import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from '@/lib/auth/totp';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';
import type { Account } from './fixtures';

/**
 * Signs in as a script does (README, "Sessions and sign-in"): the CSRF token with its cookie, then one
 * POST of email, password and the current TOTP code. A code works once per account, so the step is the
 * first after the last one the server accepted; when that one is not valid yet, this waits for it.
 * Returns the Cookie header for the signed-in session.
 */
export async function signIn(baseUrl: string, account: Account): Promise<string> {
  const step = Math.max(timeStep(new Date()), (account.lastUsedStep ?? 0) + 1);
  // The server accepts one step of drift: a step further ahead must wait until it is near.
  while (step > timeStep(new Date()) + 1) await new Promise((r) => setTimeout(r, 1000));
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email: account.email, password: DEMO_PASSWORD, code: totpCode(account.totpSecret, step), json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('casusregie.session='));
  if (!session) {
    throw new Error(
      `Aanmelden als ${account.email} mislukt (HTTP ${response.status}). Is de database gevuld met npm run seed:scale, ` +
        `en gebruikt de server dezelfde FIELD_KEYS als toen? (TOTP-stap ${step}, periode ${TOTP_PERIOD_SECONDS} s)`,
    );
  }
  account.lastUsedStep = step;
  return session;
}
