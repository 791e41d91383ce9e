/**
 * The survey's service worker (scope /s/). It keeps the page and its assets so the survey opens
 * with no network after a first visit, and delivers the outbox when the browser wakes it for a
 * background sync — also after the tab was closed or the browser restarted.
 */
import { deliverOutbox, OUTBOX_SYNC_TAG } from '../sending/deliver.ts';

/** The page and the hashed assets it needs, written in by the build. */
declare const __SURVEY_PRECACHE__: string[];
declare const __SURVEY_BUILD__: string;

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate' | 'message', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as WorkerScope;
const CACHE = `sipas-survey-${__SURVEY_BUILD__}`;
/** Every office link opens the same page; the app reads the token from the address. */
const SHELL = '/s/';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(__SURVEY_PRECACHE__))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sipas-survey-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

async function fromCacheFirst(request: Request, key: RequestInfo): Promise<Response> {
  const cached = await caches.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(key, copy));
  }
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // The page is precached with this build's assets: it opens at once, online or not. A new build
  // installs a new worker (its precache list changes), which takes over on the next visit.
  if (request.mode === 'navigate' && url.pathname.startsWith('/s/')) event.respondWith(fromCacheFirst(request, SHELL));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(fromCacheFirst(request, request));
  // The API goes to the network as it is: the page keeps its own copies and its own outbox.
});

worker.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  // Rejecting tells the browser to try the sync again later, with its own backoff.
  event.waitUntil(
    deliverOutbox({ force: true }).then((round) => {
      if (round.waiting > 0) throw new Error(`${round.waiting} responses still waiting`);
    }),
  );
});
