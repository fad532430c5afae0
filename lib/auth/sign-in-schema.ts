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
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths, so the sign-in page cannot be used to send someone elsewhere. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
