import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { UserRole } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { sessionCookieName } from './cookies';
import { authSecret } from './secret';
import { resolveSession, type Actor } from './sessions';
import { claimsFromToken } from './token';

/**
 * The signed-in user for this request, re-read from the database (so deactivation and role changes
 * apply at once), or null. Cached per request, so a page and its layout share one lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  let token: unknown;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
  const claims = claimsFromToken(token);
  if (!claims) return null;
  const actor = await asSystem((tx) => resolveSession(tx, claims));
  if (!actor) return null;
  const requestHeaders = await headers();
  return {
    ...actor,
    ip: requestHeaders.get('x-forwarded-for')?.split(',')[0]?.trim() || requestHeaders.get('x-real-ip') || null,
    userAgent: requestHeaders.get('user-agent')?.slice(0, 400) ?? null,
  };
});

/** For pages: a signed-out visitor goes to the sign-in page, a wrong role gets a 404. */
export async function requireActor(roles?: readonly UserRole[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (roles && !roles.includes(actor.role)) notFound();
  return actor;
}

export type { Actor };
