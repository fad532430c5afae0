import { AppError, msg } from '@/lib/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** More than a day before its start: a meeting started now is most likely the wrong one. */
export function startsTooEarly(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime() - DAY_MS;
}

const when = (d: Date, locale: 'nl-NL' | 'en-GB') =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(d);

/** Starting a meeting more than a day ahead takes an explicit confirmation (the caller's clock decides). */
export function assertStartConfirmed(startsAt: Date, now: Date, confirmed: boolean | undefined): void {
  if (confirmed || !startsTooEarly(startsAt, now)) return;
  // The date in each language rides along as a bilingual parameter, the way zod's own messages do.
  const date = msg('zod.builtin', { nl: when(startsAt, 'nl-NL'), en: when(startsAt, 'en-GB') });
  const message = msg('meetings.confirmEarlyStart', { when: date });
  throw new AppError('VALIDATION', message, { confirmEarly: [message] });
}
