/**
 * Finished responses waiting for the server's acknowledgement, keyed by their UUID. A response
 * enters the outbox in the same transaction that closes its draft, so it is never both still
 * editable and queued, and never lost in between. Its payload is never changed afterwards.
 */
import type { Draft, Submission } from '../model/draft.ts';
import { inTransaction, getAll, getOne, requestResult, STORES } from './idb.ts';

export type DeliveryState = 'queued' | 'delivered' | 'refused';

export interface QueuedResponse {
  id: string;
  payload: Submission;
  state: DeliveryState;
  queuedAt: string;
  attempts: number;
  /** Epoch milliseconds before which no new attempt is made. */
  nextAttemptAt: number;
  /** The server's worded reason when it refused (e.g. the round closed meanwhile). */
  refusal?: string;
}

/** Queues the finished response and marks its draft finished, atomically. */
export function queueFinished(draft: Draft, payload: Submission, now: Date): Promise<void> {
  const entry: QueuedResponse = { id: payload.id, payload, state: 'queued', queuedAt: now.toISOString(), attempts: 0, nextAttemptAt: 0 };
  const finishedDraft: Draft = { ...draft, answers: {}, finishedAs: payload.id, updatedAt: now.toISOString() };
  return inTransaction([STORES.outbox, STORES.drafts], 'readwrite', async (tx) => {
    // add, not put: a response id enters the outbox once; a second attempt fails the transaction.
    await requestResult(tx.objectStore(STORES.outbox).add(entry));
    await requestResult(tx.objectStore(STORES.drafts).put(finishedDraft));
  });
}

export function queuedResponse(id: string): Promise<QueuedResponse | undefined> {
  return getOne<QueuedResponse>(STORES.outbox, id);
}

export function allQueued(): Promise<QueuedResponse[]> {
  return getAll<QueuedResponse>(STORES.outbox);
}

/** Records the outcome of one delivery attempt, unless another sender already settled it. */
export function recordOutcome(id: string, change: Pick<QueuedResponse, 'state' | 'nextAttemptAt'> & { refusal?: string }): Promise<void> {
  return inTransaction([STORES.outbox], 'readwrite', async (tx) => {
    const store = tx.objectStore(STORES.outbox);
    const current = (await requestResult(store.get(id))) as QueuedResponse | undefined;
    if (current?.state !== 'queued') return;
    await requestResult(store.put({ ...current, ...change, attempts: current.attempts + 1 }));
  });
}

/** Forgets delivered responses older than `age` ms; queued and refused ones stay. */
export function pruneDelivered(now: number, age: number): Promise<void> {
  return inTransaction([STORES.outbox], 'readwrite', async (tx) => {
    const store = tx.objectStore(STORES.outbox);
    const entries = (await requestResult(store.getAll())) as QueuedResponse[];
    for (const entry of entries) {
      if (entry.state === 'delivered' && now - Date.parse(entry.queuedAt) > age) await requestResult(store.delete(entry.id));
    }
  });
}
