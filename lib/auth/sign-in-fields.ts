import type { FieldErrors } from '@/lib/validation/zod';

/*
 * The sign-in form's own check before a round trip, so that an empty field or a mistyped address gets
 * its message at once. Deliberately no schema library: zod, even zod/mini, weighed 16–90 kB gzip on the
 * sign-in page. The server parses the same fields with zod (signInSchema in lib/auth/sign-in-schema.ts),
 * with these messages.
 */
export const SIGN_IN_MESSAGES = {
  emailMissing: 'Vul je e-mailadres in.',
  emailLong: 'Dit e-mailadres is te lang.',
  emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.',
  passwordMissing: 'Vul je wachtwoord in.',
  passwordLong: 'Dit wachtwoord is te lang.',
} as const;

const m = SIGN_IN_MESSAGES;
// The shape zod's z.email() accepts, in short: something@domain.tld without spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkSignInFields(
  input: Record<string, unknown>,
): { success: true; data: { email: string; password: string } } | { success: false; errors: FieldErrors } {
  const email = String(input.email ?? '').trim().toLowerCase();
  const password = String(input.password ?? '');
  const errors: FieldErrors = {};
  if (!email) errors.email = [m.emailMissing];
  else if (email.length > 254) errors.email = [m.emailLong];
  else if (!EMAIL.test(email)) errors.email = [m.emailInvalid];
  if (!password) errors.password = [m.passwordMissing];
  else if (password.length > 1024) errors.password = [m.passwordLong];
  return Object.keys(errors).length ? { success: false, errors } : { success: true, data: { email, password } };
}

// Stands for the app's own origin: what resolves elsewhere against it would leave the app.
const OWN_ORIGIN = 'http://casusregie.invalid';

/**
 * Where to go after signing in: only a path of this app, so the sign-in page cannot send anyone elsewhere.
 * The value is resolved the way a browser resolves a Location header (WHATWG URL: tabs and newlines
 * dropped, backslashes read as slashes, `https:evil` and `//evil` as other hosts); only the path, query
 * and fragment of a same-origin result are kept, percent-encoded, so the header is always valid. A path
 * that normalises to `//host` (`/.//evil.example`) keeps one leading slash.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, `${OWN_ORIGIN}/`);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN) return '/';
  const path = `/${url.pathname.replace(/^\/+/, '')}${url.search}${url.hash}`;
  return new URL(path, OWN_ORIGIN).origin === OWN_ORIGIN ? path : '/';
}
