import { getDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { repeat } from '@/lib/jobs/repeat';
import { StartupRefusal, startupProblems } from './startup-checks';

// Shared through globalThis: scripts/serve.ts reads it after Next has run instrumentation.ts.
type State = { pending: boolean; problems: string[] };
const state: State = ((globalThis as { __casusregieSelfCheck?: State }).__casusregieSelfCheck ??= { pending: false, problems: [] });

/** For /api/ready: 'pending' while the check waits for the database, 'failed' when it found a problem. */
export function selfCheckState(): 'ok' | 'pending' | 'failed' {
  return state.problems.length > 0 ? 'failed' : state.pending ? 'pending' : 'ok';
}

/**
 * The checks inside the app (instrumentation.ts), for `next dev` and for a start while the database was
 * away (scripts/serve.ts refuses a start itself, before Next: lib/house/check-before-start.ts). A problem
 * is logged and keeps /api/ready at 503. A database that is not there yet does not stop the start (the app
 * recovers when it comes); the check then runs as soon as it answers.
 */
export async function checkAtStart(): Promise<void> {
  let problems: string[];
  try {
    problems = await startupProblems(await getDb(), { keys: true });
  } catch (error) {
    // Any other failure (say, the embedded database held by another process) is a reason not to serve.
    if (!databaseFault(error)) return refuse([error instanceof Error ? error.message : String(error)]);
    log.warn(errorFields(error), `[start] database niet bereikbaar (${describeError(error)}); de zelfcontrole volgt zodra ze antwoordt`);
    state.pending = true;
    repeat(
      async () => {
        try {
          const found = await startupProblems(await getDb(), { keys: true });
          state.pending = false;
          if (found.length > 0) refuse(found);
          return true;
        } catch (retryError) {
          return !databaseFault(retryError);
        }
      },
      { firstMs: 5_000, retryMs: 5_000 },
    );
    return;
  }
  state.pending = false;
  state.problems = [];
  if (problems.length > 0) refuse(problems);
}

function refuse(problems: string[]) {
  state.problems = problems;
  log.fatal({ problems: problems.length }, '[start] zelfcontrole mislukt; de server neemt geen verkeer aan');
  // The operator's instructions, several lines saying what to run: as plain text, readable in a terminal.
  console.error(new StartupRefusal(problems).message);
}
