import nodemailer, { type Transporter } from 'nodemailer';
import { z } from '@/lib/validation/zod';

const mailEnv = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/.+/.test(v), { message: 'moet een smtp:// of smtps:// URL zijn' })
    .optional(),
  MAIL_FROM: z.email({ message: 'moet een e-mailadres zijn' }).default('casusregie@localhost'),
});

let cached: { transport: Transporter | null; from: string } | undefined;

/**
 * The SMTP transport, or null without SMTP_URL: then mail stays in the outbox and admins read it in the
 * dev mailbox (the embedded demo).
 */
export function mailTransport(): { transport: Transporter | null; from: string } {
  if (cached) return cached;
  const parsed = mailEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v)));
  if (!parsed.success) {
    throw new Error(`Ongeldige mailinstellingen: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = {
    transport: parsed.data.SMTP_URL ? nodemailer.createTransport(parsed.data.SMTP_URL) : null,
    from: parsed.data.MAIL_FROM,
  };
  return cached;
}
