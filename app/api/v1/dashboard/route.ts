import { NextResponse } from 'next/server';
import { parseDashboardQuery } from '@/lib/api/dashboard';
import { getDashboard } from '@/lib/dashboard/figures';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  const dashboard = await getDashboard(actor, parseDashboardQuery(request));
  return NextResponse.json(dashboard, { headers: { 'Cache-Control': 'private, no-store' } });
});
