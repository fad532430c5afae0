import { formatDutchDay, toIsoDay, type IsoDay } from '@/lib/calendar/calendar-day';

const weekday = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long' });

/** "zaterdag 12 december 2026": a due date that says at a glance whether a weekend lies before it. */
export function dueDayText(day: IsoDay): string {
  return `${weekday.format(new Date(`${day}T00:00:00Z`))} ${formatDutchDay(day)}`;
}

/** The outbox key of a reminder, as lib/stagnation/remind.ts writes it: reminder:<agreement>:<due day>:<address>. */
const REMINDER_KEY = /^reminder:[0-9a-f-]{36}:(\d{4}-\d{2}-\d{2}):/;

/**
 * A mail as it goes out at `now`. A reminder held up past its due date (the mail server was down, the
 * retries took long) says plainly that the date has passed, rather than warning about a day gone by.
 */
export function asDeliveredAt(mail: { dedupeKey: string; subject: string; text: string }, now: Date): { subject: string; text: string } {
  const due = REMINDER_KEY.exec(mail.dedupeKey)?.[1];
  if (!due || due >= toIsoDay(now)) return { subject: mail.subject, text: mail.text };
  return {
    subject: `Einddatum verstreken: ${mail.subject}`,
    text:
      `Let op: de einddatum, ${dueDayText(due)}, is verstreken. Deze herinnering kon niet eerder worden bezorgd; ` +
      `meld in Casusregie wat er met de afspraak is gebeurd.\n\n${mail.text}`,
  };
}
