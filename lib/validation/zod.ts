import { z } from 'zod';

// Every message a user sees from a schema is Dutch; our own messages override where they help more.
z.config(z.locales.nl());

export { z };

export type FieldErrors = Record<string, string[]>;

/** Field errors keyed by field path; unknown fields get their own entry so the caller sees which. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (out[[...issue.path, key].join('.')] ??= []).push('Onbekend veld.');
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
