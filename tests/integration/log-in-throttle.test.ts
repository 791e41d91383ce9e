/**
 * Log-in under attack: parallel guesses are checked no further than the counters allow (counted by
 * the domain's own tally of password verifications, not by timing), every refusal reads the same
 * whatever its reason, a hold ends by itself or when an administrator lifts it, and someone
 * guessing from one network cannot keep the account's owner out from another.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { passwordEvaluations } from '../../server/domain/accounts/auth.ts';
import { defaultThrottle, type ThrottleNumbers } from '../../server/domain/accounts/log-in-throttle.ts';
import { useTestApp } from '../support/app.ts';
import { unlimited } from '../support/rate-limits.ts';
import { addStaff, logInAs, PASSWORD } from '../support/staff.ts';

const { database } = useTestApp();

let built: FastifyInstance | undefined;
afterEach(async () => {
  await built?.close();
  built = undefined;
});

async function appWith(throttle: Partial<ThrottleNumbers> = {}): Promise<FastifyInstance> {
  built = await buildApp({ database: database(), rateLimits: unlimited, logInThrottle: throttle });
  return built;
}

const attacker = '203.0.113.66';
const owner = '198.51.100.7';

const logIn = (app: FastifyInstance, remoteAddress: string, username: string, password: string, query = '') =>
  app.inject({ method: 'POST', url: `/api/session${query}`, remoteAddress, payload: { username, password } });

const wrong = (k: number) => `sai-mat-khau-so-${k}`;
/** Password checks against the account's hash from now on (the domain's tally runs for the whole process). */
function evaluationsOf(userId: number): () => number {
  const start = passwordEvaluations(userId);
  return () => passwordEvaluations(userId) - start;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function retryRow(username: string, address: string): Promise<{ failures: number; waitMs: number | null; retryAt: Date | null }> {
  const result = await database().db.execute(sql`
    select failures, (extract(epoch from retry_at) * 1000)::float8 as retry_ms, (extract(epoch from retry_at - last_failure_at) * 1000)::float8 as wait_ms
    from log_in_failures where username = ${username} and address = ${address}`);
  const [row] = (result as unknown as { rows: Array<{ failures: number; wait_ms: number | null; retry_ms: number | null }> }).rows;
  return {
    failures: Number(row.failures),
    waitMs: row.wait_ms === null ? null : Math.round(Number(row.wait_ms)),
    retryAt: row.retry_ms === null ? null : new Date(Number(row.retry_ms)),
  };
}

describe('log-in under parallel guessing', () => {
  it('checks no more than five of fifty parallel wrong guesses from one network, and refuses the right password there too', async () => {
    const app = await appWith();
    const user = await addStaff(database().db, 'manager', 'lan');
    const checked = evaluationsOf(user.id);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, k) => logIn(app, attacker, 'lan', wrong(k))));
    expect(replies.every((r) => r.statusCode === 401)).toBe(true);
    expect(checked()).toBe(defaultThrottle.freeFailures);
    const right = await logIn(app, attacker, 'lan', PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(checked()).toBe(defaultThrottle.freeFailures);
  });

  it('lets the owner in from another network while one network keeps guessing', async () => {
    const app = await appWith();
    await addStaff(database().db, 'keyer', 'minh');
    const guessing = Promise.all(Array.from({ length: 20 }, (_, k) => logIn(app, attacker, 'minh', wrong(k))));
    const ownerReply = await logIn(app, owner, 'minh', PASSWORD);
    await guessing;
    expect(ownerReply.statusCode).toBe(200);
    expect((await logIn(app, owner, 'minh', PASSWORD)).statusCode).toBe(200);
    expect((await logIn(app, attacker, 'minh', PASSWORD)).statusCode).toBe(401);
  });

  it('holds every network to the account’s ceiling when guesses come from many, checking no more than the ceiling', async () => {
    const app = await appWith({ accountCeiling: 12 });
    const user = await addStaff(database().db, 'analyst', 'mai');
    const checked = evaluationsOf(user.id);
    const replies = await Promise.all(Array.from({ length: 30 }, (_, k) => logIn(app, `192.0.2.${k + 1}`, 'mai', wrong(k))));
    expect(replies.every((r) => r.statusCode === 401)).toBe(true);
    expect(checked()).toBe(12);
    expect((await logIn(app, owner, 'mai', PASSWORD)).statusCode).toBe(401);
  });

  it('counts the addresses of one IPv6 /64 as one network', async () => {
    const app = await appWith();
    const user = await addStaff(database().db, 'keyer', 'hoa');
    const checked = evaluationsOf(user.id);
    await Promise.all(Array.from({ length: 15 }, (_, k) => logIn(app, `2001:db8:5:6::${(k + 1).toString(16)}`, 'hoa', wrong(k))));
    expect(checked()).toBe(defaultThrottle.freeFailures);
    expect((await logIn(app, '2001:db8:5:7::1', 'hoa', PASSWORD)).statusCode).toBe(200);
  });
});

