import { describe, expect, it } from 'vitest';
import { configuredPublicUrl, isPrintable, PublicUrlError, publicUrlWarning } from '../../../server/public-url.ts';

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

describe('whether a poster may be printed with the address', () => {
  const printable = (base: string, configured = true) => isPrintable({ base, configured });

  it('is yes only for SIPAS_PUBLIC_URL naming a host on the internet', () => {
    for (const base of ['https://khaosat.lamdong.gov.vn', 'https://dichvucong.example.vn/sipas', 'http://203.113.10.5:8080', 'https://[2001:db8::1]']) {
      expect(printable(base), base).toBe(true);
    }
    expect(printable('https://khaosat.lamdong.gov.vn', false)).toBe(false);
  });

  it('is no for localhost, loopback, private, link-local and carrier-grade NAT addresses, single-label names and local domains', () => {
    for (const base of [
      'http://localhost:3000',
      'http://app.localhost',
      'http://127.0.0.1:3000',
      'http://127.8.9.10',
      'http://10.0.0.5:8080',
      'http://172.16.0.1',
      'http://172.31.255.255',
      'http://192.168.1.20:3000',
      'http://169.254.1.1',
      'http://100.64.0.1',
      'http://0.0.0.0:3000',
      'http://[::1]:3000',
      'http://[fd12:3456::1]',
      'http://[fe80::1]',
      'http://[::ffff:192.168.1.1]',
      'http://sipas-server:3000',
      'http://sipas.local',
      'https://khaosat.lan',
      'https://sipas.internal',
      'https://sipas.home.arpa',
    ]) {
      expect(printable(base), base).toBe(false);
    }
    // Near misses that are public.
    expect(printable('http://172.32.0.1')).toBe(true);
    expect(printable('http://100.128.0.1')).toBe(true);
    expect(printable('https://localhost.vn')).toBe(true);
  });

  it('makes the start-up warning say a private SIPAS_PUBLIC_URL is not public', () => {
    expect(publicUrlWarning({ base: 'http://192.168.1.20:3000', configured: true })).toContain('local or private address');
    expect(publicUrlWarning({ base: 'https://khaosat.lamdong.gov.vn', configured: true })).toBeUndefined();
  });
});
