import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * Where links in mail point (an invitation, a request for approval): the configured public URL, else the
 * host this request came in on (the user's own address bar, so a forged Host header only misleads the
 * one who sent it).
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured;
  const requestHeaders = await headers();
  const proto = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${requestHeaders.get('host') ?? 'localhost:3000'}`;
}
