import { isDraining } from '@/lib/house/draining';
import { checkReadiness } from '@/lib/house/health';

export const dynamic = 'force-dynamic';

/**
 * Readiness: 503 while the database is unreachable (or the server drains), so a load balancer stops
 * sending traffic; the answer says what is wrong (the kind of fault, the pool's state).
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: 'shutting-down' }, { status: 503 });
  const { database, pool } = await checkReadiness();
  return Response.json({ status: database.ok ? 'ok' : 'database-unavailable', database, pool }, { status: database.ok ? 200 : 503 });
}
