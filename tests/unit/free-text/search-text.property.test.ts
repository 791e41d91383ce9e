import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../../analysis/free-text/search-text.ts';

describe('searching free answers', () => {
  it('finds Vietnamese text with or without diacritics, in any case, in NFC or NFD', () => {
    expect(matchesSearch('Phòng chờ chật, mong thêm ghế', 'phong cho')).toBe(true);
    expect(matchesSearch('Phong cho chat', 'phòng chờ')).toBe(true);
    expect(matchesSearch('ĐƯỜNG SÁ XẤU', 'đường sá')).toBe(true);
    expect(matchesSearch('Đường sá xấu'.normalize('NFD'), 'duong sa')).toBe(true);
    expect(matchesSearch('Cán bộ tận tình', 'chậm')).toBe(false);
  });

  it('finds every piece of a text in it, however the text is written', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(60), fc.nat(60), (text, a, b) => {
        const piece = text.slice(Math.min(a, b), Math.max(a, b));
        expect(matchesSearch(text.normalize('NFD'), piece.normalize('NFC'))).toBe(foldForSearch(text).includes(foldForSearch(piece).trim()));
        expect(matchesSearch(text, '')).toBe(true);
      }),
    );
  });
});
