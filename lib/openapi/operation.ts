import type { oas31, ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from '@/lib/validation/zod';

/*
 * One way to write an operation of the OpenAPI document: the route's own zod schemas for query and body,
 * the lib's response schema for the answer, and error statuses by number. zod-openapi renders the schemas;
 * the error answers are one shared component each.
 */

export const errorBody = z
  .object({
    error: z.string().describe('Dutch message for the user'),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Per field path (like 'subject.birthDate'; '_' for the whole input) its Dutch messages; only with 422"),
    correlationId: z.uuid().optional().describe('Only with 500 and 503: quote it to the administrator'),
  })
  .describe('Every error answers this shape')
  .meta({ id: 'Error' });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503;

/** A JSON body of the given schema (an answer or a request body). */
export const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

const retryAfter = { 'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds' } };

const ERRORS: Record<ErrorStatus, ZodOpenApiResponseObject> = {
  400: { id: 'BadRequest', description: 'The body is not valid JSON', content: json(errorBody) },
  401: { id: 'Unauthenticated', description: 'Not signed in (or the session ended)', content: json(errorBody) },
  403: {
    id: 'Forbidden',
    content: json(errorBody),
    description:
      'The action is not allowed on a resource the user can see; or a POST, PUT, PATCH or DELETE with the session cookie came without an `Origin` header naming this site (or with one naming another site)',
  },
  404: { id: 'NotFound', description: 'Not found, or not visible to this user', content: json(errorBody) },
  409: { id: 'Conflict', description: 'The `version` sent is no longer current: someone else changed it', content: json(errorBody) },
  413: { id: 'PayloadTooLarge', description: 'The body is larger than 64 kB', content: json(errorBody) },
  415: { id: 'UnsupportedMediaType', description: 'The body is not sent as application/json', content: json(errorBody) },
  422: { id: 'Validation', description: 'Input rejected; `fieldErrors` names each field with its Dutch messages', content: json(errorBody) },
  500: { id: 'Internal', description: 'Unexpected failure; the body carries a `correlationId`', content: json(errorBody) },
  503: {
    id: 'Unavailable',
    description: 'The database is unreachable or too busy (a bounded wait ran out); try again after `Retry-After` seconds. The body carries a `correlationId`',
    headers: retryAfter,
    content: json(errorBody),
  },
};

/** What every request with a body can meet before the handler runs. */
export const BODY_ERRORS: ErrorStatus[] = [400, 413, 415, 422];

/** The error answers of a signed-in operation: the given statuses, plus 401, 500 and 503 that any of them can meet. */
export function errors(statuses: ErrorStatus[] = []): ZodOpenApiResponsesObject {
  const all = [...new Set<ErrorStatus>([401, ...statuses, 500, 503])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((status) => [status, ERRORS[status]]));
}

/** Too many requests of this kind; `Retry-After` says when to try again. */
export const tooMany = (description: string): ZodOpenApiResponseObject => ({ description, headers: retryAfter, content: json(errorBody) });

export interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  /** No session needed. */
  public?: boolean;
  /** Instead of the session: another scheme of components.securitySchemes (with public: no 401 of the session). */
  security?: Record<string, string[]>[];
  query?: z.ZodObject;
  /** Parameters besides the path's own and the query: headers, or a path parameter the path cannot name. */
  parameters?: (z.ZodType | oas31.ParameterObject)[];
  body?: z.ZodType;
  /** Success status, its description and its body (null: any JSON object). */
  success: [status: number, description: string, schema: z.ZodType | null];
  errors?: ErrorStatus[];
  extraResponses?: ZodOpenApiResponsesObject;
}

export type Paths = Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>>;

const anyObject = { 'application/json': { schema: { type: 'object' as const } } };

/** The zod-openapi operation; document.ts adds the operationId and the path parameters. */
export function toZodOpenApi(op: Operation): ZodOpenApiOperationObject {
  const [status, description, schema] = op.success;
  return {
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: op.tags,
    ...(op.public && { security: op.security ?? [] }),
    ...(op.parameters && { parameters: op.parameters }),
    ...(op.query && { requestParams: { query: op.query } }),
    ...(op.body && { requestBody: { required: true, content: json(op.body) } }),
    responses: {
      [status]: { description, content: schema ? json(schema) : anyObject },
      ...op.extraResponses,
      ...(op.public ? {} : errors(op.errors)),
    },
  };
}
