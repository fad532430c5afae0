/** Messages of api: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'api.chooseUpcomingOrPast': 'Kies upcoming of past.',
  'api.idempotencyKeyDiffers': 'Verschilt van de header {IDEMPOTENCY_HEADER}; stuur één sleutel.',
  'api.idempotencyKeyTooLong': 'Een idempotentiesleutel heeft hoogstens 100 tekens.',
  'api.idempotencyKeyTooShort': 'Een idempotentiesleutel heeft minstens 8 tekens.',
  'api.unknownCalendar': 'Onbekende agenda.',
};

export const en: Record<keyof typeof nl, string> = {
  'api.chooseUpcomingOrPast': 'Choose upcoming or past.',
  'api.idempotencyKeyDiffers': 'Differs from the header {IDEMPOTENCY_HEADER}; send one key.',
  'api.idempotencyKeyTooLong': 'An idempotency key has at most 100 characters.',
  'api.idempotencyKeyTooShort': 'An idempotency key has at least 8 characters.',
  'api.unknownCalendar': 'Unknown calendar.',
};
