import { parseDashboardCsvQuery } from '@/lib/api/dashboard';
import { exportDashboardCsv } from '@/lib/dashboard/csv';
import { csvResponse } from '@/lib/http/csv-response';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async (request, actor) => csvResponse(await exportDashboardCsv(actor, parseDashboardCsvQuery(request))));