describe('a refused log-in', () => {
  it('reads the same, byte for byte, for a wrong password, an unknown name, a deactivated account and a held-back one', async () => {
    const app = await appWith();
    const db = database().db;
    await addStaff(db, 'keyer', 'wrong.password');
    const inactive = await addStaff(db, 'keyer', 'inactive');
    await db.execute(sql`update users set active = false where id = ${inactive.id}`);
    await addStaff(db, 'keyer', 'held.back');
    for (let k = 0; k < defaultThrottle.freeFailures; k++) await logIn(app, attacker, 'held.back', wrong(k));

    for (const query of ['', '?lang=en']) {
      const replies = [
        await logIn(app, attacker, 'wrong.password', wrong(99), query),
        await logIn(app, attacker, 'nobody.here', wrong(99), query),
        await logIn(app, attacker, 'inactive', PASSWORD, query),
        await logIn(app, attacker, 'held.back', PASSWORD, query),
      ];
      const seen = replies.map((r) => {
        const { date: _date, ...headers } = r.headers;
        return { status: r.statusCode, headers, body: r.rawPayload.toString('hex') };
      });
      for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
      expect(replies[0].statusCode).toBe(401);
      expect(replies[0].json().code).toBe('bad_credentials');
      expect(replies[0].json().message).toMatch(query ? /^Wrong username or password/ : /^Sai tên đăng nhập hoặc mật khẩu/);
    }
  });
});

describe('a hold on log-ins', () => {
  it('ends by itself after the wait: the right password is then checked and accepted, and the network starts afresh', async () => {
    const app = await appWith({ firstDelayMs: 3000 });
    const user = await addStaff(database().db, 'keyer', 'tuan');
    const checked = evaluationsOf(user.id);
    for (let k = 0; k < 5; k++) expect((await logIn(app, attacker, 'tuan', wrong(k))).statusCode).toBe(401);
    expect((await logIn(app, attacker, 'tuan', PASSWORD)).statusCode).toBe(401);
    expect(checked()).toBe(5);
    await sleep(Math.max(0, (await retryRow('tuan', attacker)).retryAt!.getTime() - Date.now()) + 50);
    expect((await logIn(app, attacker, 'tuan', PASSWORD)).statusCode).toBe(200);
    expect(checked()).toBe(6);
    await Promise.all(Array.from({ length: 10 }, (_, k) => logIn(app, attacker, 'tuan', wrong(k))));
    expect(checked()).toBe(11);
  });

  it('doubles its wait with each failure past the free ones, up to the cap', async () => {
    const app = await appWith({ firstDelayMs: 100, maxDelayMs: 400 });
    await addStaff(database().db, 'keyer', 'tuan');
    for (let k = 0; k < 5; k++) await logIn(app, attacker, 'tuan', wrong(k));
    const waits: number[] = [];
    for (let k = 5; k < 10; k++) {
      const row = await retryRow('tuan', attacker);
      expect(row.failures).toBe(k);
      waits.push(row.waitMs!);
      await sleep(Math.max(0, row.retryAt!.getTime() - Date.now()) + 20);
      await logIn(app, attacker, 'tuan', wrong(k));
    }
    expect(waits).toEqual([100, 200, 400, 400, 400]);
  });

  it('is lifted by an administrator, from every network, audited; managers cannot and a forged request cannot', async () => {
    const app = await appWith({ accountCeiling: 8 });
    const db = database().db;
    await addStaff(db, 'admin', 'quan.tri');
    await addStaff(db, 'manager', 'lan');
    const keyer = await addStaff(db, 'keyer', 'thu');
    await Promise.all(Array.from({ length: 8 }, (_, k) => logIn(app, attacker, 'thu', wrong(k))));
    await Promise.all(Array.from({ length: 12 }, (_, k) => logIn(app, `192.0.2.${k + 1}`, 'thu', wrong(k))));
    expect((await logIn(app, owner, 'thu', PASSWORD)).statusCode).toBe(401);

    const admin = await logInAs(app, 'quan.tri');
    const manager = await logInAs(app, 'lan');
    const listed = (await admin.request({ url: '/api/users' })).json().find((u: { username: string }) => u.username === 'thu');
    expect(new Date(listed.logInBlockedUntil).getTime()).toBeGreaterThan(Date.now());

    expect((await manager.request({ method: 'POST', url: `/api/users/${keyer.id}/unlock` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: `/api/users/${keyer.id}/unlock`, headers: { 'x-csrf-token': 'forged' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/users/${keyer.id}/unlock` })).statusCode).toBe(401);
    expect((await admin.request({ method: 'POST', url: '/api/users/9999/unlock' })).statusCode).toBe(404);

    const unlocked = await admin.request({ method: 'POST', url: `/api/users/${keyer.id}/unlock` });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: 'thu', logInBlockedUntil: null });
    expect((await admin.request({ url: '/api/users' })).json().find((u: { username: string }) => u.username === 'thu').logInBlockedUntil).toBeNull();
    expect((await logIn(app, attacker, 'thu', PASSWORD)).statusCode).toBe(200);
    expect((await logIn(app, owner, 'thu', PASSWORD)).statusCode).toBe(200);

    const trail = (await admin.request({ url: `/api/audit?entity=user&id=${keyer.id}` })).json();
    expect(trail).toEqual([expect.objectContaining({ action: 'unlock_log_in', username: 'quan.tri', newValue: null, oldValue: expect.any(String) })]);
  });
});

describe('the default numbers', () => {
  it('let one network check far fewer guesses in a day than fill the account’s bucket, so it alone never locks the owner out', () => {
    const n = defaultThrottle;
    const day = 24 * 3600_000;
    // The most one network can have checked in its first day: the free ones, then one per wait.
    let failures = n.freeFailures;
    let at = 0;
    for (;;) {
      at += Math.min(n.firstDelayMs * 2 ** (failures - n.freeFailures), n.maxDelayMs);
      if (at > day) break;
      failures++;
    }
    expect(failures).toBeLessThan(n.accountCeiling / 2);
    // Sustained, one guess per longest wait fills the bucket slower than it drains.
    const drainedPerWait = (n.accountCeiling / n.accountDrainMs) * n.maxDelayMs;
    expect(drainedPerWait).toBeGreaterThan(2);
  });
});
