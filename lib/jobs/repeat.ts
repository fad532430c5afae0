export interface Repeating {
  stop(): void;
}

/**
 * Runs `job` after `firstMs`, then every `everyMs` after it ends (without it: until it succeeds once); a run
 * that fails (answers false: the database was away, say) is tried again after `retryMs`, not a period later.
 */
export function repeat(job: () => Promise<boolean>, timing: { firstMs: number; everyMs?: number; retryMs: number }): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    const ok = await job().catch(() => false);
    if (stopped || (ok && timing.everyMs === undefined)) return;
    timer = setTimeout(run, ok ? timing.everyMs : timing.retryMs).unref();
  };
  timer = setTimeout(run, timing.firstMs).unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
