import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../survey-ui/src/survey/messages/catalogue.ts';

const worded = (value: unknown) => (typeof value === 'function' ? (value as (...args: unknown[]) => string)('Bộ phận Một cửa', 3, 7) : value);

describe('the survey message catalogue', () => {
  it('has every message in Vietnamese and English, in NFC, none empty', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.vi).sort());
    for (const catalogue of Object.values(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        const text = worded(value);
        expect(typeof text, key).toBe('string');
        expect((text as string).length, key).toBeGreaterThan(0);
        expect(text, key).toBe((text as string).normalize('NFC'));
      }
    }
  });

  it('speaks Vietnamese with its diacritics to the citizen who sent a response offline', () => {
    expect(catalogues.vi.statusQueued).toContain('đã lưu trên máy');
    expect(catalogues.vi.statusQueuedKeepOpen).toContain('giữ trang này mở');
    expect(catalogues.vi.statusDelivered).toContain('đã gửi');
  });

  it('lets the citizen close the page only in the messages for a response the server has or a service worker will send', () => {
    for (const language of ['vi', 'en'] as const) {
      const t = catalogues[language];
      const close = language === 'vi' ? 'có thể đóng trang' : 'may close this page';
      expect(t.statusDelivered).toContain(close);
      expect(t.statusQueuedBackground).toContain(close);
      for (const text of [t.statusQueued, t.statusQueuedKeepOpen, t.statusRefused('x'), t.statusRefusedKept]) expect(text).not.toContain(close);
    }
  });
});
