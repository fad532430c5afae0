import { AppError } from '@/lib/errors';
import { caseIdSchema, caseListQuerySchema, endPartnerSchema, type CaseListQuery } from '@/lib/cases/schemas';
import { z } from '@/lib/validation/zod';
import { setOwn } from '@/lib/validation/own-property';
import { parseOrThrow } from '@/lib/validation/parse';

/** Route context of /api/v1/cases/{id}/…; in Next 16 the params arrive as a promise. */
export interface CaseRouteContext {
  params: Promise<{ id: string }>;
}
export interface CasePartnerRouteContext {
  params: Promise<{ id: string; partnerId: string }>;
}

/** The `{id}` of the path as a case id; anything but a UUID is a 404, before any body is read. */
export const caseIdParam = caseIdSchema;

/** The `{partnerId}` of the path (the id of the case-partner link, not of the organisation). */
export const partnerIdParam = endPartnerSchema.shape.partnerId;

/** Body of POST /api/v1/cases/{id}/partners/{partnerId}/end: the partner itself is named by the path. */
export const endPartnerBodySchema = endPartnerSchema.omit({ partnerId: true });

function pathParam(schema: z.ZodType<string>, value: string | undefined): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  return parsed.data;
}

export async function caseIdFrom(context: CaseRouteContext): Promise<string> {
  return pathParam(caseIdParam, (await context.params).id);
}

export async function casePartnerIdsFrom(context: CasePartnerRouteContext): Promise<{ caseId: string; partnerId: string }> {
  const params = await context.params;
  return { caseId: pathParam(caseIdParam, params.id), partnerId: pathParam(partnerIdParam, params.partnerId) };
}

/** A query string as the list schema expects it: one value per key, or all values of a repeated key. */
export function queryObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    setOwn(out, key, values.length === 1 ? values[0]! : values);
  }
  return out;
}

/** The filters of GET /api/v1/cases; a bad value is a 422 with field errors, like a bad body. */
export function parseCaseListQuery(request: Request): CaseListQuery {
  return parseOrThrow(caseListQuerySchema, queryObject(new URL(request.url).searchParams));
}
