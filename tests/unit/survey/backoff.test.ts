import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF, outcomeOf, retryDelay } from '../../../survey-ui/src/survey/sending/backoff.ts';

describe('retrying a delivery', () => {
  it('waits longer after each failure, up to five minutes, never less than half the ceiling (property)', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, random) => {
        const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempts);
        const delay = retryDelay(attempts, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(retryDelay(0, 0.999)).toBeLessThanOrEqual(2_000);
    expect(retryDelay(30, 0.999)).toBeLessThanOrEqual(5 * 60_000);
  });

  it('takes 201 and 200 (a resend the server already has) as acknowledged', () => {
    expect(outcomeOf(201, {})).toEqual({ kind: 'delivered' });
    expect(outcomeOf(200, {})).toEqual({ kind: 'delivered' });
  });

  it('tries again after no network, server errors and rate limits, when the server says', () => {
    expect(outcomeOf(0, undefined)).toEqual({ kind: 'retry' });
    expect(outcomeOf(503, undefined)).toEqual({ kind: 'retry' });
    expect(outcomeOf(429, { retryAfterSeconds: 42 })).toEqual({ kind: 'retry', afterMs: 42_000 });
  });

  it('stops on a refusal the server would repeat forever, keeping its reason', () => {
    expect(outcomeOf(409, { message: 'Đợt khảo sát DN-2025-H1 hiện không nhận phiếu.' })).toEqual({
      kind: 'refused',
      reason: 'Đợt khảo sát DN-2025-H1 hiện không nhận phiếu.',
    });
    expect(outcomeOf(400, {})).toEqual({ kind: 'refused', reason: 'HTTP 400' });
  });
});
