import { lt } from 'drizzle-orm';
import { generators } from 'openid-client';
import { oidcSignInRequests } from '@/db/schema';
import type { Executor } from '@/db/types';
import { AppError, msg } from '@/lib/errors';
import { describeError } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { z } from '@/lib/validation/zod';
import { safeCallbackPath } from '../sign-in-fields';
import { idpClient } from './discovery';
import { idpForEmail } from './partner-idp';

/** How long a sign-in sent to an IdP may take to come back. */
export const REQUEST_LIFETIME_MS = 10 * 60 * 1000;

export type BeginResult = { kind: 'local' } | { kind: 'idp'; url: string; state: string };

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * The first step of sign-in: an email of a domain with its own IdP goes there (authorization code flow
 * with PKCE, a fresh `state` and `nonce`, all kept here until the answer comes back); any other address
 * signs in locally. An IdP that cannot be reached is an UNAVAILABLE error: the form says so and still
 * offers the password.
 */
export async function beginPartnerSignIn(
  db: Executor,
  rawEmail: unknown,
  options: { redirectUri: string; callbackPath?: string; now?: Date },
): Promise<BeginResult> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return { kind: 'local' };
  const idp = await idpForEmail(db, email.data);
  if (!idp || !idp.organisationActive) return { kind: 'local' };

  let client;
  try {
    client = await idpClient(idp, options.redirectUri);
  } catch (error) {
    log.warn({ organisationId: idp.organisationId }, `[oidc] IdP ${idp.issuer} unreachable: ${describeError(error)}`);
    throw new AppError('UNAVAILABLE', msg('oidc.idpUnavailable'));
  }
  const now = options.now ?? new Date();
  const state = generators.state();
  const nonce = generators.nonce();
  const codeVerifier = generators.codeVerifier();
  await db.delete(oidcSignInRequests).where(lt(oidcSignInRequests.createdAt, new Date(now.getTime() - REQUEST_LIFETIME_MS)));
  await db.insert(oidcSignInRequests).values({
    state,
    nonce,
    codeVerifier,
    organisationId: idp.organisationId,
    callbackPath: safeCallbackPath(options.callbackPath),
    createdAt: now,
  });
  const url = client.authorizationUrl({
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    login_hint: email.data,
  });
  return { kind: 'idp', url, state };
}
