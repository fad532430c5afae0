import type { FieldErrors } from '@/lib/errors';
import * as z from './z';

// Every message a user sees from a schema is Dutch; our own messages override where they help more.
z.config(z.locales.nl());

export { z };
export { NUL_MESSAGE, NUMBER_RANGE_MESSAGE } from './z';

export type { FieldErrors };

export const UNKNOWN_FIELD_MESSAGE = 'Onbekend veld.';

/**
 * Field errors keyed by field path; unknown fields get their own entry so the caller sees which. Keys are
 * own properties, so a field named `constructor` or `__proto__` is reported like any other.
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
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
