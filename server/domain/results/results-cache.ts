/**
 * A round's figures, computed once per data version and kept in memory.
 *
 * Why a cache by data version rather than figures computed at close or publish: figures are asked
 * of open rounds too (the dashboard while responses come in), by level, respondent type and
 * reliability rule in any combination, and a closed round's figures still move (paper keying,
 * reviewed responses, a new frame, a locality renamed). A precomputed table would have to be kept
 * right through every one of those paths; the version (db/queries/data-version.ts) is counted by the
 * database itself on every write to what figures are made of, whichever process writes.
 *
 * Never stale: the version is read before computing and again after; a result is kept only when
 * both agree (nothing that could move it was committed meanwhile) and served only while the
 * version still is that one. Keyed by the round as read and by every option of the request; a
 * request with an option that is not data (a function relabelling units) is computed every time.
 * Bounded: at most MAX_ENTRIES results and about MAX_BYTES, the least recently used dropped first;
 * one key holds one version (a newer result replaces the older). Identical requests arriving
 * together share one computation. Results are frozen, so no caller can change another's figures:
 * each gets a shallow copy it may extend.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { roundDataVersion } from '../../../db/queries/data-version.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';

const MAX_ENTRIES = 64;
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry<T> {
  version: number;
  result: T;
  bytes: number;
}

class ResultsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;
  readonly inFlight = new Map<string, Promise<T>>();

  get(key: string, version: number): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.version !== version) {
      this.delete(key, entry);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, version: number, result: T, bytes: number): void {
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    if (bytes > MAX_BYTES) return;
    this.entries.set(key, { version, result, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.delete(oldest, entry);
    }
  }

  private delete(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** One cache per database: a process may hold several (tests do). */
const caches = new WeakMap<Database, ResultsCache<unknown>>();

function cacheOf<T>(db: Database): ResultsCache<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ResultsCache()));
  return cache as ResultsCache<T>;
}

/** JSON with object keys sorted, or undefined when the value holds something that is not data (a function). */
function canonical(value: unknown): string | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    const parts = value.map(canonical);
    return parts.includes(undefined) ? undefined : `[${parts.join(',')}]`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    const text = canonical(field);
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** Freezes every object and array in the value; returns roughly how many bytes it holds. */
function freezeAndMeasure(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value === null || typeof value !== 'object') return 8;
  if (ArrayBuffer.isView(value)) return 16 + value.byteLength;
  let bytes = 32;
  for (const field of Object.values(value)) bytes += 8 + freezeAndMeasure(field);
  Object.freeze(value);
  return bytes;
}

/**
 * `compute()`'s result for this round and options, from the cache while the round's data version
 * is the one it was computed at.
 */
export async function cachedRoundResults<T extends object>(db: Database, round: RoundRow, options: object, compute: () => Promise<T>): Promise<T> {
  const described = canonical({ round, options });
  if (described === undefined) return compute();
  const key = createHash('sha256').update(described).digest('base64');
  const cache = cacheOf<T>(db);
  const version = await roundDataVersion(db, round.id);
  const kept = cache.get(key, version);
  if (kept !== undefined) return { ...kept };
  const flight = `${version}:${key}`;
  let pending = cache.inFlight.get(flight);
  if (pending === undefined) {
    pending = (async () => {
      const result = await compute();
      const bytes = freezeAndMeasure(result);
      if ((await roundDataVersion(db, round.id)) === version) cache.set(key, version, result, bytes);
      return result;
    })().finally(() => cache.inFlight.delete(flight));
    cache.inFlight.set(flight, pending);
  }
  return { ...(await pending) };
}
