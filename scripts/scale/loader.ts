import type { BulkSession } from './bulk';
import { CopyBuffer, type CopyValue } from './copy-text';

/** Tables the generator fills, in an order that satisfies every foreign key. */
export const TABLES = {
  meetings: ['id', 'title', 'kind', 'status', 'starts_at', 'ends_at', 'location', 'chair_user_id', 'minute_taker_user_id', 'series_id', 'recurrence', 'sequence', 'status_reason', 'created_by_user_id', 'created_at', 'updated_at'],
  meeting_invitees: ['id', 'meeting_id', 'organisation_id', 'user_id', 'attendance'],
  cases: [
    'id', 'number', 'status', 'target_group', 'municipality_code', 'subject_name', 'subject_name_tokens', 'subject_birth_date',
    'subject_address', 'reason', 'goal', 'criterion_multi_domain', 'criterion_multi_chain', 'criterion_household',
    'criterion_local_safety', 'involved_partners', 'referrer_user_id', 'referrer_organisation_id', 'regisseur_user_id',
    'case_lead_user_id', 'triage_decision', 'triage_reason', 'triaged_at', 'pause_reason', 'paused_at', 'closure_result',
    'closed_at', 'version', 'created_at', 'updated_at',
  ],
  case_events: ['id', 'case_id', 'kind', 'from_status', 'to_status', 'reason', 'data', 'actor_user_id', 'at'],
  case_partners: ['id', 'case_id', 'organisation_id', 'reason', 'added_by_user_id', 'added_at', 'ended_at', 'ended_by_user_id', 'end_reason'],
  agenda_items: ['id', 'meeting_id', 'position', 'case_id', 'duration_minutes', 'minutes', 'outcome', 'status', 'created_at', 'updated_at'],
  agreements: [
    'id', 'case_id', 'agenda_item_id', 'description', 'owner_organisation_id', 'owner_user_id', 'due_date', 'original_due_date',
    'due_date_moves', 'status', 'blocked_at', 'blocked_reason', 'completed_at', 'completion_note', 'last_progress_at',
    'created_by_user_id', 'version', 'created_at', 'updated_at',
  ],
  agreement_due_changes: ['id', 'agreement_id', 'from_date', 'to_date', 'reason', 'changed_by_user_id', 'at'],
  agreement_actions: ['id', 'agreement_id', 'kind', 'note', 'author_user_id', 'author_organisation_id', 'created_at'],
  audit_log: ['id', 'at', 'user_id', 'organisation_id', 'role', 'action', 'entity', 'entity_id', 'case_id', 'case_number', 'outcome', 'ip', 'user_agent', 'details', 'prev_hash', 'hash'],
} as const;
export type TableName = keyof typeof TABLES;

export interface TableTiming {
  rows: number;
  ms: number;
}

/**
 * Buffers rows per table and COPYs them in foreign-key order, keeping count of rows and time per table.
 * A flush hands the rows over and loads them while the caller goes on making the next ones (it yields to
 * the event loop often enough for the socket to keep the database busy): Node and PostgreSQL then work
 * at the same time, one core each. The time per table is the wall time of its COPY.
 */
export class Loader {
  private buffers = new Map<TableName, CopyBuffer>();
  private inFlight: Promise<void> = Promise.resolve();
  readonly timings = new Map<TableName, TableTiming>();

  constructor(private session: BulkSession) {
    for (const table of Object.keys(TABLES) as TableName[]) this.buffers.set(table, new CopyBuffer(table, TABLES[table]));
  }

  add(table: TableName, values: readonly CopyValue[]): void {
    this.buffers.get(table)!.add(values);
  }

  /** Rows added to `table` and not yet handed to a flush. */
  pending(table: TableName): number {
    return this.buffers.get(table)!.pending;
  }

  /** Waits for the previous flush, then starts loading everything buffered; does not wait for it. */
  async flush(): Promise<void> {
    await this.inFlight;
    const batch: [TableName, number, string][] = [];
    for (const [table, buffer] of this.buffers) {
      const rows = buffer.pending;
      if (rows > 0) batch.push([table, rows, buffer.take()]);
    }
    this.inFlight = (async () => {
      for (const [table, rows, text] of batch) {
        const started = performance.now();
        await this.session.copyIn(table, TABLES[table], text);
        const timing = this.timings.get(table) ?? { rows: 0, ms: 0 };
        this.timings.set(table, { rows: timing.rows + rows, ms: timing.ms + (performance.now() - started) });
      }
    })();
    // A failed load must surface at the next await, not as an unhandled rejection.
    this.inFlight.catch(() => {});
  }

  /** Waits until everything handed over is in the database. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}

/** Lets pending socket writes go out between slices of synchronous work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
