import type { z } from 'zod';
import { validation } from '@/lib/errors';
import { fieldErrorRefsOf } from './zod';

/** Input from outside through its schema: bad input is a 422 with field errors (message references), before anything is done. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validation(fieldErrorRefsOf(parsed.error));
  return parsed.data;
}
