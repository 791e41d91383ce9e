import { expect } from 'vitest';

/** Every text of a catalogue with its path; message functions are called with the sample arguments. */
function texts(value: unknown, path: string, sample: unknown[]): Array<[string, unknown]> {
  if (typeof value === 'function') return [[path, (value as (...args: unknown[]) => unknown)(...sample)]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`, sample));
  return [[path, value]];
}

/** Both languages have the same messages, each a non-empty string in NFC. */
export function expectCompleteCatalogues(catalogues: { vi: object; en: object }, sample: unknown[]): void {
  const vi = texts(catalogues.vi, 'vi', sample).map(([path]) => path.slice(3));
  const en = texts(catalogues.en, 'en', sample).map(([path]) => path.slice(3));
  expect(en.sort()).toEqual(vi.sort());
  for (const catalogue of [catalogues.vi, catalogues.en]) {
    for (const [path, text] of texts(catalogue, '', sample)) {
      expect(typeof text, path).toBe('string');
      expect((text as string).length, path).toBeGreaterThan(0);
      expect(text, path).toBe((text as string).normalize('NFC'));
    }
  }
}
