import { describe, expect, it, vi } from 'vitest';
import { ExpiringCache } from '../../../server/domain/responses/reference-lookups.ts';

describe('the short-lived lookup cache', () => {
  it('answers a repeated lookup from memory until its time is up, then reads again', async () => {
    vi.useFakeTimers();
    try {
      const cache = new ExpiringCache<string>(1000);
      const load = vi.fn(async () => `value ${load.mock.calls.length}`);
      expect(await cache.get('k', load)).toBe('value 1');
      vi.advanceTimersByTime(999);
      expect(await cache.get('k', load)).toBe('value 1');
      vi.advanceTimersByTime(2);
      expect(await cache.get('k', load)).toBe('value 2');
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads once for many concurrent lookups of the same key', async () => {
    const cache = new ExpiringCache<number>(1000);
    const load = vi.fn(() => new Promise<number>((resolve) => setTimeout(() => resolve(7), 10)));
    expect(await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)))).toEqual(Array(20).fill(7));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('remembers that something does not exist, but not that the database failed', async () => {
    const cache = new ExpiringCache<string | undefined>(1000);
    const missing = vi.fn(async () => undefined);
    await cache.get('absent', missing);
    await cache.get('absent', missing);
    expect(missing).toHaveBeenCalledTimes(1);
    const failing = vi.fn().mockRejectedValueOnce(new Error('connection lost')).mockResolvedValueOnce('back');
    await expect(cache.get('k', failing)).rejects.toThrow('connection lost');
    expect(await cache.get('k', failing)).toBe('back');
  });

  it('keeps at most its limit of entries, dropping the oldest', async () => {
    const cache = new ExpiringCache<string>(60_000, 2);
    const load = vi.fn(async () => 'v');
    for (const key of ['a', 'b', 'c', 'a']) await cache.get(key, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('reads every time when its lifetime is zero', async () => {
    const cache = new ExpiringCache<string>(0);
    const load = vi.fn(async () => 'v');
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
