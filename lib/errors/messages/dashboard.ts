/** Messages of dashboard: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'dashboard.chooseDateBetween': 'Kies voor {label} een datum tussen 2000 en 2100.',
  'dashboard.chooseTable': 'Kies de tabel: figures, partners of municipalities.',
  'dashboard.endBeforeStart': 'De einddatum ligt vóór de begindatum.',
  'dashboard.unknownTargetGroup': 'Onbekende aanpak.',
  'dashboard.useDateFormatFor': 'Gebruik voor {label} de vorm DD-MM-JJJJ of JJJJ-MM-DD.',
};

export const en: Record<keyof typeof nl, string> = {
  'dashboard.chooseDateBetween': 'Choose a date between 2000 and 2100 for {label}.',
  'dashboard.chooseTable': 'Choose the table: figures, partners or municipalities.',
  'dashboard.endBeforeStart': 'The end date is before the start date.',
  'dashboard.unknownTargetGroup': 'Unknown target group.',
  'dashboard.useDateFormatFor': 'Use the format DD-MM-YYYY or YYYY-MM-DD for {label}.',
};
