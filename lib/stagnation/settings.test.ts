import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { DEFAULT_STAGNATION_SETTINGS, stagnationSettingsSchema } from './settings';

function errorsOf(input: unknown) {
  const result = stagnationSettingsSchema.safeParse(input);
  if (result.success) throw new Error('verwacht een fout');
  return fieldErrorsOf(result.error);
}

describe('stagnation settings', () => {
  it('fills in the defaults', () => {
    expect(DEFAULT_STAGNATION_SETTINGS).toEqual({
      overdueGraceDays: 0,
      severeOverdueFactor: 3,
      noProgressWorkingDays: 10,
      dueDateMovesThreshold: 2,
      caseIdleWorkingDays: 30,
      referralNormWorkingDays: 5,
      partnerOverdueThreshold: 5,
      toOrganisationContactWorkingDays: 5,
      toManagerWorkingDays: 10,
      reminderWorkingDaysBeforeDue: 2,
      goodFridayIsHoliday: true,
      liberationDay: 'every_year',
    });
  });

  it('keeps valid choices', () => {
    const parsed = stagnationSettingsSchema.parse({ overdueGraceDays: 2, severeOverdueFactor: 2.5, liberationDay: 'lustrum_years' });
    expect(parsed.overdueGraceDays).toBe(2);
    expect(parsed.severeOverdueFactor).toBe(2.5);
    expect(parsed.liberationDay).toBe('lustrum_years');
  });

  it('refuses negative numbers and fractions of days, in Dutch', () => {
    expect(errorsOf({ overdueGraceDays: -1, reminderWorkingDaysBeforeDue: -2, noProgressWorkingDays: 0, caseIdleWorkingDays: 2.5 })).toEqual({
      overdueGraceDays: ['mag niet negatief zijn'],
      reminderWorkingDaysBeforeDue: ['mag niet negatief zijn'],
      noProgressWorkingDays: ['moet minstens 1 zijn'],
      caseIdleWorkingDays: ['moet een geheel getal zijn'],
    });
    expect(errorsOf({ severeOverdueFactor: -3 })).toEqual({
      severeOverdueFactor: ['moet minstens 1 zijn: ernstig over de einddatum kan niet eerder zijn dan over de einddatum'],
    });
  });

  it('refuses an escalation ladder whose manager step does not come after the organisation step', () => {
    const message =
      'Deze drempels spreken elkaar tegen: opschalen naar de manager (5 werkdagen) moet later komen dan opschalen ' +
      'naar de contactpersoon van de organisatie (5 werkdagen). Kies meer dan 5 werkdagen.';
    expect(errorsOf({ toOrganisationContactWorkingDays: 5, toManagerWorkingDays: 5 })).toEqual({ toManagerWorkingDays: [message] });
    expect(errorsOf({ toOrganisationContactWorkingDays: 12 }).toManagerWorkingDays).toHaveLength(1);
  });

  it('refuses an agreement threshold that would only fire after its case already counts as idle', () => {
    expect(errorsOf({ noProgressWorkingDays: 40 })).toEqual({
      noProgressWorkingDays: [
        'Deze drempels spreken elkaar tegen: een afspraak zonder voortgang (40 werkdagen) moet eerder opvallen dan ' +
          'een stilliggende casus (30 werkdagen). Kies hoogstens 30 werkdagen.',
      ],
    });
  });

  it('says what is wrong with the wrong kind of value', () => {
    expect(errorsOf({ partnerOverdueThreshold: 'vijf', liberationDay: 'soms' })).toEqual({
      partnerOverdueThreshold: ['moet een getal zijn'],
      liberationDay: ["moet 'every_year', 'lustrum_years' of 'never' zijn"],
    });
  });
});
