/**
 * The two calls the browser makes to next-auth, without next-auth/react (12 kB gzip on every page it
 * reached): the double-submit CSRF token, then a form POST answered with JSON (`json: true`), exactly as
 * next-auth's own client does it.
 */
async function csrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { cache: 'no-store' });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function postForm(path: string, fields: Record<string, string>): Promise<{ status: number; ok: boolean; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: 'true' });
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  return { status: response.status, ok: response.ok, url: data.url ?? null };
}

/**
 * Checks the password (and, in the same request, the code: scripts, and signing in again in place after a
 * session ended); `ok` only when next-auth reports no error.
 */
export async function signInWithCredentials(fields: { email: string; password: string; code?: string }) {
  const result = await postForm('/api/auth/callback/credentials', fields);
  const failed = !result.url || new URL(result.url, window.location.href).searchParams.has('error');
  return { ok: result.ok && !failed, status: result.status };
}

/** Ends the session on the server (and the browser's copy: the answer carries Clear-Site-Data). */
export async function signOutAndLeave(to = '/login') {
  await postForm('/api/auth/signout', {});
  window.location.assign(to);
}
