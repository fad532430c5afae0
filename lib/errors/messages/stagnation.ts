/** Messages of stagnation (the thresholds functioneel beheer sets): Dutch and English; a key missing in English does not compile. */
export const nl = {
  'stagnation.atLeast': 'moet minstens {min} zijn',
  'stagnation.atMost100': 'mag hoogstens 100 zijn',
  'stagnation.atMost1000': 'mag hoogstens 1000 zijn',
  'stagnation.chooseLiberationDay': "moet 'every_year', 'lustrum_years' of 'never' zijn",
  'stagnation.managerAfterContact':
    'Deze drempels spreken elkaar tegen: opschalen naar de manager ({manager} werkdagen) moet later komen dan opschalen naar de contactpersoon van de organisatie ({contact} werkdagen). Kies meer dan {contact} werkdagen.',
  'stagnation.mustBeWhole': 'moet een geheel getal zijn',
  'stagnation.mustBeYesNo': 'moet ja of nee zijn',
  'stagnation.mustNotBeNegative': 'mag niet negatief zijn',
  'stagnation.noProgressBeforeIdle':
    'Deze drempels spreken elkaar tegen: een afspraak zonder voortgang ({noProgress} werkdagen) moet eerder opvallen dan een stilliggende casus ({idle} werkdagen). Kies hoogstens {idle} werkdagen.',
  'stagnation.severeFactorMin': 'moet minstens 1 zijn: ernstig over de einddatum kan niet eerder zijn dan over de einddatum',
};

export const en: Record<keyof typeof nl, string> = {
  'stagnation.atLeast': 'must be at least {min}',
  'stagnation.atMost100': 'must be at most 100',
  'stagnation.atMost1000': 'must be at most 1000',
  'stagnation.chooseLiberationDay': "must be 'every_year', 'lustrum_years' or 'never'",
  'stagnation.managerAfterContact':
    'These thresholds contradict each other: escalating to the manager ({manager} working days) must come later than escalating to the contact person of the organisation ({contact} working days). Choose more than {contact} working days.',
  'stagnation.mustBeWhole': 'must be a whole number',
  'stagnation.mustBeYesNo': 'must be yes or no',
  'stagnation.mustNotBeNegative': 'must not be negative',
  'stagnation.noProgressBeforeIdle':
    'These thresholds contradict each other: an agreement without progress ({noProgress} working days) must stand out sooner than an idle case ({idle} working days). Choose at most {idle} working days.',
  'stagnation.severeFactorMin': 'must be at least 1: severely overdue cannot come before overdue',
};
