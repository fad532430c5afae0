import { AppError } from '@/lib/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** More than a day before its start: a meeting started now is most likely the wrong one. */
export function startsTooEarly(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime() - DAY_MS;
}

const when = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(d);

/** Starting a meeting more than a day ahead takes an explicit confirmation (the caller's clock decides). */
export function assertStartConfirmed(startsAt: Date, now: Date, confirmed: boolean | undefined): void {
  if (confirmed || !startsTooEarly(startsAt, now)) return;
  const message = `Dit overleg staat gepland op ${when(startsAt)}, meer dan een dag van nu. Bevestig dat je het nu al wilt starten.`;
  throw new AppError('VALIDATION', message, { confirmEarly: [message] });
}
