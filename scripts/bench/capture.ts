import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EndpointSpec } from './app-requests';
import type { EndpointName } from './endpoint-names';
import type { BenchRole } from './fixtures';
import type { Statement } from './sql-driver';

/*
 * The floor is the app's own SQL: an app server started with CASUSREGIE_STATEMENT_LOG (db/statement-log.ts)
 * answers a few variants of every endpoint one at a time, and the statements it sent for each request are
 * what the floor server and the SQL runner replay — minus what only the app's security needs: the
 * transaction control (the floor opens its own), the session check and the role switch. Never
 * hand-written, so it cannot drift from the app: whatever a lib/ function sends is what the floor runs.
 */

/** How many different requests per endpoint are captured; the floor cycles through them. */
export const CAPTURED_VARIANTS = 30;

export interface CapturedEndpoint {
  role: BenchRole;
  /** The user the app ran these as: the floor sets `app.user_id` once per connection (views read it). */
  userId: string;
  /** Per request variant: every statement the app sent, in order. */
  app: Statement[][];
  /** The same without transaction control, session check and role switch. */
  floor: Statement[][];
}

export type CapturedSql = Partial<Record<EndpointName, CapturedEndpoint>>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|start transaction)\b/i;
/** lib/auth/sessions.ts loadSession: one statement, named by its CTE. */
const SESSION_CHECK = /\bsession_check\b/;
const ROLE_SWITCH = /set_config\('role'|set_config\('app\.user_id'/;

/** What of an app request the floor replays. */
export function floorOf(statements: Statement[]): Statement[] {
  return statements.filter((s) => !TRANSACTION_CONTROL.test(s.text) && !SESSION_CHECK.test(s.text) && !ROLE_SWITCH.test(s.text));
}

/** Statements per request: the app's as sent; the floor's with its own BEGIN and COMMIT. */
export function statementsPerRequest(captured: CapturedEndpoint): { app: number; floor: number } {
  const mean = (lists: Statement[][]) => Math.round((lists.reduce((n, l) => n + l.length, 0) / Math.max(1, lists.length)) * 10) / 10;
  return { app: mean(captured.app), floor: mean(captured.floor) + 2 };
}

export function captureLogFile(): string {
  return path.join(os.tmpdir(), `casusregie-bench-statements-${process.pid}.jsonl`);
}

function readLines(file: string, from: number): { statements: Statement[]; size: number } {
  const buffer = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
  const statements = buffer
    .subarray(from)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { text, params } = JSON.parse(line) as { text: string; params: unknown[] };
      return { text, params };
    });
  return { statements, size: buffer.length };
}

/**
 * Sends `CAPTURED_VARIANTS` requests per endpoint, one at a time, to a server logging its statements to
 * `file`, and cuts the log at each answer: a request's statements are those logged while it ran.
 */
export async function captureRequests(
  base: string,
  specs: EndpointSpec[],
  cookies: Map<BenchRole, string>,
  users: Record<BenchRole, string>,
  file: string,
): Promise<CapturedSql> {
  const captured: CapturedSql = {};
  let offset = readLines(file, 0).size;
  for (const spec of specs) {
    const entry: CapturedEndpoint = { role: spec.role, userId: users[spec.role], app: [], floor: [] };
    for (let i = 0; i < CAPTURED_VARIANTS; i++) {
      const request = spec.request(i);
      const response = await fetch(`${base}${request.path}`, {
        method: request.method,
        body: request.body,
        headers: { cookie: cookies.get(spec.role)!, origin: base, 'content-type': 'application/json' },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${spec.name}: HTTP ${response.status} bij het vastleggen van de SQL van de app`);
      const { statements, size } = readLines(file, offset);
      offset = size;
      entry.app.push(statements);
      entry.floor.push(floorOf(statements));
    }
    captured[spec.name] = entry;
  }
  return captured;
}
