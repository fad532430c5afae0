import { msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

/**
 * Thresholds of the stagnation rules and the escalation ladder, set by functioneel beheer. Every count
 * of days is in working days (see working-days.ts), so a holiday week does not set off alarms.
 */

const whole = (min: number, fallback: number) =>
  z
    .number({ message: msg('common.mustBeNumber') })
    .int(msg('stagnation.mustBeWhole'))
    .min(min, min === 0 ? msg('stagnation.mustNotBeNegative') : msg('stagnation.atLeast', { min }))
    .max(1000, msg('stagnation.atMost1000'))
    .default(fallback);

export const stagnationSettingsSchema = z
  .object({
    /** Working days after the due date before an agreement counts as overdue. */
    overdueGraceDays: whole(0, 0),
    /** Severely overdue once overdue by this many times the agreement's own term. */
    severeOverdueFactor: z
      .number({ message: msg('common.mustBeNumber') })
      .min(1, msg('stagnation.severeFactorMin'))
      .max(100, msg('stagnation.atMost100'))
      .default(3),
    noProgressWorkingDays: whole(1, 10),
    dueDateMovesThreshold: whole(1, 2),
    caseIdleWorkingDays: whole(1, 30),
    referralNormWorkingDays: whole(1, 5),
    /** Overdue agreements of one partner organisation, across cases, that make a signal of their own. */
    partnerOverdueThreshold: whole(1, 5),
    toOrganisationContactWorkingDays: whole(1, 5),
    toManagerWorkingDays: whole(1, 10),
    reminderWorkingDaysBeforeDue: whole(0, 2),
    goodFridayIsHoliday: z.boolean({ message: msg('stagnation.mustBeYesNo') }).default(true),
    liberationDay: z
      .enum(['every_year', 'lustrum_years', 'never'], {
        message: msg('stagnation.chooseLiberationDay'),
      })
      .default('every_year'),
  })
  .superRefine((s, ctx) => {
    if (s.toManagerWorkingDays <= s.toOrganisationContactWorkingDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['toManagerWorkingDays'],
        message: msg('stagnation.managerAfterContact', { manager: s.toManagerWorkingDays, contact: s.toOrganisationContactWorkingDays }),
      });
    }
    // Progress on an agreement is activity on its case: a case cannot sensibly count as idle before
    // its agreements count as standing still.
    if (s.noProgressWorkingDays > s.caseIdleWorkingDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['noProgressWorkingDays'],
        message: msg('stagnation.noProgressBeforeIdle', { noProgress: s.noProgressWorkingDays, idle: s.caseIdleWorkingDays }),
      });
    }
  });

export type StagnationSettings = z.output<typeof stagnationSettingsSchema>;
export type StagnationSettingsInput = z.input<typeof stagnationSettingsSchema>;

export const DEFAULT_STAGNATION_SETTINGS: StagnationSettings = Object.freeze(stagnationSettingsSchema.parse({}));

/** The holiday options of working-day arithmetic, as these settings choose them. */
export function holidayOptionsOf(settings: StagnationSettings) {
  return { goodFriday: settings.goodFridayIsHoliday, liberationDay: settings.liberationDay };
}
