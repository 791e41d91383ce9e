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

/**
 * Asks the browser to wake the service worker when there is a network, even with the tab closed,
 * and says whether it will: only when a service worker controls this page and took the request
 * (Background Sync; Chromium-based browsers have it, Firefox and Safari do not, and no browser
 * runs a service worker over plain HTTP except on localhost). Without that, a response still in
 * the outbox leaves the phone only while the page is open, or when the link is opened again.
 */
export async function requestBackgroundSync(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return false;
  const registration = (await navigator.serviceWorker.getRegistration('/s/').catch(() => undefined)) as SyncRegistration | undefined;
  if (!registration?.active || !registration.sync) return false;
  return registration.sync.register(OUTBOX_SYNC_TAG).then(
    () => true,
    () => false,
  );
}

/** Calls `listener` when a service worker starts (or stops) controlling this page. */
export function onControllerChange(listener: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  navigator.serviceWorker.addEventListener('controllerchange', listener);
  return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
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
