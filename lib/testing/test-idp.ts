import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for tests (the certified `oidc-provider` package), started on a free port with
 * one client and an RSA signing key. Its login page is skipped: the next sign-in is completed at once for
 * the account set with `signInAs` (and the `amr`/`acr` given). `tamper` rewrites the ID token of the next
 * token response, signed with the provider's own key (or another), to act as a misbehaving IdP.
 */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  signInAs(account: { sub: string; email: string; amr?: string[]; acr?: string }): void;
  tamper(change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null, options?: { foreignKey?: boolean }): void;
  stop(): Promise<void>;
}

export async function startTestIdp(options: { redirectUri: string; port?: number; clientId?: string; clientSecret?: string }): Promise<TestIdp> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-idp-key', use: 'sig', alg: 'RS256' };
  const clientId = options.clientId ?? 'casusregie';
  const clientSecret = options.clientSecret ?? 'test-idp-client-secret-0123456789';
  let next: { sub: string; email: string; amr?: string[]; acr?: string } | undefined;
  const accounts = new Map<string, { email: string }>();
  let change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
  let signWith: KeyObject = privateKey;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [jwk as never] },
    // acr and amr travel with the openid scope, as Entra ID and most IdPs send them in every ID token.
    claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // Like Entra ID: the email address in the ID token itself, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // No consent screen: the test client is trusted with the scopes it asks for.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: true }) };
    },
    cookies: { keys: ['test-idp-cookie-key'] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  provider.use(async (ctx, nextMiddleware) => {
    await nextMiddleware();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && ctx.status === 200 && change && body?.id_token) {
      const claims = change({ ...decodeJwt(body.id_token) });
      ctx.body = { ...body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-idp-key' }).sign(signWith) };
      change = null;
      signWith = privateKey;
    }
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        try {
          await provider.interactionDetails(req, res);
          const who = next;
          if (!who) {
            await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'no test account' });
            return;
          }
          accounts.set(who.sub, { email: who.email });
          await provider.interactionFinished(req, res, { login: { accountId: who.sub, amr: who.amr, acr: who.acr, remember: false } }, { mergeWithLastSubmission: false });
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      next = account;
    },
    tamper(fn, opts) {
      change = fn;
      signWith = opts?.foreignKey ? foreign : privateKey;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
