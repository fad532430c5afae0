import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { nextWorkingHour } from '@/lib/notify/working-hours';
import { dayNumber, isoDayOf, startOfAmsterdamDay } from '@/lib/calendar/calendar-day';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import { holidayOptionsOf, type StagnationSettings } from './settings';
import { workingDaysText } from './wording';
import { workingDaysBetween } from '@/lib/calendar/working-days';

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
 *
 * A case often has several signals that climb together (overdue, no progress, date moved): each
 * recipient gets one mail per case per step listing them, not one per signal. Its dedupe key names the
 * group's first signal, so a rerun sends nothing again and retention finds the mail through its case.
 */
export async function escalate(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const holidays = holidayOptionsOf(settings);
  const toContact = startedWorkingDaysAgo(settings.toOrganisationContactWorkingDays, now, holidays);
  const toManager = startedWorkingDaysAgo(settings.toManagerWorkingDays, now, holidays);
  const why = {
    1: `Na ${workingDaysText(settings.toOrganisationContactWorkingDays)} nog niet opgelost, en daarom aan u als contactpersoon van de organisatie voorgelegd`,
    2: `Na ${workingDaysText(settings.toManagerWorkingDays)} nog niet opgelost, en daarom aan u als manager voorgelegd`,
  };
  const tail = `\n\nBekijk de signalen in Casusregie: ${baseUrl}/signals\n\nDeze e-mail bevat bewust geen persoonsgegevens.`;
  const notBefore = nextWorkingHour(now, holidays);
  // Who climbs is read first, into a table of its own with a key (as in ./staging.ts): the update below
  // then joins a table of known size instead of the signals it is rewriting.
  await tx.execute(sql`drop table if exists pg_temp.sweep_climb`);
  await tx.execute(sql`create temp table sweep_climb on commit drop as
    select id, from_level, target from (
      select id, level as from_level,
             case when since < ${toManager} then 2
                  when since < ${toContact} and organisation_id is not null then 1 else 0 end as target
      from signals where status = 'open' and level < 2 and since < ${toContact}
    ) t where target > from_level`);
  await tx.execute(sql`alter table sweep_climb add primary key (id)`);
  await tx.execute(sql`analyze sweep_climb`);
  const [result] = await queryRows<{ escalated: number }>(
    tx,
    sql`with raised as (
          update signals s set level = t.target, level_since = ${now}, updated_at = ${now}, version = s.version + 1
          from sweep_climb t
          where s.id = t.id
          returning s.id, s.case_id, s.organisation_id, s.message, t.from_level, t.target
        ),
        steps as (
          insert into signal_escalations (signal_id, level, at)
          select r.id, l.level, ${now} from raised r cross join lateral generate_series(r.from_level + 1, r.target) as l(level)
          where l.level <> 1 or r.organisation_id is not null
        ),
        recipients as (
          select distinct r.id, r.case_id, r.organisation_id, r.message, 1 as level, oc.email, null::uuid as user_id
          from raised r join organisation_contacts oc on oc.organisation_id = r.organisation_id
          where r.from_level < 1 and r.target >= 1
          union all
          -- The organisation's own partnerbeheerders get its escalations too (mail only: /signals is not theirs).
          select r.id, r.case_id, r.organisation_id, r.message, 1, u.email, null::uuid
          from raised r join users u on u.organisation_id = r.organisation_id and u.role = 'partnerbeheer' and u.active
          where r.from_level < 1 and r.target >= 1
          union all
          select r.id, r.case_id, r.organisation_id, r.message, 2, u.email, u.id
          from raised r join users u on u.role = 'manager' and u.active
          where r.target = 2
        ),
        groups as (
          select min(x.id::text) as first_id, x.level, x.email, x.user_id, x.case_id, min(x.organisation_id::text)::uuid as organisation_id,
                 string_agg('- ' || x.message, E'\n' order by x.message) as lines
          from recipients x
          group by x.level, x.email, x.user_id, x.case_id, case when x.case_id is null then x.organisation_id end
        ),
        mail as (
          select g.first_id, g.level, g.email, g.user_id, c.number as case_number, g.case_id,
                 case when c.number is not null then 'Opschaling: stagnatie in ' || c.number
                      when g.level = 1 then 'Opschaling: stagnatie bij uw organisatie'
                      else 'Opschaling: stagnatie bij ' || o.name end as subject,
                 -- The lines of a case's signals hold dates and counts; an organisation's signal lists case numbers, so it says none.
                 case when c.number is not null then
                   (case g.level when 1 then ${why[1]}::text else ${why[2]}::text end) || ':' || E'\n' || g.lines
                 else 'Een signaal over deze organisatie is nog niet opgelost.' end as body
          from groups g left join cases c on c.id = g.case_id left join organisations o on o.id = g.organisation_id
        ),
        mails as (
          insert into mail_outbox (dedupe_key, to_email, subject, body_text, next_attempt_at, case_id)
          select 'escalation:' || m.first_id || ':' || m.level || ':' || m.email, m.email, m.subject,
                 m.subject || '.' || E'\n\n' || m.body || ${tail}::text, ${notBefore}, m.case_id
          from mail m
          on conflict do nothing
        ),
        notes as (
          insert into notifications (user_id, kind, title, link, case_number, case_id)
          select m.user_id, 'escalation', m.subject, '/signals', m.case_number, m.case_id from mail m where m.level = 2
        )
        select count(*)::int as escalated from raised`,
  );
  return result?.escalated ?? 0;
}
