import type { HealthAnswer } from '@/lib/http/health-view';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. It does not touch the database on purpose. */
export function GET() {
  return Response.json({ status: 'ok' } satisfies HealthAnswer);
}
