/**
 * The two load generators of the benchmark, measuring the same way: a fixed number of concurrent
 * clients, each sending its next request as soon as the previous one answered, for a fixed time,
 * with every request's latency recorded (so p95 is computed, not read off a histogram).
 *
 * - httpLoad: autocannon (programmatic API) against a GraphQL endpoint, POSTing the bodies round
 *   robin across all connections; GraphQL errors inside a 200 answer are counted too.
 * - cypherLoad: the same loop over Bolt with neo4j-driver (autocannon speaks only HTTP).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { toParams } from '../src/db/values.js';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Completed requests per second. */
  rps: number;
  /** Latency percentiles in milliseconds, from every request's own time. */
  p50: number;
  p95: number;
  p99: number;
  /** autocannon's own p97.5 (HTTP only), as a cross-check of the computed percentiles. */
  p97_5: number | null;
  /** Socket errors and timeouts (HTTP), or failed statements (Cypher). */
  errors: number;
  non2xx: number;
  /** 200 answers that carry GraphQL `errors`. */
  graphqlErrors: number;
  /** CPU (in cores) used meanwhile by processes other than ours: the noise of a shared machine. */
  foreignCpu: number;
}

export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function summarise(latencies: number[]) {
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** Sends the bodies round robin to `url` from `connections` connections for `seconds`. */
export async function httpLoad(options: {
  url: string;
  bodies: GraphQLBody[];
  connections: number;
  seconds: number;
  /** A request not answered within this many seconds counts as an error. */
  timeoutSeconds: number;
  ourPids: () => number[];
}): Promise<LoadResult> {
  const payloads = options.bodies.map((body) => JSON.stringify(body));
  let next = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  const cpu = cpuMeter(options.ourPids);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutSeconds,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            setupRequest: (request) => ({ ...request, body: payloads[next++ % payloads.length] }),
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (latencies.length < 5_000_000) latencies.push(responseTime);
    });
  });
  const seconds = result.duration;
  return {
    connections: options.connections,
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    ...summarise(latencies),
    p97_5: result.latency.p97_5,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    foreignCpu: cpu(),
  };
}

export interface CypherRequest {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Runs the statements round robin from `connections` concurrent READ sessions for `seconds`, each
 * as an auto-commit transaction with a timeout, consuming every record. Bounded by the deadline (plus one
 * timeout) and by 10 million requests.
 */
export async function cypherLoad(options: {
  driver: Driver;
  requests: CypherRequest[];
  connections: number;
  seconds: number;
  /** The transaction timeout of each statement. */
  timeoutSeconds: number;
  ourPids: () => number[];
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const params = options.requests.map((r) => toParams(r.params) as Record<string, unknown>);
  const cpu = cpuMeter(options.ourPids);
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const worker = async () => {
    const session = options.driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
    try {
      for (let i = 0; i < 10_000_000 && performance.now() < deadline; i++) {
        const index = next++ % options.requests.length;
        const t = performance.now();
        try {
          // An auto-commit transaction, as our server runs its reads (src/db/database.ts).
          await session.run(options.requests[index]!.text, params[index], { timeout: options.timeoutSeconds * 1000 });
        } catch {
          errors += 1;
        }
        // Failed requests count with the time they took, as autocannon counts error answers.
        latencies.push(performance.now() - t);
      }
    } finally {
      await session.close();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  return {
    connections: options.connections,
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    ...summarise(latencies),
    p97_5: null,
    errors,
    non2xx: 0,
    graphqlErrors: 0,
    foreignCpu: cpu(),
  };
}

/**
 * Starts measuring CPU time; the function returned gives the cores used since by every process
 * on the machine except `ourPids()` (from /proc/stat and /proc/<pid>/stat, in clock ticks).
 */
export function cpuMeter(ourPids: () => number[]): () => number {
  const busy = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return total - (fields[3] ?? 0) - (fields[4] ?? 0);
  };
  const ours = () =>
    ourPids().reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return sum + Number(fields[11]) + Number(fields[12]);
      } catch {
        return sum;
      }
    }, 0);
  const t0 = performance.now();
  const busy0 = busy();
  const ours0 = ours();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const foreign = busy() - busy0 - (ours() - ours0);
    return Math.max(0, foreign / 100 / seconds);
  };
}
