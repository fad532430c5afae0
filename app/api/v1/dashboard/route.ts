import { NextResponse } from 'next/server';
import { parseDashboardQuery } from '@/lib/api/dashboard';
import { getDashboard } from '@/lib/dashboard/figures';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  const dashboard = await getDashboard(actor, parseDashboardQuery(request), { signals: signalFigures });
  return NextResponse.json(dashboard, { headers: { 'Cache-Control': 'private, no-store' } });
});
