import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { settings as settingsTable } from '@/db/schema';
import type { Db, Executor } from '@/db/types';
import { foldDashboardRollups } from '@/lib/dashboard/fold-rollups';
import { eachSignal } from './detect-signals';
import { escalate } from './escalate';
import { loadStagnationState } from './load-state';
import { compareWithStored, persistChanges, type SignalChanges } from './persist-signals';
import { remind } from './remind';
import type { Signal } from './signal';
import { DEFAULT_STAGNATION_SETTINGS, stagnationSettingsSchema, type StagnationSettings } from './settings';

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
  const result = await db.transaction(async (tx): Promise<SweepResult> => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`);
    if (!lock?.ok) return { skipped: true, detected: 0, opened: 0, resolved: 0, escalated: 0, reminders: 0, ms: Date.now() - started };
    // JIT compiling the sweep's few large queries costs about a second each and saves nothing here.
    await tx.execute(sql`set local jit = off`);
    const settings = await loadStagnationSettings(tx);
    const { detected, opened, resolved } = await sweepSignals(tx, settings, now);
    // A snooze ends on its date.
    await tx.execute(sql`update signals set status = 'open', snoozed_until = null, updated_at = ${now}
      where status = 'snoozed' and snoozed_until <= (${now}::timestamptz at time zone 'Europe/Amsterdam')::date`);

    // New signals go to the regisseur of the case (or every regisseur when none is assigned yet).
    if (opened.length > 0) {
      await tx.execute(sql`insert into notifications (user_id, kind, title, link, case_number, case_id)
        select distinct u.id, 'signal', 'Nieuw signaal van stagnatie in ' || c.number, '/signals?case=' || c.id, c.number, c.id
        from signals s join cases c on c.id = s.case_id
        join users u on u.active and u.role = 'regisseur' and (u.id = c.regisseur_user_id or c.regisseur_user_id is null)
        where s.id in (select value::uuid from json_array_elements_text(${JSON.stringify(opened.map((o) => o.id))}::json))`);
    }

    const escalated = await escalate(tx, settings, now, baseUrl);
    const reminders = await remind(tx, settings, now, baseUrl);
    return { skipped: false, detected, opened: opened.length, resolved, escalated, reminders, ms: Date.now() - started };
  });
  // After the sweep's transaction, not in it: the fold is short and needs no snapshot of the sweep's, and
  // would otherwise hold its lock for the whole sweep.
  if (!result.skipped) await foldDashboardRollups(db);
  return result;
}

/** Detects and persists; the snapshot of the house is let go before anything is written. */
async function sweepSignals(tx: Executor, settings: StagnationSettings, now: Date) {
  const changes = await detectChanges(tx, settings, now);
  return { detected: changes.detected, ...(await persistChanges(tx, changes, now)) };
}

async function detectChanges(tx: Executor, settings: StagnationSettings, now: Date): Promise<SignalChanges> {
  const state = await loadStagnationState(tx);
  const ownerOf = new Map(state.agreements.map((a) => [a.id, a.ownerOrganisationId]));
  const organisationOf = (s: Signal) =>
    s.subject.type === 'organisation' ? s.subject.id : s.subject.type === 'agreement' ? (ownerOf.get(s.subject.id) ?? null) : null;
  return compareWithStored(tx, eachSignal(state, settings, now), organisationOf);
}
