import { parseDashboardCsvQuery } from '@/lib/api/dashboard';
import { exportDashboardCsv } from '@/lib/dashboard/csv';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => {
  const { filename, body } = await exportDashboardCsv(actor, parseDashboardCsvQuery(request));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
