import * as zod from 'zod';
import { msg } from '@/lib/errors';

export * from 'zod';

/** What a user sees when a text holds a NUL character (PostgreSQL cannot store it in text). */
export const NUL_MESSAGE = msg('common.nul');
export const NUMBER_RANGE_MESSAGE = msg('common.numberOutOfRange');

// PostgreSQL's integer: every number the app takes in (versions, pages, days, minutes) is stored or
// compared as one.
const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
const noNul = (value: string) => !value.includes('\u0000');
const inInt4Range = (value: number) => value >= INT4_MIN && value <= INT4_MAX;

/**
 * `z.string()` of the whole app: every free text from outside refuses a NUL character at parse time,
 * so a progress note, a search or a goal with one gets a 422 instead of a database error (22021).
 * Formats (uuid, email, dates, enums) refuse it already by their own pattern.
 */
export const string = ((params?: Parameters<typeof zod.string>[0]) =>
  zod.string(params).refine(noNul, { message: NUL_MESSAGE, abort: true })) as typeof zod.string;

/**
 * `z.number()` of the whole app: a number past PostgreSQL's integer (a version of 2147483648) is a 422,
 * not a database error (22003).
 */
export const number = ((params?: Parameters<typeof zod.number>[0]) =>
  zod.number(params).refine(inInt4Range, { message: NUMBER_RANGE_MESSAGE, abort: true })) as typeof zod.number;

/** `z.coerce` with the same two rules, for forms and query strings. */
export const coerce: typeof zod.coerce = {
  ...zod.coerce,
  string: ((params?: Parameters<typeof zod.coerce.string>[0]) =>
    zod.coerce.string(params).refine(noNul, { message: NUL_MESSAGE, abort: true })) as typeof zod.coerce.string,
  number: ((params?: Parameters<typeof zod.coerce.number>[0]) =>
    zod.coerce.number(params).refine(inInt4Range, { message: NUMBER_RANGE_MESSAGE, abort: true })) as typeof zod.coerce.number,
};
