import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { nextWorkingHour } from '@/lib/notify/working-hours';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import { addWorkingDays } from './working-days';

/**
 * Reminders to an agreement's owner a set number of working days before its due date, in working hours.
 * Written straight from the agreements into the outbox; its dedupe key makes a reminder already sent a no-op.
 */
export async function remind(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const horizon = addWorkingDays(now, settings.reminderWorkingDaysBeforeDue, { holidays: holidayOptionsOf(settings) });
  const tail = ` zijn uitgevoerd.\n\nBekijk en meld voortgang in Casusregie: ${baseUrl}/my-agreements\n\nDeze e-mail bevat bewust geen persoonsgegevens.`;
  const [result] = await queryRows<{ sent: number }>(
    tx,
    sql`with sent as (
          insert into mail_outbox (dedupe_key, to_email, subject, body_text, next_attempt_at)
          select 'reminder:' || g.id || ':' || g.due_date::text || ':' || u.email, u.email,
                 'Herinnering: afspraak in ' || c.number || ' verloopt op ' || g.due_date::text,
                 'Een afspraak van uw organisatie in casus ' || c.number || ' moet uiterlijk ' || g.due_date::text || ${tail}::text,
                 ${nextWorkingHour(now)}
          from agreements g join cases c on c.id = g.case_id
          join users u on u.active and (u.id = g.owner_user_id or (g.owner_user_id is null and u.organisation_id = g.owner_organisation_id and u.role = 'professional'))
          where g.status in ('open', 'in_uitvoering') and g.due_date >= (${now}::timestamptz at time zone 'Europe/Amsterdam')::date
            and g.due_date <= ${horizon}::date
          on conflict do nothing
          returning 1
        )
        select count(*)::int as sent from sent`,
  );
  return result?.sent ?? 0;
}
