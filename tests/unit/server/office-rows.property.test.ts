import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOfficeRows, localityMismatch, officeLevelOf } from '../../../server/domain/offices/office-rows.ts';

const goodRow = fc.record({
  code: fc.stringMatching(/^[A-Za-z0-9._-]{1,32}$/),
  name: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0 && s === s.normalize('NFC')),
  locality: fc.stringMatching(/^\d{2,5}$/),
  level: fc.constantFrom('province', 'commune', 'district', 'xã', 'Cấp tỉnh', 'HUYỆN'),
});

/** One way to spoil a row, and the column whose problem it must cause. */
const spoilers: Array<[column: string, spoil: (row: Record<string, string>) => Record<string, string>]> = [
  ['code', (r) => ({ ...r, code: `${r.code} x` })],
  ['name', (r) => ({ ...r, name: '  ' })],
  ['name', (r) => ({ ...r, name: 'x'.repeat(201) })],
  ['locality', (r) => ({ ...r, locality: '' })],
  ['level', (r) => ({ ...r, level: 'thôn' })],
];

describe('checking a list of offices', () => {
  it('reports a problem on exactly the rows spoiled, in the column spoiled, and none on sound rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(goodRow, fc.option(fc.nat(spoilers.length - 1), { nil: undefined })), { maxLength: 40 }), (lines) => {
        // Distinct codes: a repeated code is a problem of its own, tested below.
        const records = lines.map(([row, spoil], k) => {
          const unique = { ...row, code: `${k}-${row.code}`.slice(0, 32) };
          return { row: k + 2, cells: spoil === undefined ? unique : spoilers[spoil][1](unique) };
        });
        const { problems } = checkOfficeRows(records);
        const expected = lines.flatMap(([, spoil], k) => (spoil === undefined ? [] : [[k + 2, spoilers[spoil][0]]]));
        expect(problems.map((p) => [p.row, p.column])).toEqual(expected);
        for (const p of problems) expect(p.reason.vi.length).toBeGreaterThan(0);
      }),
    );
  });

  it('names the first row of a repeated code', () => {
    const row = { code: 'MC-1', name: 'Một', locality: '24805', level: 'commune' };
    const { problems } = checkOfficeRows([
      { row: 2, cells: row },
      { row: 3, cells: { ...row, name: 'Hai' } },
      { row: 7, cells: row },
    ]);
    expect(problems.map((p) => [p.row, p.reason.vi])).toEqual([
      [3, 'mã trùng với dòng 2'],
      [7, 'mã trùng với dòng 2'],
    ]);
  });

  it('reads a level as its code or the Vietnamese words, in any case and Unicode form', () => {
    expect(officeLevelOf('Bộ phận Một cửa cấp xã')).toBe('commune');
    expect(officeLevelOf('Trung tâm Phục vụ hành chính công cấp tỉnh'.normalize('NFD'))).toBe('province');
    expect(officeLevelOf(' HUYỆN ')).toBe('district');
    expect(officeLevelOf('village')).toBeUndefined();
  });

  it('places an office only in a unit of its own tier', () => {
    const unit = (level: 'province' | 'district' | 'commune' | 'village') => ({
      code: '1',
      name: 'x',
      level,
      parentCode: null,
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(localityMismatch('commune', unit('commune'))).toBeUndefined();
    expect(localityMismatch('province', unit('province'))).toBeUndefined();
    expect(localityMismatch('district', unit('district'))).toBeUndefined();
    expect(localityMismatch('commune', unit('province'))?.vi).toContain('cấp tỉnh');
    expect(localityMismatch('province', unit('commune'))).toBeDefined();
    expect(localityMismatch('district', unit('village'))).toBeDefined();
  });
});
