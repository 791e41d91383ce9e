/**
 * What a client says about where it is and how it came in: Host, X-Forwarded-Host, -For and -Proto
 * change nothing the platform prints (office links, posters, QR codes), and the forwarded ones are
 * believed only from the proxy SIPAS_TRUST_PROXY names — for the address limits count, and for
 * whether the session cookie is marked Secure.
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, trustedProxies } from '../../server/app.ts';
import { passwordEvaluations } from '../../server/domain/accounts/auth.ts';
import { defaultThrottle } from '../../server/domain/accounts/log-in-throttle.ts';
import type { PublicUrl } from '../../server/public-url.ts';
import { surveyUrl } from '../../server/domain/links/poster.ts';
import { useTestApp } from '../support/app.ts';
import { unlimited } from '../support/rate-limits.ts';
import { addStaff, PASSWORD } from '../support/staff.ts';

const { database } = useTestApp();
let built: FastifyInstance | undefined;
afterEach(async () => {
  await built?.close();
  built = undefined;
});

async function appWith(options: { publicUrl: PublicUrl; trustProxy?: boolean | string }): Promise<FastifyInstance> {
  built = await buildApp({ database: database(), rateLimits: unlimited, ...options });
  return built;
}

const forged = {
  host: 'evil.example',
  'x-forwarded-host': 'phishing.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '203.0.113.250',
  forwarded: 'for=203.0.113.251;host=forwarded.example;proto=https',
};
const printed = { base: 'https://khaosat.daknong.gov.vn', configured: true };
const fallback = { base: 'http://192.168.1.20:3000', configured: false };

async function managerCookies(app: FastifyInstance, headers: Record<string, string> = {}) {
  await addStaff(database().db, 'manager', 'lan');
  const res = await app.inject({ method: 'POST', url: '/api/session', headers, payload: { username: 'lan', password: PASSWORD } });
  const { csrfToken } = res.json();
  return { cookies: { sipas_session: res.cookies.find((c) => c.name === 'sipas_session')!.value }, csrfToken };
}

async function officeLinks(app: FastifyInstance, headers: Record<string, string>) {
  const { cookies } = await managerCookies(app);
  const res = await app.inject({ url: '/api/rounds/DN-2025-H1/links', cookies, headers });
  expect(res.statusCode).toBe(200);
  return res.json() as Array<{ token: string; surveyUrl: string; publicUrlConfigured: boolean; posterPath: string }>;
}

describe('printed addresses', () => {
  for (const trustProxy of [false, true]) {
    it(`come from SIPAS_PUBLIC_URL alone, whatever Host and forwarded headers say (${trustProxy ? 'even from a trusted proxy' : 'untrusted peer'})`, async () => {
      const app = await appWith({ publicUrl: printed, trustProxy });
      const [link] = await officeLinks(app, forged);
      expect(link.surveyUrl).toBe(`https://khaosat.daknong.gov.vn/s/${link.token}`);
      expect(link.publicUrlConfigured).toBe(true);

      const poster = await app.inject({ url: link.posterPath, headers: forged });
      expect(poster.statusCode).toBe(200);
      expect(poster.body).toContain(`<p class="url">https://khaosat.daknong.gov.vn/s/${link.token}</p>`);
      expect(poster.body).toContain(await QRCode.toString(surveyUrl(printed.base, link.token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      expect(poster.body).not.toContain('class="not-public"');
      for (const text of [poster.body, JSON.stringify(link)]) expect(text).not.toMatch(/evil|phishing|forwarded\.example/);
    });
  }

  it('are this machine’s own address when SIPAS_PUBLIC_URL is not set, marked as not public on the links and the poster', async () => {
    const app = await appWith({ publicUrl: fallback });
    const [link] = await officeLinks(app, forged);
    expect(link).toMatchObject({ surveyUrl: `http://192.168.1.20:3000/s/${link.token}`, publicUrlConfigured: false });
    const poster = await app.inject({ url: link.posterPath, headers: forged });
    expect(poster.body).toContain('class="not-public"');
    expect(poster.body).toContain('chưa phải địa chỉ công khai');
    expect(poster.body).not.toMatch(/evil|phishing|forwarded\.example/);
  });
});

describe('every page and API reply', () => {
  it('names no host a client sent, on any GET route the app serves, for a visitor or an administrator', async () => {
    const app = await appWith({ publicUrl: fallback, trustProxy: true });
    await addStaff(database().db, 'admin', 'quan.tri');
    const admin = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'quan.tri', password: PASSWORD } });
    const cookies = { sipas_session: admin.cookies.find((c) => c.name === 'sipas_session')!.value };
    const [link] = await officeLinks(app, {});
    const params: Record<string, string> = { code: 'DN-2025-H1', token: link.token, version: '2024', id: '1', serial: '1', '*': 'batches' };
    const urls = app.routeCatalogue
      .filter((r) => r.method === 'GET')
      .map((r) => r.url.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => params[name ?? whole]));
    expect(urls.length).toBeGreaterThan(30);
    for (const url of urls) {
      for (const asAdmin of [false, true]) {
        const res = await app.inject({ url, headers: forged, ...(asAdmin ? { cookies } : {}) });
        expect(res.statusCode, url).toBeLessThan(500);
        const seen = `${JSON.stringify(res.headers)}\n${res.body}`;
        expect(seen, `${url} ${asAdmin ? 'as admin' : ''}`).not.toMatch(/evil\.example|phishing\.example|forwarded\.example/);
      }
    }
  });
});

describe('forwarded headers', () => {
  it('are believed from nobody unless SIPAS_TRUST_PROXY names the proxy', () => {
    expect(trustedProxies(undefined)).toBe(false);
    expect(trustedProxies('')).toBe(false);
    expect(trustedProxies('false')).toBe(false);
    expect(trustedProxies('127.0.0.1, 10.0.0.0/8')).toBe('127.0.0.1, 10.0.0.0/8');
    expect(trustedProxies('true')).toBe(true);
  });

  it('from an untrusted peer do not mark the session cookie Secure; from the trusted proxy they do', async () => {
    const untrusted = await appWith({ publicUrl: printed });
    const plain = await untrusted.inject({ method: 'POST', url: '/api/session', headers: forged, payload: { username: 'x', password: 'y' } });
    expect(plain.statusCode).toBe(401);
    await addStaff(database().db, 'manager', 'lan');
    const res = await untrusted.inject({ method: 'POST', url: '/api/session', headers: forged, payload: { username: 'lan', password: PASSWORD } });
    expect(res.cookies.find((c) => c.name === 'sipas_session')!.secure).toBeFalsy();
    await untrusted.close();

    built = await buildApp({ database: database(), rateLimits: unlimited, publicUrl: printed, trustProxy: '127.0.0.1' });
    const viaProxy = await built.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.3' },
      payload: { username: 'lan', password: PASSWORD },
    });
    expect(viaProxy.cookies.find((c) => c.name === 'sipas_session')!.secure).toBe(true);
    const notTheProxy = await built.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '198.51.100.9',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'lan', password: PASSWORD },
    });
    expect(notTheProxy.cookies.find((c) => c.name === 'sipas_session')!.secure).toBeFalsy();
  });

  it('from an untrusted peer do not let a guesser move to a fresh counter with each X-Forwarded-For', async () => {
    const app = await appWith({ publicUrl: printed });
    const user = await addStaff(database().db, 'keyer', 'minh');
    const before = passwordEvaluations(user.id);
    await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        app.inject({
          method: 'POST',
          url: '/api/session',
          remoteAddress: '203.0.113.5',
          headers: { 'x-forwarded-for': `198.51.100.${k}`, forwarded: `for=198.51.100.${k}` },
          payload: { username: 'minh', password: `sai-mat-khau-${k}` },
        }),
      ),
    );
    expect(passwordEvaluations(user.id) - before).toBe(defaultThrottle.freeFailures);
  });

  it('from the trusted proxy give each client behind it its own counter', async () => {
    const app = await appWith({ publicUrl: printed, trustProxy: '127.0.0.1' });
    await addStaff(database().db, 'keyer', 'minh');
    await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        app.inject({
          method: 'POST',
          url: '/api/session',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': '203.0.113.5' },
          payload: { username: 'minh', password: `sai-mat-khau-${k}` },
        }),
      ),
    );
    const owner = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '198.51.100.7' },
      payload: { username: 'minh', password: PASSWORD },
    });
    expect(owner.statusCode).toBe(200);
  });
});
