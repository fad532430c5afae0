/** Messages of pagination: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'pagination.badCursor': 'Deze vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.',
};

export const en: Record<keyof typeof nl, string> = {
  'pagination.badCursor': 'This next page does not exist (any more). Start again at the first page.',
};
