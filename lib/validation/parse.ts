import type { z } from 'zod';
import { validation } from '@/lib/errors';
import { fieldErrorsOf } from './zod';

/** Input from outside through its schema: bad input is a 422 with Dutch field errors, before anything is done. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validation(fieldErrorsOf(parsed.error));
  return parsed.data;
}
