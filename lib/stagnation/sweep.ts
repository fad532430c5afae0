import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { settings as settingsTable } from '@/db/schema';
import type { Db, Executor } from '@/db/types';
import { enqueueMail } from '@/lib/notify/outbox';
import { nextWorkingHour } from '@/lib/notify/working-hours';
import { detectSignals } from './detect-signals';
import { loadStagnationState } from './load-state';
import { DEFAULT_STAGNATION_SETTINGS, holidayOptionsOf, stagnationSettingsSchema, type StagnationSettings } from './settings';
import { addWorkingDays, workingDaysBetween } from './working-days';

const SWEEP_LOCK = 736300202;

export interface SweepResult {
  skipped: boolean;
  detected: number;
  opened: number;
  resolved: number;
  escalated: number;
  reminders: number;
  ms: number;
}

export async function loadStagnationSettings(db: Executor): Promise<StagnationSettings> {
  const [row] = await db.select({ value: settingsTable.value }).from(settingsTable).where(eq(settingsTable.key, 'stagnation'));
  const parsed = stagnationSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_STAGNATION_SETTINGS;
}

/**
 * One sweep: detect, persist idempotently (a signal whose cause is gone is resolved), escalate, remind.
 * Set-based: a handful of statements whatever the number of cases. Only one instance sweeps at a time
 * (a transaction-scoped advisory lock); a second one returns at once with `skipped`.
 */
