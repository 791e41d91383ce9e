/**
 * The page's side of sending: deliver whenever it may succeed — now, when the network returns,
 * when the page is shown again, and when the backoff says — and ask the service worker for a
 * background sync so a response finished just before the tab closed still leaves the phone.
 */
import { deliverOutbox, OUTBOX_CHANNEL, OUTBOX_SYNC_TAG } from './deliver.ts';

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;

function schedule(dueAt: number | undefined): void {
  clearTimeout(timer);
  if (dueAt === undefined) return;
  timer = setTimeout(() => void deliverSoon(), Math.max(0, dueAt - Date.now()));
}

/** Starts a delivery round unless one is running. */
export function deliverSoon(force = false): Promise<void> {
  running ??= deliverOutbox({ force })
    .then((round) => schedule(round.nextDueAt))
    .catch(() => schedule(Date.now() + 30_000))
    .finally(() => {
      running = undefined;
    });
  return running;
}

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser to wake the service worker when there is a network, even with the tab closed. */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration('/s/')) as SyncRegistration | undefined;
  await registration?.sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

export function startSender(): void {
  addEventListener('online', () => void deliverSoon(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void deliverSoon();
  });
  void deliverSoon();
}

/** Calls `listener` whenever any sender (this page, another tab, the service worker) settles a response. */
export function onOutboxChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.onmessage = listener;
  return () => channel.close();
}
