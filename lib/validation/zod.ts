import { msg, renderFieldErrors, type ErrorLocale, type FieldErrors } from '@/lib/errors';
import * as z from './z';

/*
 * zod's own messages (too short, wrong type, …) in both languages: each issue is rendered by the Dutch
 * and the English locale when it is found, and the message is a reference carrying both, so the edge
 * can answer in the reader's language. Our own messages (message keys) override where they help more.
 */
const dutch = z.locales.nl().localeError;
const english = z.locales.en().localeError;
const text = (rendered: ReturnType<typeof dutch>) => (typeof rendered === 'string' ? rendered : (rendered?.message ?? ''));
z.config({
  localeError: (issue) => msg('zod.builtin', { nl: text(dutch(issue)), en: text(english(issue)) }),
});

export { z };
export { NUL_MESSAGE, NUMBER_RANGE_MESSAGE } from './z';

export type { FieldErrors };

export const UNKNOWN_FIELD_MESSAGE = msg('common.unknownField');

/**
 * Field errors keyed by field path, as message references; unknown fields get their own entry so the
 * caller sees which. Keys are own properties, so a field named `constructor` or `__proto__` is reported
 * like any other.
 */
export function fieldErrorRefsOf(error: z.ZodError): FieldErrors {
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = out.get(key);
    if (list) list.push(message);
    else out.set(key, [message]);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), UNKNOWN_FIELD_MESSAGE);
      continue;
    }
    add(issue.path.length ? issue.path.join('.') : '_', issue.message);
  }
  return Object.fromEntries(out);
}

/** The field errors rendered in `locale` (Dutch unless asked). */
export const fieldErrorsOf = (error: z.ZodError, locale: ErrorLocale = 'nl'): FieldErrors =>
  renderFieldErrors(fieldErrorRefsOf(error), locale);
