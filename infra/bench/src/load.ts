import autocannon from 'autocannon';

export interface Target {
  name: string;
  method: 'GET';
  path: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface Measurement {
  target: Target;
  /** Mean of the per-second request counts over the measured run. */
  requestsPerSecond: number;
  /** Latency in milliseconds, over every 2xx response of the measured run. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** autocannon's own percentiles (whole milliseconds, from its HDR histogram), as a cross-check. */
  autocannon: { p50: number; p97_5: number; p99: number };
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  /** Why the figures do not describe a working endpoint, when they do not. */
  failure?: string;
  /** Anything else a reader should know about this row. */
  note?: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

async function fire(
  baseUrl: string,
  target: Target,
  connections: number,
  seconds: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + target.path,
        method: target.method,
        headers: target.headers ?? {},
        connections,
        duration: seconds,
        timeout: 10,
      },
      (err: unknown, result: autocannon.Result) => (err ? reject(err as Error) : resolve(result)),
    );
    // autocannon 9 reports p50, p90, p97.5 and p99 but no p95, and rounds to whole milliseconds;
    // keeping every 2xx response time gives exact percentiles, p95 included.
    if (onLatency) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(responseTime);
      });
    }
  });
}

/** A warm-up run that is thrown away, then the measured run. */
export async function measure(baseUrl: string, target: Target, opts: LoadOptions): Promise<Measurement> {
  await fire(baseUrl, target, opts.connections, opts.warmupSeconds);
  const latencies: number[] = [];
  const result = await fire(baseUrl, target, opts.connections, opts.seconds, (ms) => latencies.push(ms));
  const sorted = Float64Array.from(latencies).sort();
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}
