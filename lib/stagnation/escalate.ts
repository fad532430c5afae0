import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { nextWorkingHour } from '@/lib/notify/working-hours';
import { dayNumber, isoDayOf, startOfAmsterdamDay } from './calendar-day';
import type { HolidayOptions } from './holidays';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import { workingDaysBetween } from './working-days';

/**
 * The moment before which a signal had to start to be open `n` working days or more at `now`. The count
 * only grows the earlier a signal started, so one boundary per step replaces a count per signal.
 */
export function startedWorkingDaysAgo(n: number, now: Date, holidays: HolidayOptions): Date {
  let day = dayNumber(now);
  while (workingDaysBetween(isoDayOf(day), now, { holidays }) < n) day--;
  return startOfAmsterdamDay(isoDayOf(day + 1));
}

/**
 * The ladder: after N working days unresolved a signal about a partner's agreement goes to that
 * organisation's contact persons, after M to the house's managers; the stuurgroep report lists what is
 * still open at that level. Each step is recorded and notified. One statement for all signals, so a day
 * on which thousands of signals climb costs no more round trips than a quiet one.
 */
export async function escalate(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const holidays = holidayOptionsOf(settings);
  const toContact = startedWorkingDaysAgo(settings.toOrganisationContactWorkingDays, now, holidays);
  const toManager = startedWorkingDaysAgo(settings.toManagerWorkingDays, now, holidays);
  const tail = `.\n\nBekijk het signaal in Casusregie: ${baseUrl}/signals\n\nDeze e-mail bevat bewust geen persoonsgegevens.`;
  const notBefore = nextWorkingHour(now);
  const [result] = await queryRows<{ escalated: number }>(
    tx,
    sql`with raised as (
          update signals s set level = t.target, level_since = ${now}, updated_at = ${now}, version = s.version + 1
          from (
            select id, level as from_level,
                   case when since < ${toManager} then 2
                        when since < ${toContact} and organisation_id is not null then 1 else 0 end as target
            from signals where status = 'open' and level < 2 and since < ${toContact}
          ) t
          where s.id = t.id and t.target > t.from_level
          returning s.id, s.case_id, s.organisation_id, t.from_level, t.target
        ),
        mail as (
          select r.id, r.organisation_id, r.target, c.number as case_number,
                 coalesce('Opschaling: stagnatie in ' || c.number, 'Opschaling: stagnatie bij uw organisatie') as subject
          from raised r left join cases c on c.id = r.case_id
        ),
        managers as (select id, email from users where role = 'manager' and active),
        steps as (
          insert into signal_escalations (signal_id, level, at)
          select r.id, l.level, ${now} from raised r cross join lateral generate_series(r.from_level + 1, r.target) as l(level)
          where l.level <> 1 or r.organisation_id is not null
        ),
        to_contacts as (
          insert into mail_outbox (dedupe_key, to_email, subject, body_text, next_attempt_at)
          select 'escalation:' || m.id || ':1:' || oc.email, oc.email, m.subject, m.subject || ${tail}::text, ${notBefore}
          from mail m join organisation_contacts oc on oc.organisation_id = m.organisation_id
          on conflict do nothing
        ),
        to_managers as (
          insert into mail_outbox (dedupe_key, to_email, subject, body_text, next_attempt_at)
          select 'escalation:' || m.id || ':2:' || u.email, u.email, m.subject, m.subject || ${tail}::text, ${notBefore}
          from mail m cross join managers u where m.target = 2
          on conflict do nothing
        ),
        notes as (
          insert into notifications (user_id, kind, title, link, case_number)
          select u.id, 'escalation', m.subject, '/signals', m.case_number from mail m cross join managers u where m.target = 2
        )
        select count(*)::int as escalated from raised`,
  );
  return result?.escalated ?? 0;
}
