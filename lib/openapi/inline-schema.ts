import { z } from '@/lib/validation/zod';

/** A zod schema as JSON Schema inside the document: the input shape, without its own `$schema` dialect. */
export function inlineSchema(schema: z.ZodType): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).filter(([key]) => key !== '$schema'),
  );
}
