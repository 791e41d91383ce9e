/**
 * The survey's IndexedDB, shared by the page and the service worker: drafts in progress, the
 * outbox of finished responses, and the last loaded survey of each link for offline reloads.
 * A few promise wrappers over the raw API; nothing here knows what is stored.
 */
export const STORES = { drafts: 'drafts', outbox: 'outbox', surveys: 'surveys' } as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

const DB_NAME = 'sipas-survey';
const DB_VERSION = 1;

let opening: Promise<IDBDatabase> | undefined;

export function openSurveyDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(STORES.drafts, { keyPath: 'token' });
      db.createObjectStore(STORES.outbox, { keyPath: 'id' });
      db.createObjectStore(STORES.surveys, { keyPath: 'token' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the transaction
 * has committed: either everything `work` wrote is stored, or nothing is.
 */
export async function inTransaction<T>(stores: StoreName[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
  const db = await openSurveyDb();
  const tx = db.transaction(stores, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
  const result = await work(tx);
  await done;
  return result;
}

export function getOne<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  return inTransaction([store], 'readonly', (tx) => requestResult(tx.objectStore(store).get(key) as IDBRequest<T | undefined>));
}

export function putOne<T>(store: StoreName, value: T): Promise<void> {
  return inTransaction([store], 'readwrite', async (tx) => {
    await requestResult(tx.objectStore(store).put(value));
  });
}

export function getAll<T>(store: StoreName): Promise<T[]> {
  return inTransaction([store], 'readonly', (tx) => requestResult(tx.objectStore(store).getAll() as IDBRequest<T[]>));
}
