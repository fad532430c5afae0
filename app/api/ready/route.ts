import { isDraining } from '@/lib/house/draining';
import { databaseReachable } from '@/lib/house/health';

export const dynamic = 'force-dynamic';

/** Readiness: 503 while the database is unreachable, so a load balancer stops sending traffic. */
export async function GET() {
  if (isDraining()) return Response.json({ status: 'shutting-down' }, { status: 503 });
  const ok = await databaseReachable();
  return Response.json({ status: ok ? 'ok' : 'database-unavailable' }, { status: ok ? 200 : 503 });
}
