import { custom, Issuer, type Client } from 'openid-client';

/**
 * The partner's IdP as openid-client sees it: discovered from `<issuer>/.well-known/openid-configuration`
 * and kept for ten minutes (its JWKS is fetched by openid-client itself, again when an unknown key id
 * turns up, so a key rotation at the IdP needs nothing here). A failed discovery is not kept.
 */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { issuer: Issuer<Client>; at: number }>();

/** Five seconds for every call to an IdP: a hanging IdP must not hold the sign-in page. */
const HTTP_OPTIONS = { timeout: 5000 };

export interface IdpClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

async function discover(url: string): Promise<Issuer<Client>> {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.issuer;
  const issuer = await Issuer.discover(url);
  issuer[custom.http_options] = () => HTTP_OPTIONS;
  cache.set(url, { issuer, at: Date.now() });
  return issuer;
}

export async function idpClient(config: IdpClientConfig, redirectUri: string): Promise<Client> {
  const issuer = await discover(config.issuer);
  const client = new issuer.Client({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
  });
  client[custom.http_options] = () => HTTP_OPTIONS;
  // Small clock differences between the IdP and this server are normal; an expired token is not.
  client[custom.clock_tolerance] = 30;
  return client;
}

/** Forgets a discovery (a test that restarts its IdP, an admin who changed the issuer). */
export function forgetIdp(url?: string) {
  if (url) cache.delete(url);
  else cache.clear();
}
