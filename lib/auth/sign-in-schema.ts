import { z } from '@/lib/validation/zod';

/** Shared by the sign-in form (field errors before a round trip) and the credentials check. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Vul je e-mailadres in.')
    .max(254, 'Dit e-mailadres is te lang.')
    .pipe(z.email({ message: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.' })),
  password: z.string().min(1, 'Vul je wachtwoord in.').max(1024, 'Dit wachtwoord is te lang.'),
  /** The second factor in the same request (scripts): a code from the authenticator app or a recovery code. */
  code: z
    .string()
    .trim()
    .max(64, 'Deze code is te lang.')
    .optional()
    .transform((v) => v || undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths, so the sign-in page cannot be used to send someone elsewhere. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** The second step of the sign-in form: a code from the authenticator app or a recovery code. */
export const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Vul de code uit je authenticator-app in.')
    .max(64, 'Deze code is te lang.'),
});
