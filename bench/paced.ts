/**
 * An open-loop load generator: requests arrive as a Poisson process at a set rate (independent
 * exponential gaps, seeded so a run repeats), the way phones at many offices arrive — not in
 * bursts synchronised to the clock. Each request is sent when its time comes whether or not the
 * earlier ones have been answered, and its latency is measured from the time it was *scheduled*:
 * a server that stalls cannot hide the queue that builds behind it (no coordinated omission).
 * Percentiles are exact, over every answered request.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { quantileSorted } from 'simple-statistics';
import { seededRandom } from '../tests/support/random-responses.ts';

export interface PacedOptions {
  url: string;
  path: string;
  /** Mean requests per second. */
  rate: number;
  seconds: number;
  seed: number;
  /** Keep-alive sockets to the server; a request waits for one only when this many are busy. */
  sockets: number;
  body(): string;
}

export interface PacedResult {
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  /** From scheduled send to the whole reply, in ms, of every answered request. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** How late this process sent requests after their scheduled time (its own timer and CPU), in ms. */
  sendLag: { p99: number; max: number };
  /** Most requests waiting for their reply at once. */
  maxInFlight: number;
}

export async function pacedRun(options: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const random = seededRandom(options.seed);
  const target = new URL(options.path, options.url);
  const latencies: number[] = [];
  const lags: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const replies: Array<Promise<void>> = [];

  const send = (scheduled: number) => {
    const body = options.body();
    lags.push(performance.now() - scheduled);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    replies.push(
      new Promise<void>((done) => {
        const finish = (status?: number) => {
          inFlight--;
          if (status === undefined) errors++;
          else {
            statuses[status] = (statuses[status] ?? 0) + 1;
            latencies.push(performance.now() - scheduled);
          }
          done();
        };
        const req = request(
          target,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => finish(res.statusCode));
            res.on('error', () => finish());
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
        req.on('error', () => finish());
        req.end(body);
      }),
    );
  };

  const start = performance.now();
  const end = start + options.seconds * 1000;
  // Exponential gaps with mean 1/rate: -ln(1 − u) / rate.
  let next = start - (Math.log(1 - random()) / options.rate) * 1000;
  while (next < end) {
    const wait = next - performance.now();
    // Timers wake on whole milliseconds: the lateness counts as latency and is printed as send lag.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Everything whose time has come goes now, each still timed from its own schedule.
    const now = performance.now();
    while (next <= now && next < end) {
      send(next);
      next -= (Math.log(1 - random()) / options.rate) * 1000;
    }
  }
  await Promise.all(replies);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const at = (sorted: number[], p: number) => (sorted.length > 0 ? quantileSorted(sorted, p) : NaN);
  return {
    seconds,
    statuses,
    errors,
    latency: { p50: at(latencies, 0.5), p90: at(latencies, 0.9), p99: at(latencies, 0.99), max: at(latencies, 1) },
    sendLag: { p99: at(lags, 0.99), max: at(lags, 1) },
    maxInFlight,
  };
}
