import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';

/**
 * pg-boss reports each failed poll of each queue: with the database away that is several lines a second.
 * The first of a kind is logged at once, then at most one every 30 s with how many were left out.
 */
export function throttledErrorLog(everyMs = 30_000, now = () => Date.now()) {
  const last = new Map<string, { at: number; left: number }>();
  return (error: Error) => {
    const fields = errorFields(error);
    const key = `${fields.error}:${fields.errorCode ?? ''}:${fields.kind ?? ''}`;
    const seen = last.get(key);
    if (seen && now() - seen.at < everyMs) {
      seen.left++;
      return;
    }
    last.set(key, { at: now(), left: 0 });
    log.error({ job: 'engine', ...fields, ...(seen?.left ? { suppressed: seen.left } : {}) }, `[jobs] ${describeError(error)}`);
  };
}
