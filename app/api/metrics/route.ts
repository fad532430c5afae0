import { env } from '@/lib/env';
import { observeRequest } from '@/lib/http/request-log';
import { metricsAccess } from '@/lib/metrics/access';
import { scrapeMetrics } from '@/lib/metrics/scrape';

export const dynamic = 'force-dynamic';

/**
 * Prometheus metrics for a scraper on the internal network: only with the bearer token METRICS_TOKEN;
 * without that setting the endpoint does not exist (404).
 */
export function GET(request: Request) {
  return observeRequest(request, async () => {
    const access = metricsAccess(env().METRICS_TOKEN, request.headers.get('authorization'));
    if (access === 'absent') return Response.json({ error: 'Niet gevonden.' }, { status: 404 });
    if (access === 'refused') return Response.json({ error: 'Geen of een onjuist token.' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    const { contentType, body } = await scrapeMetrics();
    return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
  });
}
