import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parIndexPoints, roundToHundred } from '../../../analysis/estimation/rounding.ts';

describe('shares rounded for display', () => {
  it('prints 81.3 and 18.7 for 61 and 14 of 75 forms (the 2017 one-stop notice printed 81.4 and 18.6)', () => {
    expect(roundToHundred([(61 / 75) * 100, (14 / 75) * 100])).toEqual([81.3, 18.7]);
  });

  it('always adds up to exactly 100 and moves no share by a full step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }).filter((xs) => xs.some((x) => x > 1e-6)),
        (raw) => {
          const total = raw.reduce((s, x) => s + x, 0);
          const shares = raw.map((x) => (x / total) * 100);
          const shown = roundToHundred(shares);
          expect(Math.round(shown.reduce((s, x) => s + x, 0) * 10)).toBe(1000);
          shown.forEach((s, i) => expect(Math.abs(s - shares[i])).toBeLessThan(0.1 + 1e-9));
        },
      ),
    );
  });

  it('turns a SIPAS percentage into PAR INDEX points for criterion 8.1', () => {
    expect(parIndexPoints(81.7)).toBeCloseTo(8.17, 12);
  });
});
