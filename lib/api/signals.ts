import { parseSignalQuery } from '@/lib/signals/list-signals';
import type { SignalListQuery } from '@/lib/signals/schemas';
import { signalIdSchema } from '@/lib/signals/schemas';
import { AppError } from '@/lib/errors';
import { queryObject } from './cases';

/** Route context of /api/v1/signals/{id}/…; in Next 16 the params arrive as a promise. */
export interface SignalRouteContext {
  params: Promise<{ id: string }>;
}

/** The `{id}` of the path as a signal id; anything but a UUID is a 404, before any body is read. */
export const signalIdParam = signalIdSchema;

export async function signalIdFrom(context: SignalRouteContext): Promise<string> {
  const parsed = signalIdParam.safeParse((await context.params).id);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The filters of GET /api/v1/signals(.csv); a bad value is a 422 with field errors, like a bad body. */
export function parseSignalListQuery(request: Request): SignalListQuery {
  return parseSignalQuery(queryObject(new URL(request.url).searchParams));
}
