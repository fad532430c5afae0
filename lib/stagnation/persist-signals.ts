import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import type { Signal } from './signal';
import { stage } from './staging';

export type SignalChanges = {
  detected: number;
  /** New signals, in key order as detectSignals gives them: stored in the order a sweep always used. */
  fresh: { signal: Signal; organisationId: string | null }[];
  reworded: { key: string; message: string }[];
  /** Keys of open signals whose cause is gone. */
  gone: string[];
};

/**
 * What has to change in the stored signals: new causes open a signal, a changed explanation replaces the
 * message, and a signal whose cause is gone resolves by itself. Compared here against the open signals
 * read once, so that a steady sweep sends the database only what changed.
 */
export async function compareWithStored(
  tx: Executor,
  detected: Iterable<Signal>,
  organisationOf: (signal: Signal) => string | null,
): Promise<SignalChanges> {
  const stored = await queryRows<{ key: string; message: string }>(tx, sql`select key, message from signals where status <> 'resolved'`);
  const openMessages = new Map(stored.map((s) => [s.key, s.message]));
  stored.length = 0;
  let count = 0;
  const fresh: SignalChanges['fresh'] = [];
  const reworded: SignalChanges['reworded'] = [];
  for (const signal of detected) {
    count++;
    const message = openMessages.get(signal.key);
    if (message === undefined) fresh.push({ signal, organisationId: organisationOf(signal) });
    else if (message !== signal.message) reworded.push({ key: signal.key, message: signal.message });
    openMessages.delete(signal.key);
  }
  fresh.sort((x, y) => (x.signal.key < y.signal.key ? -1 : x.signal.key > y.signal.key ? 1 : 0));
  return { detected: count, fresh, reworded, gone: [...openMessages.keys()] };
}

/** Writes the changes; a sweep that found none sends nothing. */
export async function persistChanges(
  tx: Executor,
  { fresh, reworded, gone }: SignalChanges,
  now: Date,
): Promise<{ opened: { id: string; case_id: string | null }[]; resolved: number }> {
  const opened = fresh.length === 0 ? [] : await insertFresh(tx, fresh, now);
  if (reworded.length > 0) {
    await stage(tx, 'sweep_reworded', sql`key text, message text`, reworded);
    await tx.execute(sql`update signals s set message = r.message, updated_at = ${now}
      from sweep_reworded r
      where s.key = r.key and s.status <> 'resolved' and s.message <> r.message`);
  }
  let resolved: { id: string }[] = [];
  if (gone.length > 0) {
    await stage(tx, 'sweep_gone', sql`key text`, gone.map((key) => ({ key })));
    resolved = await queryRows<{ id: string }>(
      tx,
      sql`update signals set status = 'resolved', auto_resolved = true, resolved_at = ${now}, updated_at = ${now}, version = version + 1
          where status <> 'resolved' and key in (select key from sweep_gone)
          returning id`,
    );
  }
  return { opened, resolved: resolved.length };
}

/**
 * Opens the new signals, in key order. Staged first (./staging.ts): the candidates a regisseur already
 * resolved for this same cause are struck off before the write, and the write skips a key that is open
 * already on the unique open-key index (signals_open_key_unique) instead of searching the table.
 */
async function insertFresh(tx: Executor, fresh: SignalChanges['fresh'], now: Date) {
  await stage(
    tx,
    'sweep_fresh',
    sql`ord int, key text, rule text, subject_type text, subject_id uuid, case_id uuid, organisation_id uuid, since timestamptz, message text`,
    fresh.map((f, ord) => row(f.signal, f.organisationId, ord)),
  );
  // A signal a regisseur resolved stays resolved while the same cause holds (same since); it opens again
  // only when the cause is new (e.g. a new due date that passes too).
  await tx.execute(sql`delete from sweep_fresh r using signals s
    where s.key = r.key and s.status = 'resolved' and not s.auto_resolved and s.since = r.since`);
  return queryRows<{ id: string; case_id: string | null }>(
    tx,
    sql`insert into signals (key, rule, subject_type, subject_id, case_id, organisation_id, since, message, level_since, created_at, updated_at)
        select r.key, r.rule, r.subject_type, r.subject_id, r.case_id, r.organisation_id, r.since, r.message, ${now}, ${now}, ${now}
        from sweep_fresh r order by r.ord
        on conflict (key) where status <> 'resolved' do nothing
        returning id, case_id`,
  );
}

function row(s: Signal, organisationId: string | null, ord: number) {
  return {
    ord,
    key: s.key,
    rule: s.rule,
    subject_type: s.subject.type,
    subject_id: s.subject.id,
    case_id: s.caseId ?? null,
    organisation_id: organisationId,
    since: s.since.toISOString(),
    message: s.message,
  };
}
