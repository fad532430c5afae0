/** Dutch counts that read as a sentence: "1 werkdag", "4 werkdagen". */
export function workingDaysText(n: number): string {
  return n === 1 ? '1 werkdag' : `${n} werkdagen`;
}

export function timesText(n: number): string {
  return `${n} keer`;
}

const dutchNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** "3", "2,5": a factor as the Dutch write it. */
export function factorText(n: number): string {
  return dutchNumber.format(n);
}
