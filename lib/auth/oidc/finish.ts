import { and, eq, sql } from 'drizzle-orm';
import { errors, type IdTokenClaims } from 'openid-client';
import { oidcSignInRequests, organisations, userIdpSubjects, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, type AuditSubject } from '@/lib/audit/record';
import { describeError } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import type { RequestMeta, SignInStage } from '../credentials';
import { totpOf } from '../second-factor';
import { createSession, type SessionClaims } from '../sessions';
import { REQUEST_LIFETIME_MS } from './begin';
import { idpClient } from './discovery';
import { acceptInvitationAtIdp } from './invited-account';
import { domainsOf, emailDomain, idpOfOrganisation, type PartnerIdp } from './partner-idp';

/** Why a sign-in through an IdP was refused; each is a catalogue key `oidc.<reason>` the sign-in page shows. */
export type OidcFailure =
  | 'stateInvalid'
  | 'cancelled'
  | 'idpUnavailable'
  | 'tokenInvalid'
  | 'unknownSubject'
  | 'subjectMismatch'
  | 'inactive'
  | 'mfaMissing';

export const OIDC_FAILURES: readonly OidcFailure[] = [
  'stateInvalid',
  'cancelled',
  'idpUnavailable',
  'tokenInvalid',
  'unknownSubject',
  'subjectMismatch',
  'inactive',
  'mfaMissing',
];

export type FinishResult =
  | { ok: true; claims: SessionClaims; stage: SignInStage; callbackPath: string }
  | { ok: false; reason: OidcFailure };

export interface CallbackInput {
  /** The query of the redirect back from the IdP (code, state, or error). */
  params: Record<string, string>;
  /** The state this browser started with (its cookie): a callback meant for another browser is refused. */
  boundState: string | undefined;
  redirectUri: string;
  meta: RequestMeta;
  now?: Date;
}

const nobody = (meta: RequestMeta, organisationId: string | null = null): AuditSubject => ({
  userId: null,
  organisationId,
  role: null,
  ...meta,
});

/** Whether the ID token names the IdP's second factor: one of the configured values in `amr` or as `acr`. */
export function idpConfirmedMfa(idp: Pick<PartnerIdp, 'mfaPolicy' | 'mfaValues'>, claims: Pick<IdTokenClaims, 'amr' | 'acr'>): boolean {
  if (idp.mfaPolicy === 'totp') return false;
  const named = [...(Array.isArray(claims.amr) ? claims.amr : []), ...(typeof claims.acr === 'string' ? [claims.acr] : [])];
  return named.some((value) => idp.mfaValues.includes(value));
}

function failureOf(error: unknown): OidcFailure {
  // RPError: the answer failed a check here (signature, audience, expiry, nonce, state); OPError: the IdP
  // refused (a code used twice, a wrong client secret). Anything else never got an answer.
  if (error instanceof errors.RPError || error instanceof errors.OPError) return 'tokenInvalid';
  return 'idpUnavailable';
}

/**
 * The redirect back from the IdP: the `state` must be one this browser started and not used before (it is
 * deleted here, so a replay finds nothing); openid-client exchanges the code with the PKCE verifier and
 * checks the ID token's signature against the issuer's JWKS, its issuer, audience, expiry and nonce.
 * Then the subject must belong to an existing account of that organisation: bound before, or matched
 * once on an email address of one of the organisation's domains and bound from then on, or an approved open
 * invitation of that address, accepted now. Nobody else is ever created here, and never with a role from
 * the IdP. The session is an ordinary Casusregie session (idle and absolute limits, deactivation);
 * without the IdP's second factor it waits for Casusregie's TOTP, or is refused, as the organisation says.
 */
