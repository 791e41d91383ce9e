import { describe, expect, it } from 'vitest';
import { configuredPublicUrl, PublicUrlError, publicUrlWarning } from '../../../server/public-url.ts';

describe('the public address', () => {
  it('is SIPAS_PUBLIC_URL, without trailing slashes, keeping a path prefix', () => {
    expect(configuredPublicUrl({ SIPAS_PUBLIC_URL: 'https://khaosat.daknong.gov.vn/' })).toEqual({ base: 'https://khaosat.daknong.gov.vn', configured: true });
    expect(configuredPublicUrl({ SIPAS_PUBLIC_URL: ' https://dichvucong.example.vn/sipas// ' })).toEqual({
      base: 'https://dichvucong.example.vn/sipas',
      configured: true,
    });
    expect(configuredPublicUrl({ SIPAS_PUBLIC_URL: 'http://10.0.0.5:8080' }).base).toBe('http://10.0.0.5:8080');
    expect(configuredPublicUrl({ SIPAS_PUBLIC_URL: 'HTTPS://Example.VN' }).base).toBe('https://example.vn');
  });

  it('is refused at start when it is not an absolute http(s) address without query, fragment or credentials', () => {
    for (const wrong of [
      'khaosat.example.vn',
      '/s',
      'ftp://example.vn',
      'javascript:alert(1)',
      'https://example.vn/?a=1',
      'https://example.vn/?',
      'https://example.vn/#top',
      'https://user:pass@example.vn',
      'https://@example.vn',
      'file:///etc/passwd',
      'https://',
    ]) {
      expect(() => configuredPublicUrl({ SIPAS_PUBLIC_URL: wrong }), wrong).toThrow(PublicUrlError);
    }
  });

  it('falls back to this machine’s own address, never anything from a request, and says it is not public', () => {
    const named = configuredPublicUrl({ HOST: '192.168.5.20', PORT: '8000' });
    expect(named).toEqual({ base: 'http://192.168.5.20:8000', configured: false });
    expect(publicUrlWarning(named)).toContain('SIPAS_PUBLIC_URL is not set');
    expect(configuredPublicUrl({ HOST: '::1', PORT: '8000' }).base).toBe('http://[::1]:8000');
    const chosen = configuredPublicUrl({ HOST: '0.0.0.0', PORT: '3000' });
    expect(chosen.base).toMatch(/^http:\/\/(localhost|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+):3000$/);
    expect(publicUrlWarning(configuredPublicUrl({ SIPAS_PUBLIC_URL: 'https://example.vn' }))).toBeUndefined();
  });
});
