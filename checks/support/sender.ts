/**
 * Phones, as the harnesses play them: each finished response is posted until the server
 * acknowledges it (200 or 201), waiting and retrying after a network error, a 5xx or a 429 — the
 * same response, byte for byte, as the survey's queue resends it.
 */
export interface Delivery {
  id: string;
  body: string;
}

export interface SendTally {
  created: number;
  resent: number;
  /** Ids acknowledged with 200 or 201. */
  acknowledged: Set<string>;
  networkErrors: number;
  serverErrors: number;
  rateLimited: number;
  /** Answers a correct server never gives to these deliveries (409, 400…), with their bodies. */
  unexpected: Array<{ id: string; status: number; body: string }>;
  attempts: number;
}

export function newTally(): SendTally {
  return { created: 0, resent: 0, acknowledged: new Set(), networkErrors: 0, serverErrors: 0, rateLimited: 0, unexpected: [], attempts: 0 };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts one delivery to whichever server `target()` names at each attempt, until it is acknowledged. */
export async function deliver(delivery: Delivery, target: () => string, tally: SendTally, options: { giveUpAfterMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.giveUpAfterMs ?? 300_000);
  for (let attempt = 0; ; attempt++) {
    if (Date.now() > deadline) throw new Error(`response ${delivery.id} was not acknowledged within ${options.giveUpAfterMs ?? 300_000} ms`);
    tally.attempts++;
    let status: number;
    let text = '';
    let retryAfter = 0;
    try {
      const res = await fetch(`${target()}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: delivery.body,
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      text = await res.text();
      retryAfter = Number(res.headers.get('retry-after') ?? 0);
    } catch {
      tally.networkErrors++;
      await pause(Math.min(2000, 50 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
      continue;
    }
    if (status === 201 || status === 200) {
      if (status === 201) tally.created++;
      else tally.resent++;
      tally.acknowledged.add(delivery.id);
      return;
    }
    if (status === 429) {
      tally.rateLimited++;
      await pause(Math.max(retryAfter * 1000, 200));
      continue;
    }
    if (status >= 500) {
      tally.serverErrors++;
      await pause(Math.min(2000, 50 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
      continue;
    }
    tally.unexpected.push({ id: delivery.id, status, body: text.slice(0, 300) });
    return;
  }
}

/** Delivers everything with `concurrency` phones at once, calling `onProgress` after each acknowledgement. */
export async function deliverAll(
  deliveries: Delivery[],
  target: () => string,
  tally: SendTally,
  options: { concurrency: number; onProgress?: () => void },
): Promise<void> {
  let next = 0;
  const phone = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++];
      await deliver(delivery, target, tally);
      options.onProgress?.();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, phone));
}
