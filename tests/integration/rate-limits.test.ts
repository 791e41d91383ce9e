/**
 * Rate limits: the survey's per office link (across its phones), staff log-ins per IP address,
 * and staff requests per IP address — each refusing with 429, Retry-After and Vietnamese words,
 * and each counting one address apart from another.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { buildApp } from '../../server/app.ts';
import type { RateLimitSettings } from '../../server/plugins/rate-limits.ts';
import { useTestApp } from '../support/app.ts';
import { unlimited } from '../support/rate-limits.ts';
import { addStaff, PASSWORD } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { database } = useTestApp();

let limited: FastifyInstance | undefined;
afterEach(async () => {
  await limited?.close();
  limited = undefined;
});

async function appWith(limits: Partial<RateLimitSettings>): Promise<FastifyInstance> {
  limited = await buildApp({ database: database(), rateLimits: { ...unlimited, ...limits } });
  return limited;
}

const first = '198.51.100.10';
const second = '198.51.100.20';

describe('rate limits', () => {
  it('count the responses of an office link across all its phones', async () => {
    const app = await appWith({ perLinkPerMinute: 2 });
    const round = (await findRoundByCode(database().db, DEMO_ROUND_CODE))!;
    const link = (await listLinksOfRound(database().db, round.id))[0].token;
    const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
    const send = () => app.inject({ method: 'POST', url: '/api/responses', payload: { ...rest, id: randomUUID(), link, clientId: `phone-${randomUUID()}` } });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toContain('sẽ tự gửi lại sau');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // The phone reads when to send again from the body (survey-ui/src/survey/sending/backoff.ts).
    expect(third.json().retryAfterSeconds).toBe(Number(third.headers['retry-after']));
  });

  it('stop log-in attempts from one IP address, whatever the accounts, in Vietnamese, and not from another', async () => {
    const app = await appWith({ logInsPerIpPer15Minutes: 3 });
    await addStaff(database().db, 'manager', 'lan');
    const logIn = (remoteAddress: string, username: string, password = 'sai-mat-khau-1234') =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username, password } });
    for (const name of ['a', 'b', 'c']) expect((await logIn(first, name)).statusCode).toBe(401);
    const refused = await logIn(first, 'lan', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_log_ins', message: expect.stringContaining('quá nhiều lần đăng nhập') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    // A forwarded-for header from a client that is not a trusted proxy changes nothing.
    const spoofed = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: first,
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'lan', password: PASSWORD },
    });
    expect(spoofed.statusCode).toBe(429);
    expect((await logIn(second, 'lan', PASSWORD)).statusCode).toBe(200);
  });

  it('count the log-ins of every address in one IPv6 /64 together, an IPv4-mapped address as its IPv4 one', async () => {
    const app = await appWith({ logInsPerIpPer15Minutes: 3 });
    const logIn = (remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username: 'nobody', password: 'sai-mat-khau-1234' } });
    for (const suffix of ['1', 'a:b', 'ffff:1']) expect((await logIn(`2001:db8:7:8::${suffix}`)).statusCode).toBe(401);
    expect((await logIn('2001:db8:7:8:9:9:9:9')).statusCode).toBe(429);
    expect((await logIn('2001:db8:7:9::1')).statusCode).toBe(401);
    for (let k = 0; k < 3; k++) await logIn('198.51.100.44');
    expect((await logIn('::ffff:198.51.100.44')).statusCode).toBe(429);
  });

  it('stop staff requests from one IP address past the limit, logged in or not', async () => {
    const app = await appWith({ staffPerIpPerMinute: 3 });
    await addStaff(database().db, 'admin', 'quan.tri');
    const session = await app.inject({ method: 'POST', url: '/api/session', remoteAddress: first, payload: { username: 'quan.tri', password: PASSWORD } });
    const cookies = { sipas_session: session.cookies.find((c) => c.name === 'sipas_session')!.value };
    const list = (remoteAddress: string) => app.inject({ url: '/api/users', remoteAddress, cookies });
    for (let i = 0; i < 3; i++) expect((await list(first)).statusCode).toBe(200);
    const refused = await list(first);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ message: expect.stringContaining('quá nhiều yêu cầu'), retryAfterSeconds: Number(refused.headers['retry-after']) });
    expect((await list(second)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/users', remoteAddress: first })).statusCode).toBe(429);
    // The survey is not a staff route: phones behind the same address keep going.
    expect((await app.inject({ url: '/api/health', remoteAddress: first })).statusCode).toBe(200);
  });
});
