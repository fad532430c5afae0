import { z } from '@/lib/validation/zod';

/**
 * Thresholds of the stagnation rules and the escalation ladder, set by functioneel beheer. Every count
 * of days is in working days (see working-days.ts), so a holiday week does not set off alarms.
 */

const whole = (min: number, fallback: number) =>
  z
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(min, min === 0 ? 'mag niet negatief zijn' : `moet minstens ${min} zijn`)
    .max(1000, 'mag hoogstens 1000 zijn')
    .default(fallback);

export const stagnationSettingsSchema = z
  .object({
    /** Working days after the due date before an agreement counts as overdue. */
    overdueGraceDays: whole(0, 0),
    /** Severely overdue once overdue by this many times the agreement's own term. */
    severeOverdueFactor: z
      .number({ message: 'moet een getal zijn' })
      .min(1, 'moet minstens 1 zijn: ernstig over de einddatum kan niet eerder zijn dan over de einddatum')
      .max(100, 'mag hoogstens 100 zijn')
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
    goodFridayIsHoliday: z.boolean({ message: 'moet ja of nee zijn' }).default(true),
    liberationDay: z
      .enum(['every_year', 'lustrum_years', 'never'], {
        message: "moet 'every_year', 'lustrum_years' of 'never' zijn",
      })
      .default('every_year'),
  })
  .superRefine((s, ctx) => {
    if (s.toManagerWorkingDays <= s.toOrganisationContactWorkingDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['toManagerWorkingDays'],
        message:
          `Deze drempels spreken elkaar tegen: opschalen naar de manager (${s.toManagerWorkingDays} werkdagen) ` +
          `moet later komen dan opschalen naar de contactpersoon van de organisatie ` +
          `(${s.toOrganisationContactWorkingDays} werkdagen). Kies meer dan ${s.toOrganisationContactWorkingDays} werkdagen.`,
      });
    }
    // Progress on an agreement is activity on its case: a case cannot sensibly count as idle before
    // its agreements count as standing still.
    if (s.noProgressWorkingDays > s.caseIdleWorkingDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['noProgressWorkingDays'],
        message:
          `Deze drempels spreken elkaar tegen: een afspraak zonder voortgang (${s.noProgressWorkingDays} werkdagen) ` +
          `moet eerder opvallen dan een stilliggende casus (${s.caseIdleWorkingDays} werkdagen). ` +
          `Kies hoogstens ${s.caseIdleWorkingDays} werkdagen.`,
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
