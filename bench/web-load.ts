// Load generators of bench/web.ts. HTTP: autocannon against one page, a fixed number of connections for a fixed time
// and at most a fixed number of requests. Every response's latency is kept whatever its status (autocannon's own
// histogram keeps only 2xx), and non-2xx responses, errors and timeouts are counted, so a redirect to the login page
// or an error page can never pass for a fast page. SQL: the same closed loop, for a function running a page's core
// statements on a pg pool of as many connections as there are clients.
import autocannon from "autocannon";
import pg from "pg";
import { round } from "./support";

export type Latency = { p50: number; p95: number; p99: number; mean: number; max: number };

export type LoadSummary = { requests: number; seconds: number; requestsPerSecond: number; latencyMs: Latency };

export type HttpSummary = LoadSummary & {
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  // Every response was a 2xx, nothing failed or timed out, and at least one response came back in time: only then
  // do the latencies describe the page.
  valid: boolean;
  note: string | null;
};

export type LoadOptions = { connections: number; seconds: number; maxRequests: number };

// Nearest rank: the smallest latency with at least p % of the samples at or below it.
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarise(latencies: number[], seconds: number): LoadSummary {
  const sorted = latencies.toSorted((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(sorted.length, 1);
  return {
    requests: sorted.length,
    seconds: round(seconds),
    requestsPerSecond: round(sorted.length / seconds, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50), 1),
      p95: round(percentile(sorted, 95), 1),
      p99: round(percentile(sorted, 99), 1),
      mean: round(mean, 1),
      max: round(sorted.at(-1) ?? 0, 1),
    },
  };
}

// Connection i sends headersPerClient[i % length]: one signed-in session per simulated user.
export function loadPage(
  url: string,
  headersPerClient: Record<string, string>[],
  o: LoadOptions,
): Promise<HttpSummary> {
  const latencies: number[] = [];
  const started = performance.now();
  let clients = 0;
  const setupClient = (client: { setHeaders(headers: Record<string, string>): void }) =>
    client.setHeaders(headersPerClient[clients++ % headersPerClient.length]!);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        setupClient,
        connections: o.connections,
        duration: o.seconds,
        maxOverallRequests: o.maxRequests,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
        );
        const non2xx = Object.entries(statusCodes).reduce(
          (n, [code, count]) => (code.startsWith("2") ? n : n + count),
          0,
        );
        resolve({
          ...summarise(latencies, seconds),
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          bytesPerResponse: Math.round(result.throughput.total / Math.max(latencies.length, 1)),
          valid: latencies.length > 0 && non2xx === 0 && result.errors === 0 && result.timeouts === 0,
          // Requests still in flight when the time is up are not counted: a page slower than the run shows none.
          note: latencies.length ? null : `no response within the ${o.seconds} s run (each took longer)`,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

// `run` gets a pool of o.connections connections; o.connections loops call it back to back for o.seconds.
export async function loadSql(
  databaseUrl: string,
  run: (pool: pg.Pool) => Promise<unknown>,
  o: LoadOptions,
): Promise<LoadSummary> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: o.connections });
  try {
    await run(pool); // opens a connection and primes the plan cache, as a warmed-up page has
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + o.seconds * 1000;
    const loop = async () => {
      while (performance.now() < deadline && latencies.length < o.maxRequests) {
        const t = performance.now();
        await run(pool);
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: o.connections }, loop));
    return summarise(latencies, (performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
