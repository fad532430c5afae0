import type { Instrumentation } from 'next';

/**
 * The one log line of an error thrown while rendering a page or running a server action, written like
 * the API's (lib/http/log-safe.ts): Next's digest (the reference the error page shows) as correlation id,
 * the route pattern, the error's kind and database code, never its message (a failed query's message holds
 * its parameters: names, search tokens, free text). Next's own logging of the whole error is switched
 * off in the production server (`quiet` in scripts/serve.ts), so this is the only line.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, _request, context) => {
  const { logUnexpected } = await import('@/lib/http/log-safe');
  const where = context.routeType === 'action' ? 'action' : context.routeType === 'route' ? 'api' : 'page';
  const digest = (error as { digest?: unknown }).digest;
  logUnexpected(where, error, { correlationId: typeof digest === 'string' ? digest : undefined, route: context.routePath });
};

/**
 * The server's start in Node.js (never during `next build`): the embedded database's reference and demo
 * data (lib/boot/database.ts), the self-checks (migrations, app role, field
 * keys; a problem stops the start with a message that says what to run), then the scheduled jobs
 * (lib/jobs/start.ts; `SCHEDULER=off` leaves them to `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Dynamic imports below the runtime check only, so the Edge bundle never sees the database. A failure
  // here is left to the self-check, which reports an unusable database in the same words as ever.
  const { bootDatabase } = await import('@/lib/boot/database');
  const { describeError, errorFields } = await import('@/lib/http/log-safe');
  const { log } = await import('@/lib/log');
  await bootDatabase().catch((error: unknown) => log.error(errorFields(error), `[boot] referentie- of demodata niet geladen: ${describeError(error)}`));
  const { checkAtStart, selfCheckState } = await import('@/lib/house/self-check');
  await checkAtStart();
  const { jobsEnabled, startJobs } = await import('@/lib/jobs/start');
  if (!jobsEnabled() || selfCheckState() === 'failed') return;
  startJobs({ instanceName: 'web' });
}
