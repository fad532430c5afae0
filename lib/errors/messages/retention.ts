/** Messages of retention: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'retention.fillInReason': 'Vul een reden in.',
  'retention.reasonMin10': 'Geef een reden van minstens 10 tekens: waarom moeten de gegevens langer bewaard blijven?',
  'retention.reasonTooLong': 'Houd de reden onder de 1000 tekens.',
};

export const en: Record<keyof typeof nl, string> = {
  'retention.fillInReason': 'Enter a reason.',
  'retention.reasonMin10': 'Give a reason of at least 10 characters: why must the data be kept longer?',
  'retention.reasonTooLong': 'Keep the reason under 1000 characters.',
};
