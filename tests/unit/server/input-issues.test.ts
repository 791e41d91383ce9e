import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues, MAX_INPUT_DEPTH } from '../../../server/validation.ts';

const reasons = (data: unknown) => inputIssues(data).map((i) => [i.path.map(String).join('.'), (i as { params?: { reason?: string } }).params?.reason]);

describe('what no request schema should have to meet', () => {
  it('finds nothing in ordinary Vietnamese text, emoji (whole surrogate pairs) and shallow structures', () => {
    expect(inputIssues({ name: 'Bộ phận Một cửa', note: '😀👍🏽🇻🇳', list: [1, { a: [true, null] }] })).toEqual([]);
  });

  it('names the field holding a NUL character or a lone surrogate, keys included', () => {
    expect(reasons({ a: { b: 'x\u0000y' } })).toEqual([['a.b', 'forbidden_character']]);
    expect(reasons({ list: ['ok', 'x\ud800'] })).toEqual([['list.1', 'forbidden_character']]);
    expect(reasons({ 'k\udc00': 1 })).toEqual([['k\udc00', 'forbidden_character']]);
  });

  it('stops at the depth limit and names where it stopped, however deep the input goes', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_INPUT_DEPTH + 1, max: 100_000 }), (depth) => {
        let value: unknown = 'bottom';
        for (let i = 0; i < depth; i++) value = { a: value };
        const found = inputIssues({ deep: value });
        expect(found).toHaveLength(1);
        expect(found[0].path).toHaveLength(MAX_INPUT_DEPTH);
        expect(found[0].path[0]).toBe('deep');
      }),
      { numRuns: 20 },
    );
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(inputIssues(fine)).toEqual([]);
  });
});
