import { targetGroup } from '@/db/schema';
import type { readDashboard } from '@/lib/dashboard/figures';
import { dashboardCsvQuerySchema, dashboardQuerySchema } from '@/lib/dashboard/query';
import { SIGNAL_LEVELS } from '@/lib/dashboard/signals';
import { SMALL_CELL, SMALL_CELL_LIMIT } from '@/lib/dashboard/small-cells';
import { z } from '@/lib/validation/zod';
import type { Json, Same } from '../type-match';
import { type Paths } from '../operation';

/*
 * The dashboard endpoints of the OpenAPI document (lib/openapi/document.ts spreads these in): the
 * response schema and the paths. The schema is tied to the lib's return type by the compile-time check
 * at the bottom, like ./responses.ts.
 */

const date = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');
const count = z.int().min(0);
const caseCount = z
  .union([z.int().min(0), z.literal(SMALL_CELL)])
  .describe(`A number of cases; "${SMALL_CELL}" for 1 to ${SMALL_CELL_LIMIT - 1} in a manager's (pseudonymised) view, exact for a regisseur`);
const median = z
  .number()
  .nullable()
  .describe(`Days, one decimal; null when no case completed the phase, or (manager's view) fewer than ${SMALL_CELL_LIMIT} did`);
const days = z.number().nullable().describe('Days, one decimal; null when nothing to measure');
const percent = z.int().min(0).max(100).nullable().describe('Whole percent; null when no agreement was due');

export const dashboardResponse = z
  .object({
    scope: z
      .object({
        from: date,
        to: date.describe('Inclusive'),
        today: date.describe('Today in Europe/Amsterdam: open and overdue are counted as of today'),
        type: z.enum(targetGroup.enumValues).optional(),
        municipality: z.string().optional(),
        organisation: z.uuid().optional(),
      })
      .describe('The period and filters the figures are for (defaults filled in)'),
    figures: z.object({
      activeCases: caseCount.describe('Cases actief or monitoring, now'),
      newReferrals: caseCount.describe('Cases referred in the period'),
      openAgreements: count.describe('Agreements open or in uitvoering, now'),
      overdueAgreements: count.describe('Open agreements whose due date lies before today'),
      agreementsDue: count.describe('Agreements due in the period whose due date has passed or that are done (vervallen ones excluded)'),
      agreementsOnTime: count.describe('Of those: gereed, completed on or before the due date'),
      onTimePercent: percent,
      medianDaysToTriage: median.describe('Median days from referral to triage, of the cases triaged in the period'),
      medianDaysToClosure: median.describe('Median days from referral to closure, of the cases closed (afgesloten) in the period'),
      triagedCases: caseCount.describe('Cases triaged in the period (the base of medianDaysToTriage)'),
      closedCases: caseCount.describe('Cases closed (afgesloten) in the period (the base of medianDaysToClosure)'),
    }),
    partners: z
      .array(
        z.object({
          organisationId: z.uuid(),
          name: z.string(),
          shortName: z.string(),
          open: count,
          overdue: count,
          agreementsDue: count,
          agreementsOnTime: count,
          onTimePercent: percent,
          averageDaysOverdue: days.describe('Mean days past the due date of the overdue agreements'),
          notDoneNoLongerPossible: caseCount.describe('Not done (due in the period): no longer possible due to changed circumstances'),
          notDoneNotCarriedOut: caseCount.describe('Not done (due in the period): the partner did not carry out the action'),
        }),
      )
      .describe('Per owning partner organisation, worst stagnation first (most overdue, then longest overdue, then lowest share on time)'),
    municipalities: z
      .array(z.object({ code: z.string(), name: z.string(), activeCases: caseCount, newReferrals: caseCount }))
      .describe("The municipalities of the house's safety region and any other with cases, busiest first"),
    signals: z
      .object({
        openByLevel: z.array(z.object({ level: z.enum(SIGNAL_LEVELS), count })),
        weekly: z.array(z.object({ weekStart: date.describe('Monday of the week'), opened: count, resolved: count })),
      })
      .nullable()
      .describe('Open stagnation signals per escalation level and the weekly trend'),
    smallCells: z
      .enum(['exact', 'suppressed'])
      .describe(`suppressed (managers): counts of 1 to ${SMALL_CELL_LIMIT - 1} cases read "${SMALL_CELL}" so that nobody can be singled out; exact (regisseurs)`),
  })
  .describe('The managers’ dashboard: pseudonymised aggregates, no case is named').meta({ id: 'Dashboard' });


export const DASHBOARD_TAG = { name: 'Dashboard', description: 'Managers: where it stagnates, as pseudonymised figures and CSV' };



const ACCESS = 'Managers and regisseurs; anyone else answers 403.';

export const DASHBOARD_PATHS: Paths = {
  '/api/v1/dashboard': {
    get: {
      summary: 'The dashboard figures (stagnation and throughput)',
      description: `Key figures, a table per partner organisation and cases per municipality, for the period (default: the last twelve months up to today) and filters. Computed from pseudonymised facts only. A manager gets counts of 1 to ${SMALL_CELL_LIMIT - 1} cases as "${SMALL_CELL}" (small-cell suppression, \`smallCells: suppressed\`); a regisseur gets exact figures. ${ACCESS}`,
      tags: ['Dashboard'],
      query: dashboardQuerySchema,
      success: [200, 'The figures', dashboardResponse],
      errors: [403, 422],
    },
  },
  '/api/v1/dashboard.csv': {
    get: {
      summary: 'One table of the dashboard as CSV',
      description: `\`table\` is figures, partners or municipalities; the filters are those of /api/v1/dashboard. UTF-8 with a byte order mark, CRLF line ends; for a Dutch user semicolon-separated with a decimal comma (as Excel expects in the Netherlands), for an English user comma-separated with a decimal point. Cells starting with =, +, -, @, a tab or a carriage return get a leading apostrophe (no formula runs). A manager's export shows counts of 1 to ${SMALL_CELL_LIMIT - 1} cases as "${SMALL_CELL}", like /api/v1/dashboard, and then ends with a row explaining this. Every export is recorded in the audit log. ${ACCESS}`,
      tags: ['Dashboard'],
      query: dashboardCsvQuerySchema,
      success: [200, 'The table', null],
      errors: [403, 422],
      extraResponses: {
        200: {
          description: 'The table (`text/csv`, as an attachment named after the table and the period)',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="dashboard-<table>-<from>-<to>.csv"' } },
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
      },
    },
  },
};

// ---- Compile-time check: the schema equals the lib's return type as JSON (dates become strings).

type Returned = Json<Awaited<ReturnType<typeof readDashboard>>>;
type Documented = z.output<typeof dashboardResponse>;

export const DASHBOARD_RESPONSE_TYPES_MATCH: [
  Same<Returned['scope'], Documented['scope']>,
  Same<Returned['figures'], Documented['figures']>,
  Same<Returned['partners'][number], Documented['partners'][number]>,
  Same<Returned['municipalities'][number], Documented['municipalities'][number]>,
  Same<Returned['signals'], Documented['signals']>,
  Same<Returned['smallCells'], Documented['smallCells']>,
] = [true, true, true, true, true, true];
