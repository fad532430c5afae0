import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { NotFoundError } from '@/lib/errors';
import { requestIdSchema } from './schemas';

export const requestNotFound = () => new NotFoundError('resource');

/** An id that is no id names nothing: the same 404 as a request that does not exist. */
export function parseRequestId(id: unknown): string {
  const parsed = requestIdSchema.safeParse(id);
  if (!parsed.success) throw requestNotFound();
  return parsed.data;
}

/** The contact point's work (lib/access/data-subject-requests.ts): anyone else is refused, and the attempt logged. */
export async function assertContactPoint(actor: Actor, attempted: string, entityId?: string): Promise<void> {
  await enforce(actor, 'dataSubjectRequest.manage', { entity: 'data-subject-request', entityId, attempted, kind: 'resource' });
}
