import { DEMO_TOTP_SECRETS } from '../../lib/seed/demo-data';
import { timeStep, totpCode } from '../../lib/auth/totp';

export const DEMO_PASSWORD = 'Casusregie-demo-2026';

export interface Answer {
  status: number;
  /** Which instance answered, as HAProxy says (X-Casusregie-Instance); undefined when asked directly. */
  instance?: string;
  body: unknown;
}

/**
 * A script's session with the app: the cookie it got at sign-in, sent to whichever address it asks
 * (HAProxy or one instance directly). `origin` is the public address, as a browser would send it.
 */
export class Session {
  constructor(
    readonly origin: string,
    private cookie = '',
  ) {}

  async request(base: string, method: string, path: string, json?: unknown): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
      redirect: 'manual',
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, instance: response.headers.get('x-casusregie-instance') ?? undefined, body };
  }

  /** A GET whose body the caller reads as it arrives (an event stream), with this session's cookie. */
  open(base: string, path: string, signal: AbortSignal): Promise<Response> {
    return fetch(`${base}${path}`, { headers: { origin: this.origin, cookie: this.cookie }, signal });
  }

  /**
   * One POST of email, password and (with `withCode`) the account's current TOTP code to next-auth's
   * credentials callback at `base`, as a script signs in. True when a session cookie came back.
   */
  async signIn(base: string, email: string, password: string, withCode = true): Promise<boolean> {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const code = withCode ? totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(Date.now())) : undefined;
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: this.origin },
      body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), json: 'true' }),
    });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('casusregie.session='));
    if (!session) return false;
    this.cookie = session.split(';')[0]!;
    return true;
  }
}
