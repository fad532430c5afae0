import { getDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { migrationLevel, type MigrationLevel } from '@/db/migration-level';
import type { Executor } from '@/db/types';
import { fieldKeyProblem } from '@/lib/crypto/key-check';
import { describeError } from '@/lib/http/log-safe';
import { repeat } from '@/lib/stagnation/repeat';
import { appRoleProblems } from './app-role-check';

/** Start-up refused: the message lists every problem and what to run. */
export class StartupRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(`Casusregie start niet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StartupRefusal';
  }
}

function levelProblem(level: MigrationLevel): string | undefined {
  switch (level.state) {
    case 'current':
      return undefined;
    case 'empty':
      return `De database is nog niet ingericht (er zijn geen migraties toegepast): voer npm run db:migrate uit.`;
    case 'behind':
      return `De database staat op migratie ${level.at}; deze versie verwacht ${level.expected} (${level.missing} nog niet toegepast): voer npm run db:migrate uit.`;
    case 'ahead':
      return (
        `De database staat op ${level.at}, nieuwer dan deze versie van Casusregie kent (${level.expected}): ` +
        'start de nieuwere versie, of zet een back-up van vóór die migratie terug.'
      );
  }
}

/**
 * What stops this installation from serving: migrations not at the level of drizzle/, the app role missing
 * or without its grants, and (with `keys`) field keys that cannot read the data. Empty when all is well.
 */
export async function startupProblems(db: Executor, options: { keys: boolean }): Promise<string[]> {
  const level = levelProblem(await migrationLevel(db));
  const problems = [...(level ? [level] : []), ...(await appRoleProblems(db))];
  // The key check lives in a table of the last migrations: only once those are in.
  if (options.keys && problems.length === 0) {
    const keys = await fieldKeyProblem(db);
    if (keys) problems.push(keys);
  }
  return problems;
}

type State = { pending: boolean; problems: string[] };
const state: State = ((globalThis as { __casusregieSelfCheck?: State }).__casusregieSelfCheck ??= { pending: false, problems: [] });

/** For /api/ready: 'pending' while the check waits for the database, 'failed' when it found a problem. */
export function selfCheckState(): 'ok' | 'pending' | 'failed' {
  return state.problems.length > 0 ? 'failed' : state.pending ? 'pending' : 'ok';
}

/**
 * The server's start (instrumentation.ts): throws StartupRefusal so that it does not start. A database that
 * is not there yet does not stop it (it recovers when the database comes); the check then runs as soon as
 * it answers, and a problem it finds keeps /api/ready at 503 and is logged.
 */
export async function checkAtStart(): Promise<void> {
  let problems: string[];
  try {
    problems = await startupProblems(await getDb(), { keys: true });
  } catch (error) {
    if (!databaseFault(error)) throw error;
    console.warn(`[start] database niet bereikbaar (${describeError(error)}); de zelfcontrole volgt zodra ze antwoordt`);
    state.pending = true;
    repeat(
      async () => {
        try {
          state.problems = await startupProblems(await getDb(), { keys: true });
          state.pending = false;
          if (state.problems.length > 0) console.error(`[start] ${new StartupRefusal(state.problems).message}`);
          return true;
        } catch (retryError) {
          return !databaseFault(retryError);
        }
      },
      { firstMs: 5_000, retryMs: 5_000 },
    );
    return;
  }
  if (problems.length > 0) throw new StartupRefusal(problems);
}
