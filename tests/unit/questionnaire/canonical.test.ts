import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../analysis/questionnaire/canonical.ts';

/** The reference: an object rebuilt with sorted keys at every depth, then JSON.stringify. */
function rebuiltWithSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebuiltWithSortedKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) if (record[key] !== undefined) sorted[key] = rebuiltWithSortedKeys(record[key]);
    return sorted;
  }
  return value;
}

describe('canonical JSON', () => {
  it('writes exactly what JSON.stringify writes for the same data rebuilt with sorted keys, so stored hashes stay valid', () => {
    // "__proto__" never arrives as a key: the JSON parser refuses it (prototype poisoning).
    const data = fc.anything({
      key: fc.string().filter((k) => k !== '__proto__'),
      withDate: false,
      withMap: false,
      withSet: false,
      withTypedArray: false,
      withSparseArray: false,
      withBigInt: false,
      withBoxedValues: false,
      withNullPrototype: false,
    });
    fc.assert(
      fc.property(data, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(rebuiltWithSortedKeys(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on the order in which keys were given', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, { e: 0, f: 1 }] }, b: 1 }));
  });
});
