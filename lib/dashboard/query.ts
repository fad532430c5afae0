import { addDays, subMonths } from 'date-fns';
import type { TargetGroup } from '@/db/schema';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { municipalityCodeSchema } from '@/lib/cases/schemas';
import { TARGET_GROUPS } from '@/lib/cases/vocabulary';
import { validation, msg } from '@/lib/errors';
import { acceptTypedDate } from '@/lib/forms/typed-date';
import { z } from '@/lib/validation/zod';

/** The tables of the dashboard, each exportable as CSV. */
export const DASHBOARD_TABLES = ['figures', 'partners', 'municipalities'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** A query string value as one value: the first of a repeated key; an empty form field is no filter. */
const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const value = Array.isArray(v) ? v[0] : v;
    return value === undefined || value === '' ? undefined : value;
  }, schema.optional());

// The filter bar types dates as day-month-year (components/ui/date-filter.tsx); the API sends ISO.
const day = (label: string) =>
  z.preprocess(
    acceptTypedDate,
    z.iso
      .date({ message: msg('dashboard.useDateFormatFor', { label }), abort: true })
      .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', { message: msg('dashboard.chooseDateBetween', { label }) }),
  );

const filterShape = {
  from: oneOrMany(day('de begindatum')).describe('First day of the period (JJJJ-MM-DD); default twelve months before `to`'),
  to: oneOrMany(day('de einddatum')).describe('Last day of the period (JJJJ-MM-DD), inclusive; default today'),
  type: oneOrMany(z.enum(TARGET_GROUPS, { message: msg('dashboard.unknownTargetGroup') })).describe('Target group (aanpak) of the cases'),
  municipality: oneOrMany(municipalityCodeSchema).describe('CBS code of the municipality, like GM0344'),
  organisation: oneOrMany(z.uuid({ message: msg('common.unknownPartnerOrg') })).describe(
    'Partner organisation: agreements it owns, and cases it is or was convened to',
  ),
};

const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const PERIOD_MESSAGE = msg('dashboard.endBeforeStart');

/** The filters of the dashboard, from the URL of the page or of GET /api/v1/dashboard. */
export const dashboardQuerySchema = z
  .object(filterShape)
  .refine(periodInOrder, { message: PERIOD_MESSAGE, path: ['to'] });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The same filters plus the table to export, for GET /api/v1/dashboard.csv. */
export const dashboardCsvQuerySchema = z
  .object({
    table: z
      .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(DASHBOARD_TABLES, { message: msg('dashboard.chooseTable') }))
      .describe('Which table to export'),
    ...filterShape,
  })
  .refine(periodInOrder, { message: PERIOD_MESSAGE, path: ['to'] });
export type DashboardCsvQuery = z.infer<typeof dashboardCsvQuerySchema>;

/** The filters with the period filled in: what the figures are computed for. */
export interface DashboardScope {
  from: string;
  to: string;
  /** Today in the house's time zone: "open" and "overdue" are measured now, not at the end of the period. */
  today: string;
  type?: TargetGroup;
  municipality?: string;
  organisation?: string;
}

/** Fills in the default period (the last twelve months up to and including today). */
export function resolveScope(query: DashboardQuery, now = new Date()): DashboardScope {
  const today = todayInAmsterdam(now);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? iso(addDays(subMonths(parseDay(to), 12), 1));
  if (from > to) throw validation({ to: [PERIOD_MESSAGE] });
  return {
    from,
    to,
    today,
    ...(query.type && { type: query.type }),
    ...(query.municipality && { municipality: query.municipality }),
    ...(query.organisation && { organisation: query.organisation }),
  };
}

function parseDay(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function iso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
