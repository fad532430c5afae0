/** Messages of retention: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'retention.alreadyRemoved': 'De persoonsgegevens van deze casus zijn al verwijderd; verlengen kan niet meer.',
  'retention.onlyEnded': 'Alleen een afgesloten of afgewezen casus heeft een bewaartermijn om te verlengen.',
  'retention.alreadyExtended': 'De bewaartermijn van deze casus is al eens verlengd. Dat kan maar één keer.',
  'retention.atLeastOneYear': 'moet minstens 1 jaar zijn',
  'retention.atMostYears': 'mag hoogstens {max} jaar zijn',
  'retention.wholeYears': 'moet een geheel aantal jaren zijn',
  'retention.fillInReason': 'Vul een reden in.',
  'retention.reasonMin10': 'Geef een reden van minstens 10 tekens: waarom moeten de gegevens langer bewaard blijven?',
  'retention.reasonTooLong': 'Houd de reden onder de 1000 tekens.',
};

export const en: Record<keyof typeof nl, string> = {
  'retention.alreadyRemoved': 'The personal data of this case have already been removed; the term can no longer be extended.',
  'retention.onlyEnded': 'Only a closed or rejected case has a retention term to extend.',
  'retention.alreadyExtended': 'The retention term of this case has already been extended. That can be done only once.',
  'retention.atLeastOneYear': 'must be at least 1 year',
  'retention.atMostYears': 'must be at most {max} years',
  'retention.wholeYears': 'must be a whole number of years',
  'retention.fillInReason': 'Enter a reason.',
  'retention.reasonMin10': 'Give a reason of at least 10 characters: why must the data be kept longer?',
  'retention.reasonTooLong': 'Keep the reason under 1000 characters.',
};
