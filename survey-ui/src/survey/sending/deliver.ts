/**
 * Sends the outbox: every queued response that is due is posted as it was frozen; the server's
 * idempotency by UUID makes a second delivery (by the page and the service worker, or after a
 * lost acknowledgement) harmless. Used by the page and by the service worker alike.
 */
import { allQueued, recordOutcome, type QueuedResponse } from '../storage/outbox.ts';
import { savedLanguage } from '../storage/preferences.ts';
import type { Submission } from '../model/draft.ts';
import { outcomeOf, retryDelay, type AttemptOutcome } from './backoff.ts';

export const OUTBOX_CHANNEL = 'sipas-outbox';
export const OUTBOX_SYNC_TAG = 'sipas-outbox';

export interface DeliveryRound {
  delivered: number;
  /** Still queued after this round. */
  waiting: number;
  /** When the earliest waiting response is due (epoch ms). */
  nextDueAt?: number;
}

/** One POST of a frozen response, and what its reply means. */
export async function postResponse(payload: Submission): Promise<AttemptOutcome> {
  let status: number;
  let body: { message?: unknown; retryAfterSeconds?: unknown } | undefined;
  try {
    // The server words a refusal in the reader's language (the service worker has no preference: Vietnamese).
    const response = await fetch(`/api/responses?lang=${savedLanguage()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'omit',
    });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch {
    status = 0; // no network, or the connection dropped: the server may or may not have it.
  }
  return outcomeOf(status, body);
}

async function attempt(entry: QueuedResponse, now: () => number): Promise<void> {
  const outcome = await postResponse(entry.payload);
  if (outcome.kind === 'delivered') {
    await recordOutcome(entry.id, { state: 'delivered', nextAttemptAt: 0 });
  } else if (outcome.kind === 'refused') {
    await recordOutcome(entry.id, { state: 'refused', nextAttemptAt: 0, refusal: outcome.reason });
  } else {
    const delay = outcome.afterMs ?? retryDelay(entry.attempts, Math.random());
    await recordOutcome(entry.id, { state: 'queued', nextAttemptAt: now() + delay });
  }
}

function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

async function deliverNow(options: { force: boolean; now: () => number }): Promise<DeliveryRound> {
  const due = (await allQueued()).filter((e) => e.state === 'queued' && (options.force || e.nextAttemptAt <= options.now()));
  for (const entry of due) {
    await attempt(entry, options.now);
    announce();
  }
  const after = await allQueued();
  const waiting = after.filter((e) => e.state === 'queued');
  return {
    delivered: after.filter((e) => e.state === 'delivered' && due.some((d) => d.id === e.id)).length,
    waiting: waiting.length,
    ...(waiting.length > 0 ? { nextDueAt: Math.min(...waiting.map((w) => w.nextAttemptAt)) } : {}),
  };
}

/**
 * One delivery round. `force` ignores the backoff (the network just came back). Where the browser
 * has Web Locks, the page and the service worker take turns instead of racing.
 */
export function deliverOutbox(options: { force?: boolean; now?: () => number } = {}): Promise<DeliveryRound> {
  const run = () => deliverNow({ force: options.force ?? false, now: options.now ?? Date.now });
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // request() resolves with the callback's promise; then() flattens it for the type checker too.
  return locks ? locks.request(OUTBOX_CHANNEL, run).then((round) => round) : run();
}
