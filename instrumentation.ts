import type { Instrumentation } from 'next';

/**
 * Next logs errors thrown while rendering with their message; a failed query's message holds its
 * parameters (personal data). This records a safe line with Next's digest, so an error page's
 * reference can be matched in the log without the data.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request) => {
  const { describeError } = await import('@/lib/http/log-safe');
  const digest = (error as { digest?: string }).digest ?? '-';
  console.error(`[request] ${request.method} ${request.path.split('?')[0]} digest=${digest} ${describeError(error)}`);
};

/** Starts the in-server schedule (sweep, mail) in the Node.js server; never during `next build`. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.SCHEDULER === 'off') return;
  const { startScheduler } = await import('@/lib/stagnation/scheduler');
  startScheduler();
}
