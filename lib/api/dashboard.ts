import { dashboardCsvQuerySchema, dashboardQuerySchema, type DashboardCsvQuery, type DashboardQuery } from '@/lib/dashboard/query';
import { queryObject } from './cases';
import { parseOrThrow } from '@/lib/validation/parse';

/** The filters of GET /api/v1/dashboard; a bad value is a 422 with field errors, like a bad body. */
export function parseDashboardQuery(request: Request): DashboardQuery {
  return parseOrThrow(dashboardQuerySchema, queryObject(new URL(request.url).searchParams));
}

/** The table and filters of GET /api/v1/dashboard.csv. */
export function parseDashboardCsvQuery(request: Request): DashboardCsvQuery {
  return parseOrThrow(dashboardCsvQuerySchema, queryObject(new URL(request.url).searchParams));
}
