import type { agreementActions } from '@/db/schema';
import { agreementIdSchema, myAgreementsQuerySchema, type LogActionInput, type MyAgreementsQuery } from '@/lib/agreements/schemas';
import { AppError, validation, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { queryObject } from './cases';
import { parseOrThrow } from '@/lib/validation/parse';
import type { AgreementActionEntry } from '@/lib/agreements/agreement-views';

/** Route context of /api/v1/agreements/{id}/…; in Next 16 the params arrive as a promise. */
export interface AgreementRouteContext {
  params: Promise<{ id: string }>;
}

/** The `{id}` of the path as an agreement id; anything but a UUID is a 404, before any body is read. */
export const agreementIdParam = agreementIdSchema;

export async function agreementIdFrom(context: AgreementRouteContext): Promise<string> {
  const parsed = agreementIdParam.safeParse((await context.params).id);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The filters of GET /api/v1/agreements; a bad value is a 422 with field errors, like a bad body. */
export function parseAgreementListQuery(request: Request): MyAgreementsQuery {
  return parseOrThrow(myAgreementsQuerySchema, queryObject(new URL(request.url).searchParams));
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The header as documented: the same rules as the `idempotencyKey` field of the body. */
export const idempotencyKeyHeader = z
  .string()
  .min(8, msg('api.idempotencyKeyTooShort'))
  .max(100, msg('api.idempotencyKeyTooLong'))
  .describe('Any unique string per request, like a UUID; a retry of the same request sends the same key');

/**
 * The idempotency key of a progress entry: from the `Idempotency-Key` header or the body's
 * `idempotencyKey` (both may be sent, but then they must be the same).
 */
export function withIdempotencyKey(request: Request, body: LogActionInput): LogActionInput {
  const header = request.headers.get(IDEMPOTENCY_HEADER);
  if (header === null) return body;
  const parsed = idempotencyKeyHeader.safeParse(header.trim());
  if (!parsed.success) throw validation({ [IDEMPOTENCY_HEADER]: parsed.error.issues.map((i) => i.message) });
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== parsed.data) {
    throw validation({ idempotencyKey: [msg('api.idempotencyKeyDiffers', { IDEMPOTENCY_HEADER })] });
  }
  return { ...body, idempotencyKey: parsed.data };
}

/** A stored progress entry as the API answers it (without the key or the author's ids). */
export function actionEntry(action: Pick<typeof agreementActions.$inferSelect, 'id' | 'agreementId' | 'kind' | 'note' | 'createdAt'>): AgreementActionEntry {
  return { id: action.id, agreementId: action.agreementId, kind: action.kind, note: action.note, createdAt: action.createdAt };
}
