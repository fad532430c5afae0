import { randomUUID } from 'node:crypto';
import { log } from '@/lib/log';
import { withRequestId } from '@/lib/log/request-context';
import { metrics } from '@/lib/metrics/registry';
import { routeTemplate } from './route-template';

/**
 * One log line and one latency observation per API request: method, route template, status, duration and
 * a request id (the incoming x-request-id of a proxy when it is a plain token, else a fresh one). Never the
 * path, the query string, a header or the body. An unexpected error's log line and answer carry the same id.
 */
export async function observeRequest(request: Request, run: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  const route = routeTemplate(new URL(request.url).pathname);
  let status = 500;
  try {
    const response = await withRequestId(requestId, run);
    status = response.status;
    return response;
  } finally {
    const ms = performance.now() - started;
    metrics().requestDuration.observe({ method: request.method, route, status: String(status) }, ms / 1000);
    log.info({ requestId, method: request.method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
  }
}
