import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { dueDayText } from '@/lib/notify/reminder-mail';
import { reminderDeliveryTime } from '@/lib/notify/working-hours';
import { dayNumber, dayNumberOfIso, isoDayOf, type IsoDay } from '@/lib/calendar/calendar-day';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import { addWorkingDays } from '@/lib/calendar/working-days';
import { literalList } from '@/db/literal-list';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';

/** Each due day a reminder may be about now: how to write it, and when its reminder goes out. */
export function reminderDays(now: Date, settings: StagnationSettings): { day: IsoDay; text: string; notBefore: Date }[] {
  const holidays = holidayOptionsOf(settings);
  const last = dayNumberOfIso(addWorkingDays(now, settings.reminderWorkingDaysBeforeDue, { holidays }));
  const days = [];
  for (let n = dayNumber(now); n <= last; n++) {
    const day = isoDayOf(n);
    days.push({ day, text: dueDayText(day), notBefore: reminderDeliveryTime(now, day, holidays) });
  }
  return days;
}

/**
 * Reminders to an agreement's owner a set number of working days before its due date, in working hours
 * before that date (or at once when none are left). Written straight from the agreements into the
 * outbox; its dedupe key (read back by lib/notify/reminder-mail.ts) makes a reminder already sent a no-op.
 */
export async function remind(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const days = reminderDays(now, settings);
  const tail = ` zijn uitgevoerd.\n\nBekijk en meld voortgang in Casusregie: ${baseUrl}/my-agreements\n\nDeze e-mail bevat bewust geen persoonsgegevens.`;
  const [result] = await queryRows<{ sent: number }>(
    tx,
    sql`with days as (
          select * from json_to_recordset(${JSON.stringify(days)}::json) as d(day date, text text, "notBefore" timestamptz)
        ),
        sent as (
          insert into mail_outbox (dedupe_key, to_email, subject, body_text, next_attempt_at, case_id)
          select 'reminder:' || g.id || ':' || g.due_date::text || ':' || u.email, u.email,
                 'Herinnering: afspraak in ' || c.number || ' moet uiterlijk ' || d.text || ' klaar zijn',
                 'Een afspraak van uw organisatie in casus ' || c.number || ' moet uiterlijk ' || d.text || ${tail}::text,
                 d."notBefore", g.case_id
          from agreements g join days d on d.day = g.due_date join cases c on c.id = g.case_id
          join users u on u.active and (u.id = g.owner_user_id or (g.owner_user_id is null and u.organisation_id = g.owner_organisation_id and u.role = 'professional'))
          where g.status in (${literalList(OPEN_AGREEMENT_STATUSES)}) and g.due_date >= ${days[0]!.day}::date and g.due_date <= ${days.at(-1)!.day}::date
          on conflict do nothing
          returning 1
        )
        select count(*)::int as sent from sent`,
  );
  return result?.sent ?? 0;
}
