/** Messages of profile: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'profile.chooseLanguage': 'Kies \'nl\' of \'en\'.',
  'profile.fillInNameMin2': 'Vul je naam in (minstens 2 tekens).',
  'profile.max120': 'Maximaal 120 tekens.',
};

export const en: Record<keyof typeof nl, string> = {
  'profile.chooseLanguage': 'Choose \'nl\' or \'en\'.',
  'profile.fillInNameMin2': 'Enter your name (at least 2 characters).',
  'profile.max120': 'At most 120 characters.',
};
