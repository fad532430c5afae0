import type { SqlDriver, Statement } from './sql-driver';
import { summarise, type LatencyStats } from './stats';

/**
 * The SQL alone: `connections` workers each run the endpoint's statements in a transaction, one request
 * after the other, for the duration, through the same pool size as the app. No HTTP, no JSON.
 */
export async function runSqlLoad(
  db: SqlDriver,
  statements: (i: number) => Statement[],
  options: { connections: number; durationS: number },
): Promise<LatencyStats> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      try {
        await db.transaction(statements(counter++));
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  // Every worker waits for its last request, so nothing is left running here (unlike over HTTP).
  // Requests started before the deadline finish after it: throughput over the time it really took.
  return summarise(latencies, errors, performance.now() - started);
}
