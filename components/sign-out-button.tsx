import { cookies } from 'next/headers';
import { usesSecureCookies } from '@/lib/auth/cookies';

/**
 * A plain form to next-auth's sign-out endpoint: no client JavaScript (next-auth/react weighed 12 kB on
 * every page) and it works before hydration. next-auth checks the double-submit token against its CSRF
 * cookie (`token|hash`); without that cookie it shows its own confirmation step instead.
 */
export async function SignOutButton({ label }: { label: string }) {
  const name = usesSecureCookies() ? '__Host-next-auth.csrf-token' : 'next-auth.csrf-token';
  const csrfToken = (await cookies()).get(name)?.value.split('|')[0] ?? '';
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/login" />
      <button type="submit" className="rounded border border-white/60 px-3 py-1 text-sm font-medium hover:bg-white/10">
        {label}
      </button>
    </form>
  );
}
