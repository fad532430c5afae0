import * as zod from 'zod';

export * from 'zod';

/** What a user sees when a text holds a NUL character (PostgreSQL cannot store it in text). */
export const NUL_MESSAGE = 'Ongeldige tekens in de invoer (NUL-teken).';

/**
 * `z.string()` of the whole app: every free text from outside refuses a NUL character at parse time,
 * so a progress note, a search or a goal with one gets a 422 instead of a database error (22021).
 * Formats (uuid, email, dates, enums) refuse it already by their own pattern.
 */
export const string = ((params?: Parameters<typeof zod.string>[0]) =>
  zod.string(params).refine((value) => !value.includes('\u0000'), { message: NUL_MESSAGE, abort: true })) as typeof zod.string;
