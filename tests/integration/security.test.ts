/**
 * What a hostile page or client meets: security headers with a Content-Security-Policy that
 * allows no inline code but the survey's own boot script (by hash), no CORS, no stack trace in an
 * error, and no IP address or device id of a citizen in clear in the database or the logs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { errorHandlerPlugin } from '../../server/plugins/error-handler.ts';
import { UI_DIST } from '../../survey-ui/build/pages.ts';
import { useTestApp } from '../support/app.ts';
import { everyRowAsText } from '../support/fuzz/fingerprint.ts';
import { officeSubmission } from '../support/submissions.ts';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';

const { app, database } = useTestApp();

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

async function demoToken(): Promise<string> {
  const round = (await findRoundByCode(database().db, DEMO_ROUND_CODE))!;
  return (await listLinksOfRound(database().db, round.id))[0].token;
}

describe('security headers', () => {
  it('send a policy allowing scripts and styles from this origin only, and the survey’s inline boot script by its hash', async () => {
    const page = await app().inject({ url: `/s/${await demoToken()}` });
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    // Plain HTTP on an office network must keep loading the page's own files.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    const inline = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(UI_DIST, 'survey.html'), 'utf8'))![1];
    expect(csp.get('script-src')).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
  });

  it('send the usual hardening headers on pages and API replies alike', async () => {
    for (const url of ['/staff', '/api/health', '/api/no-such-route']) {
      const res = await app().inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['content-security-policy'], url).toBeDefined();
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('allow the poster’s inline style by its hash', async () => {
    const res = await app().inject({ url: `/poster/${await demoToken()}` });
    expect(res.statusCode).toBe(200);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1];
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('style-src')).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });
});

describe('cross-origin requests', () => {
  it('get no CORS headers, so another site’s pages cannot read the API', async () => {
    const origin = 'https://evil.example';
    const simple = await app().inject({ url: '/api/session', headers: { origin } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app().inject({
      method: 'OPTIONS',
      url: '/api/responses',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('an unexpected error', () => {
  it('answers a generic 500 with no stack trace, path or message of the error', async () => {
    const bare = Fastify({ logger: false });
    await bare.register(errorHandlerPlugin);
    bare.get('/boom', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/sipas/db/queries/x.ts:12');
    });
    const res = await bare.inject({ url: '/boom' });
    await bare.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, code: 'internal_error', message: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.' });
    expect(res.body).not.toMatch(/secret_table|\.ts|\bat\b/);
  });
});

describe('what is kept of a citizen', () => {
  it('holds neither the IP address nor the device id in clear, in the database or in the logs', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      database: database(),
      logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
      rateLimits: { perDevicePerMinute: 1000, perLinkPerMinute: 1000 },
    });
    const ip = '203.0.113.177';
    const device = 'device-7f3a9c41-e2b8-4d0f';
    const submission = { ...officeSubmission(), clientId: device };
    try {
      const ok = await logged.inject({ method: 'POST', url: '/api/responses', remoteAddress: ip, payload: submission });
      expect(ok.statusCode).toBe(201);
      const refused = await logged.inject({
        method: 'POST',
        url: '/api/responses',
        remoteAddress: ip,
        payload: { ...officeSubmission(), clientId: device, answers: { A1_1: 9 } },
      });
      expect(refused.statusCode).toBe(400);
    } finally {
      await logged.close();
    }
    const stored = await everyRowAsText(database().db);
    expect(stored).toContain(submission.id);
    for (const secret of [ip, device]) {
      expect(stored.includes(secret), `${secret} in the database`).toBe(false);
      expect(
        lines.filter((l) => l.includes(secret)),
        `${secret} in the logs`,
      ).toEqual([]);
    }
    expect(lines.length).toBeGreaterThan(0);
  });
});
