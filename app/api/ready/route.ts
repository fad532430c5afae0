import { isDraining } from '@/lib/house/draining';
import { checkReadiness } from '@/lib/house/health';
import { selfCheckState } from '@/lib/house/self-check';
import type { HealthAnswer } from '@/lib/http/health-view';

export const dynamic = 'force-dynamic';

/**
 * Readiness: 503 while the database is unreachable (or the server drains), so a load balancer stops
 * sending traffic; the answer says what is wrong (the kind of fault, the pool's state).
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: 'shutting-down' } satisfies HealthAnswer, { status: 503 });
  const { database, pool } = await checkReadiness();
  if (!database.ok) return Response.json({ status: 'database-unavailable', database, pool } satisfies HealthAnswer, { status: 503 });
  // The start-up checks (migrations, app role, field keys) had to wait for the database, or found a problem (logged).
  const selfCheck = selfCheckState();
  if (selfCheck !== 'ok') return Response.json({ status: selfCheck === 'pending' ? 'starting' : 'self-check-failed', database, pool } satisfies HealthAnswer, { status: 503 });
  return Response.json({ status: 'ok', database, pool } satisfies HealthAnswer);
}
