import autocannon from 'autocannon';
import { summarise, type LatencyStats } from './stats';

export interface HttpLoad {
  url: string;
  connections: number;
  durationS: number;
  headers: Record<string, string>;
  /** The next request: path, method, body. Called for every request, so requests vary. */
  next(): { method: 'GET' | 'POST'; path: string; body?: string };
}

/**
 * Drives a server with autocannon (closed loop: every connection sends its next request when the
 * previous answer is in) and takes the latency of every single response, so that p95 is exact
 * (autocannon's own summary has p90 and p97.5, no p95).
 */
export async function runHttpLoad(load: HttpLoad): Promise<LatencyStats> {
  const latencies: number[] = [];
  let errors = 0;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: load.url,
      connections: load.connections,
      duration: load.durationS,
      // A slow endpoint is a figure, not a failure: only an answer later than three minutes counts as an error.
      timeout: 180,
      headers: load.headers,
      requests: [
        {
          setupRequest: (request) => {
            const next = load.next();
            return { ...request, method: next.method, path: next.path, body: next.body ?? undefined };
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) errors += 1;
  });
  const result = await done;
  const failedAnswers = errors;
  // autocannon's `errors` counts requests without an answer, time-outs included.
  return summarise(latencies, errors + result.errors, load.durationS * 1000, failedAnswers);
}
