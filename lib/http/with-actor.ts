import 'server-only';
import { inRequestScope } from '@/db/request-scope';
import type { NextResponse } from 'next/server';
import { getActor, type Actor } from '@/lib/auth/actor';
import { AppError, msg } from '@/lib/errors';
import { apiLocale } from '@/lib/i18n/negotiate';
import { enforceRateLimit } from './rate-limit';
import { DEFAULT_MAX_BODY_BYTES } from './read-json';
import { observeRequest } from './request-log';
import { jsonError, toErrorResponse } from './respond';
import { assertSameOrigin } from './same-origin';

type Handler<C> = (request: Request, actor: Actor, context: C) => Promise<NextResponse | Response>;

const isExport = (request: Request) => request.method === 'GET' && new URL(request.url).pathname.endsWith('.csv');

/**
 * The body is read before the session check opens the request's transaction, so a client that sends
 * slowly holds no database connection meanwhile. At most one byte past the largest body a route accepts
 * (lib/http/read-json.ts), so the route still answers as before (413, 415, 422) and nothing larger is kept.
 */
async function withBodyRead(request: Request): Promise<Request> {
  if (!request.body || request.method === 'GET' || request.method === 'HEAD') return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= DEFAULT_MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size > DEFAULT_MAX_BODY_BYTES) await reader.cancel();
  const body = Buffer.concat(chunks).subarray(0, DEFAULT_MAX_BODY_BYTES + 1);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/**
 * Every API route goes through here: no handler can forget the sign-in check, the cross-site check on
 * mutating methods, the export limit, the error shape and language, or the request's log line and
 * latency metric.
 */
export function withActor<C>(handler: Handler<C>) {
  // The request's own scope: its session check opens the transaction its first query runs in.
  return (request: Request, context: C): Promise<Response> => observeRequest(request, () => inRequestScope(async () => {
    let actor: Actor | null = null;
    try {
      assertSameOrigin(request);
      const read = await withBodyRead(request);
      actor = await getActor();
      if (!actor) return jsonError(new AppError('UNAUTHENTICATED', msg('http.notSignedIn')), apiLocale(request));
      // Every CSV download is an export of data in bulk: limited per user (429 over the limit).
      if (isExport(request)) await enforceRateLimit(actor, 'export');
      return await handler(read, actor, context);
    } catch (error) {
      return toErrorResponse(error, apiLocale(request, actor?.locale));
    }
  }));
}
