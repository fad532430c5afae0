/** Messages of notify: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'notify.unknownNotification': 'Onbekende melding.',
};

export const en: Record<keyof typeof nl, string> = {
  'notify.unknownNotification': 'Unknown notification.',
};
