/**
 * When to try a failed delivery again: exponential backoff from a few seconds up to five minutes,
 * with jitter so that phones which lost the network together do not all return at once.
 */
export const BACKOFF = { firstMs: 2_000, maxMs: 5 * 60_000 };

/** Delay before attempt number `attempts + 1`; `random` in [0, 1) picks the jitter. */
export function retryDelay(attempts: number, random: number): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempts));
  return Math.round(ceiling * (0.5 + random / 2));
}

export type AttemptOutcome = { kind: 'delivered' } | { kind: 'retry'; afterMs?: number } | { kind: 'refused'; reason: string };

/**
 * What a reply to POST /api/responses means for a queued response. 201 and 200 (a resend the
 * server already holds) are acknowledgements. A refusal the server will repeat forever (invalid,
 * round closed) stops the retries and is kept for the record; anything else is tried again.
 */
export function outcomeOf(status: number, body: { message?: unknown; retryAfterSeconds?: unknown } | undefined): AttemptOutcome {
  if (status === 200 || status === 201) return { kind: 'delivered' };
  if (status === 429) {
    const seconds = typeof body?.retryAfterSeconds === 'number' ? body.retryAfterSeconds : undefined;
    return seconds === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs: seconds * 1000 };
  }
  if ([400, 404, 409, 413, 415, 422].includes(status)) {
    return { kind: 'refused', reason: typeof body?.message === 'string' ? body.message : `HTTP ${status}` };
  }
  return { kind: 'retry' };
}