export async function runSweep(db: Db, options: { now?: Date; baseUrl?: string } = {}): Promise<SweepResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`);
    if (!lock?.ok) return { skipped: true, detected: 0, opened: 0, resolved: 0, escalated: 0, reminders: 0, ms: Date.now() - started };
    const settings = await loadStagnationSettings(tx);
    const state = await loadStagnationState(tx);
    const detected = detectSignals(state, settings, now);
    const ownerOf = new Map(state.agreements.map((a) => [a.id, a.ownerOrganisationId]));
    const payload = JSON.stringify(
      detected.map((s) => ({
        key: s.key,
        rule: s.rule,
        subject_type: s.subject.type,
        subject_id: s.subject.id,
        case_id: s.caseId ?? null,
        organisation_id: s.subject.type === 'organisation' ? s.subject.id : s.subject.type === 'agreement' ? ownerOf.get(s.subject.id) ?? null : null,
        since: s.since.toISOString(),
        message: s.message,
      })),
    );
    const recordset = sql`json_to_recordset(${payload}::json) as r(key text, rule text, subject_type text, subject_id uuid,
      case_id uuid, organisation_id uuid, since timestamptz, message text)`;

    const opened = await queryRows<{ id: string; case_id: string | null }>(
      tx,
      sql`insert into signals (key, rule, subject_type, subject_id, case_id, organisation_id, since, message, level_since, created_at, updated_at)
          select r.key, r.rule, r.subject_type, r.subject_id, r.case_id, r.organisation_id, r.since, r.message, ${now}, ${now}, ${now}
          from ${recordset}
          where not exists (select 1 from signals s where s.key = r.key and s.status <> 'resolved')
            -- A signal a regisseur resolved stays resolved while the same cause holds (same since); it
            -- opens again only when the cause is new (e.g. a new due date that passes too).
            and not exists (select 1 from signals s where s.key = r.key and s.status = 'resolved'
                            and not s.auto_resolved and s.since = r.since)
          returning id, case_id`,
    );
    await tx.execute(sql`update signals s set message = r.message, updated_at = ${now}
      from ${recordset} where s.key = r.key and s.status <> 'resolved' and s.message <> r.message`);
    const resolved = await queryRows<{ id: string }>(
      tx,
      sql`update signals set status = 'resolved', auto_resolved = true, resolved_at = ${now}, updated_at = ${now},
            version = version + 1
          where status <> 'resolved' and key not in (select r.key from ${recordset})
          returning id`,
    );
    // A snooze ends on its date.
    await tx.execute(sql`update signals set status = 'open', snoozed_until = null, updated_at = ${now}
      where status = 'snoozed' and snoozed_until <= (${now}::timestamptz at time zone 'Europe/Amsterdam')::date`);

    // New signals go to the regisseur of the case (or every regisseur when none is assigned yet).
    await tx.execute(sql`insert into notifications (user_id, kind, title, link, case_number)
      select distinct u.id, 'signal', 'Nieuw signaal van stagnatie in ' || c.number, '/signals?case=' || c.id, c.number
      from signals s join cases c on c.id = s.case_id
      join users u on u.active and u.role = 'regisseur' and (u.id = c.regisseur_user_id or c.regisseur_user_id is null)
      where s.id in (select value::uuid from json_array_elements_text(${JSON.stringify(opened.map((o) => o.id))}::json))`);

    const escalated = await escalate(tx, settings, now, baseUrl);
    const reminders = await remind(tx, settings, now, baseUrl);
    return {
      skipped: false,
      detected: detected.length,
      opened: opened.length,
      resolved: resolved.length,
      escalated,
      reminders,
      ms: Date.now() - started,
    };
  });
}

/**
 * The ladder: after N working days unresolved a signal about a partner's agreement goes to that
 * organisation's contact persons, after M to the house's managers; the stuurgroep report lists what is
 * still open at that level. Each step is recorded and notified.
 */
async function escalate(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const open = await queryRows<{ id: string; level: number; since: string; organisation_id: string | null; case_id: string | null; case_number: string | null }>(
    tx,
    sql`select s.id, s.level, s.since, s.organisation_id, s.case_id, c.number as case_number
        from signals s left join cases c on c.id = s.case_id where s.status = 'open' and s.level < 2`,
  );
  const holidays = holidayOptionsOf(settings);
  let count = 0;
  for (const signal of open) {
    const days = workingDaysBetween(new Date(signal.since), now, { holidays });
    const target = days >= settings.toManagerWorkingDays ? 2 : days >= settings.toOrganisationContactWorkingDays && signal.organisation_id ? 1 : 0;
    if (target <= signal.level) continue;
    count++;
    await tx.execute(sql`update signals set level = ${target}, level_since = ${now}, updated_at = ${now}, version = version + 1 where id = ${signal.id}`);
    for (let level = signal.level + 1; level <= target; level++) {
      if (level === 1 && !signal.organisation_id) continue;
      await tx.execute(sql`insert into signal_escalations (signal_id, level, at) values (${signal.id}, ${level}, ${now})`);
    }
    const subject = signal.case_number ? `Opschaling: stagnatie in ${signal.case_number}` : 'Opschaling: stagnatie bij uw organisatie';
    const text = `${subject}.\n\nBekijk het signaal in Casusregie: ${baseUrl}/signals\n\nDeze e-mail bevat bewust geen persoonsgegevens.`;
    if (target >= 1 && signal.organisation_id) {
      const contacts = await queryRows<{ email: string }>(tx, sql`select email from organisation_contacts where organisation_id = ${signal.organisation_id}`);
      await enqueueMail(tx, contacts.map((c) => ({ dedupeKey: `escalation:${signal.id}:1:${c.email}`, to: c.email, subject, text, notBefore: nextWorkingHour(now) })));
    }
    if (target === 2) {
      const managers = await queryRows<{ id: string; email: string }>(tx, sql`select id, email from users where role = 'manager' and active`);
      await enqueueMail(tx, managers.map((m) => ({ dedupeKey: `escalation:${signal.id}:2:${m.email}`, to: m.email, subject, text, notBefore: nextWorkingHour(now) })));
      await tx.execute(sql`insert into notifications (user_id, kind, title, link, case_number)
        select id, 'escalation', ${subject}, '/signals', ${signal.case_number} from users where role = 'manager' and active`);
    }
  }
  return count;
}

/** Reminders to an agreement's owner a set number of working days before its due date, in working hours. */
async function remind(tx: Executor, settings: StagnationSettings, now: Date, baseUrl: string): Promise<number> {
  const holidays = holidayOptionsOf(settings);
  const horizon = addWorkingDays(now, settings.reminderWorkingDaysBeforeDue, { holidays });
  const due = await queryRows<{ id: string; due_date: string; number: string; email: string }>(
    tx,
    sql`select g.id, g.due_date::text as due_date, c.number, u.email
        from agreements g join cases c on c.id = g.case_id
        join users u on u.active and (u.id = g.owner_user_id or (g.owner_user_id is null and u.organisation_id = g.owner_organisation_id and u.role = 'professional'))
        where g.status in ('open', 'in_uitvoering') and g.due_date >= (${now}::timestamptz at time zone 'Europe/Amsterdam')::date
          and g.due_date <= ${horizon}::date`,
  );
  return enqueueMail(
    tx,
    due.map((d) => ({
      dedupeKey: `reminder:${d.id}:${d.due_date}:${d.email}`,
      to: d.email,
      subject: `Herinnering: afspraak in ${d.number} verloopt op ${d.due_date}`,
      text: `Een afspraak van uw organisatie in casus ${d.number} moet uiterlijk ${d.due_date} zijn uitgevoerd.\n\nBekijk en meld voortgang in Casusregie: ${baseUrl}/my-agreements\n\nDeze e-mail bevat bewust geen persoonsgegevens.`,
      notBefore: nextWorkingHour(now),
    })),
  );
}