export async function finishPartnerSignIn(db: Executor, input: CallbackInput): Promise<FinishResult> {
  const now = input.now ?? new Date();
  const { params, meta } = input;
  const refuse = async (reason: OidcFailure, who: AuditSubject, extra: Record<string, unknown> = {}) => {
    await audit(db, who, { action: 'sign-in-failed', entity: 'session', outcome: 'denied', details: { method: 'oidc', reason, ...extra } });
    return { ok: false, reason } as const;
  };

  const state = typeof params.state === 'string' ? params.state : '';
  if (!state || state !== input.boundState) return refuse('stateInvalid', nobody(meta));
  const [request] = await db.delete(oidcSignInRequests).where(eq(oidcSignInRequests.state, state)).returning();
  if (!request || now.getTime() - request.createdAt.getTime() > REQUEST_LIFETIME_MS) return refuse('stateInvalid', nobody(meta));
  const idp = await idpOfOrganisation(db, request.organisationId);
  if (!idp) return refuse('stateInvalid', nobody(meta, request.organisationId));
  const who = nobody(meta, idp.organisationId);
  if (params.error) return refuse('cancelled', who, { error: String(params.error).slice(0, 100) });

  let claims: IdTokenClaims;
  try {
    const client = await idpClient(idp, input.redirectUri);
    const tokens = await client.callback(input.redirectUri, params, {
      state: request.state,
      nonce: request.nonce,
      code_verifier: request.codeVerifier,
      response_type: 'code',
    });
    claims = tokens.claims();
  } catch (error) {
    const reason = failureOf(error);
    // openid-client's own messages name the failed check (aud mismatch, JWT expired, …) and no personal data.
    const check = error instanceof errors.RPError || error instanceof errors.OPError ? ` ${error.message}` : '';
    log.warn({ organisationId: idp.organisationId }, `[oidc] callback refused (${reason}): ${describeError(error)}${check}`);
    return refuse(reason, who, { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
  }

  const account = await accountFor(db, idp, claims, meta, now);
  if ('reason' in account) return refuse(account.reason, who, { subject: claims.sub });
  const user = account.user;
  const subject: AuditSubject = { userId: user.id, organisationId: user.organisationId, role: user.role, ...meta };
  if (!user.active || !user.organisationActive) return refuse('inactive', subject);
  if (!account.bound) {
    await db.insert(userIdpSubjects).values({ userId: user.id, organisationId: idp.organisationId, subject: claims.sub, boundAt: now });
  }

  const claimsOut = (sessionId: string): SessionClaims => ({ userId: user.id, sessionId, sessionVersion: user.sessionVersion });
  if (idpConfirmedMfa(idp, claims)) {
    const sessionId = await createSession(db, user.id, meta, { verified: true, now });
    await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await audit(db, subject, { action: 'sign-in', entity: 'session', entityId: sessionId, details: { method: 'oidc', factor: 'idp' } });
    return { ok: true, stage: 'verified', claims: claimsOut(sessionId), callbackPath: request.callbackPath };
  }
  if (idp.mfaPolicy === 'idp-required') return refuse('mfaMissing', subject);
  // Casusregie's own second factor still to come: the same half-way session as after a password.
  const factor = await totpOf(db, user.id);
  const sessionId = await createSession(db, user.id, meta, { verified: false, now });
  await audit(db, subject, { action: 'sign-in', entity: 'session', entityId: sessionId, details: { method: 'oidc', stage: 'idp' } });
  return {
    ok: true,
    stage: factor?.confirmedAt ? 'second-factor' : 'enrolment',
    claims: claimsOut(sessionId),
    callbackPath: request.callbackPath,
  };
}

interface Account {
  id: string;
  organisationId: string;
  role: (typeof users.$inferSelect)['role'];
  active: boolean;
  organisationActive: boolean;
  sessionVersion: number;
}

const accountColumns = {
  id: users.id,
  organisationId: users.organisationId,
  role: users.role,
  active: users.active,
  organisationActive: organisations.active,
  sessionVersion: users.sessionVersion,
};

async function accountFor(
  db: Executor,
  idp: PartnerIdp,
  claims: IdTokenClaims,
  meta: RequestMeta,
  now: Date,
): Promise<{ user: Account; bound: boolean } | { reason: 'unknownSubject' | 'subjectMismatch' }> {
  const [bound] = await db
    .select(accountColumns)
    .from(userIdpSubjects)
    .innerJoin(users, eq(users.id, userIdpSubjects.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(userIdpSubjects.organisationId, idp.organisationId), eq(userIdpSubjects.subject, claims.sub)));
  if (bound) return { user: bound, bound: true };

  // Entra ID sends the address as `email` only when the user has a mailbox; `preferred_username` is the UPN.
  const email = [claims.email, claims.preferred_username].find((v): v is string => typeof v === 'string' && v.includes('@'))?.toLowerCase();
  const domain = email && emailDomain(email);
  if (!email || !domain || !(await domainsOf(db, idp.organisationId)).includes(domain)) return { reason: 'unknownSubject' };
  const byEmail = () =>
    db
      .select({ ...accountColumns, boundSubject: userIdpSubjects.subject })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(userIdpSubjects, eq(userIdpSubjects.userId, users.id))
      .where(and(eq(sql`lower(${users.email})`, email), eq(users.organisationId, idp.organisationId)));
  let [user] = await byEmail();
  // Invited (and approved) but not yet accepted: the IdP sign-in accepts the invitation.
  if (!user && (await acceptInvitationAtIdp(db, { email, organisationId: idp.organisationId }, meta, now))) [user] = await byEmail();
  if (!user) return { reason: 'unknownSubject' };
  if (user.boundSubject !== null) return { reason: 'subjectMismatch' };
  return { user, bound: false };
}
