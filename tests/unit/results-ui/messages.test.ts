import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../survey-ui/src/results/messages/catalogue.ts';

/** Every text of a catalogue with its path; message functions are called with sample arguments. */
function texts(value: unknown, path: string): Array<[string, unknown]> {
  if (typeof value === 'function') return [[path, (value as (...args: unknown[]) => unknown)('Đắk Mil', 'x', 3, '85')]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [[path, value]];
}

describe('the results message catalogue', () => {
  it('has every message in Vietnamese and English, in NFC, none empty', () => {
    const vi = texts(catalogues.vi, 'vi').map(([path]) => path.slice(3));
    const en = texts(catalogues.en, 'en').map(([path]) => path.slice(3));
    expect(en.sort()).toEqual(vi.sort());
    for (const catalogue of [catalogues.vi, catalogues.en]) {
      for (const [path, text] of texts(catalogue, '')) {
        expect(typeof text, path).toBe('string');
        expect((text as string).length, path).toBeGreaterThan(0);
        expect(text, path).toBe((text as string).normalize('NFC'));
      }
    }
  });
});
