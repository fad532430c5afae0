import { z } from '@/lib/validation/zod';
import { SIGN_IN_MESSAGES as m } from './sign-in-fields';
import { msg } from '@/lib/errors';

export { safeCallbackPath } from './sign-in-fields';

/** Shared by the sign-in form (field errors before a round trip) and the credentials check. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, m.emailMissing)
    .max(254, m.emailLong)
    .pipe(z.email({ message: m.emailInvalid })),
  password: z.string().min(1, m.passwordMissing).max(1024, m.passwordLong),
  /** The second factor in the same request (scripts): a code from the authenticator app or a recovery code. */
  code: z
    .string()
    .trim()
    .max(64, msg('auth.codeTooLong'))
    .optional()
    .transform((v) => v || undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;


/** The second step of the sign-in form: a code from the authenticator app or a recovery code. */
export const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, msg('auth.fillInCode'))
    .max(64, msg('auth.codeTooLong')),
});
