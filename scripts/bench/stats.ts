/** Latency figures of one measurement: what the report shows per endpoint, target and concurrency. */
export interface LatencyStats {
  requests: number;
  /** Answers outside 2xx (or failed queries): a measurement with errors is not a valid figure. */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Successful requests per second over the measured duration. */
  throughput: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest latency that at least p% of the requests did not exceed.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * `latenciesMs`: every answer that came (any status); `errors`: answers outside 2xx plus requests that
 * got none (time-outs, broken connections). Throughput counts the good answers only.
 */
export function summarise(latenciesMs: number[], errors: number, durationMs: number, failedAnswers = errors): LatencyStats {
  const sorted = Float64Array.from(latenciesMs).sort();
  const sum = latenciesMs.reduce((a, b) => a + b, 0);
  return {
    requests: latenciesMs.length,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    max: round(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
    throughput: round(((latenciesMs.length - failedAnswers) / durationMs) * 1000),
  };
}
