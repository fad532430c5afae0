import { dashboardCsvQuerySchema, dashboardQuerySchema, type DashboardCsvQuery, type DashboardQuery } from '@/lib/dashboard/query';
import { validation } from '@/lib/http/errors';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { queryObject } from './cases';

/** The filters of GET /api/v1/dashboard; a bad value is a 422 with field errors, like a bad body. */
export function parseDashboardQuery(request: Request): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) throw validation(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The table and filters of GET /api/v1/dashboard.csv. */
export function parseDashboardCsvQuery(request: Request): DashboardCsvQuery {
  const parsed = dashboardCsvQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) throw validation(fieldErrorsOf(parsed.error));
  return parsed.data;
}
