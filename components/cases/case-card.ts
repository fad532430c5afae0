/** The frame of each section of the case page. */
export const caseCard = 'rounded-lg border border-line bg-white p-5';
