import type { Env } from '@/lib/env/schema';

/**
 * Who the app's mail comes from: MAIL_FROM, or casusregie@ the host of NEXTAUTH_URL (the address people
 * already know the app by), so mail servers can check the sender's domain and answer to it.
 */
export function mailSender(env: Pick<Env, 'MAIL_FROM' | 'NEXTAUTH_URL'>): string {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  const host = new URL(env.NEXTAUTH_URL ?? 'http://localhost').hostname;
  // An address literal takes brackets (RFC 5321 §4.1.3).
  if (/^[\d.]+$/.test(host)) return `casusregie@[${host}]`;
  if (host.startsWith('[')) return `casusregie@[IPv6:${host.slice(1, -1)}]`;
  return `casusregie@${host}`;
}

/** The domain of a sender address: the right-hand side of the Message-IDs its mail carries. */
export function messageIdDomain(sender: string): string {
  return sender.slice(sender.lastIndexOf('@') + 1);
}
