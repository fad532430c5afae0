import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { mailSender } from './sender';

let cached: { transport: Transporter | null; from: string } | undefined;

/**
 * The SMTP transport, or null without SMTP_URL: then mail stays in the outbox and admins read it in the
 * dev mailbox (the embedded demo). SMTP_URL and MAIL_FROM are checked with the rest of the environment.
 */
export function mailTransport(): { transport: Transporter | null; from: string } {
  if (cached) return cached;
  const config = env();
  cached = { transport: config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null, from: mailSender(config) };
  return cached;
}
