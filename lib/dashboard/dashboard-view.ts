import { targetGroup } from '@/db/schema';
import { day as date } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';
import { SIGNAL_LEVELS } from './signals';
import { SMALL_CELL, SMALL_CELL_LIMIT } from './small-cells';

/*
 * What the dashboard returns and the API answers, defined once: the lib's types are inferred from this
 * schema and the OpenAPI document renders it (its `id` is its component name there).
 */

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
      repeatReferrals: caseCount.describe('Referrals in the period of a person whose earlier case was closed (afgesloten) in the 12 months before'),
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
  .describe('The managers’ dashboard: pseudonymised aggregates, no case is named')
  .meta({ id: 'Dashboard' });

export type Dashboard = z.infer<typeof dashboardResponse>;
export type KeyFigures = Dashboard['figures'];
export type PartnerRow = Dashboard['partners'][number];
export type MunicipalityRow = Dashboard['municipalities'][number];
