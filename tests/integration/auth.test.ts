import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purgeDeadSessions } from '../../server/domain/accounts/auth.ts';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, PASSWORD } from '../support/staff.ts';

const { app, database } = useTestApp();

describe('staff log-in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the CSRF token', async () => {
    await addStaff(database().db, 'manager', 'lan.nguyen');
    const res = await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'Lan.Nguyen', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sipas_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ user: { username: 'lan.nguyen', role: 'manager' }, csrfToken: expect.any(String) });
    const me = await app().inject({ url: '/api/session', cookies: { sipas_session: cookie.value } });
    expect(me.json().user.username).toBe('lan.nguyen');
  });

  it('refuses a wrong password in Vietnamese without telling which part was wrong', async () => {
    await addStaff(database().db, 'keyer', 'keyer.one');
    const wrong = await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'keyer.one', password: 'sai-mat-khau-123' } });
    const unknown = await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'sai-mat-khau-123' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toMatch(/^Sai tên đăng nhập hoặc mật khẩu\./);
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('holds log-ins back after repeated failures, even with the right password, answering as for a wrong one', async () => {
    await addStaff(database().db, 'keyer', 'keyer.two');
    for (let i = 0; i < 5; i++) {
      await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'keyer.two', password: `wrong-password-${i}` } });
    }
    const held = await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'keyer.two', password: PASSWORD } });
    expect(held.statusCode).toBe(401);
    expect(held.json().code).toBe('bad_credentials');
  });

  it('ends the session on logout', async () => {
    await addStaff(database().db, 'analyst', 'analyst.one');
    const agent = await logInAs(app(), 'analyst.one');
    expect((await agent.request({ method: 'DELETE', url: '/api/session' })).statusCode).toBe(204);
    expect((await agent.request({ url: '/api/session' })).statusCode).toBe(401);
  });

  it('expires sessions', async () => {
    await addStaff(database().db, 'manager', 'manager.exp');
    const agent = await logInAs(app(), 'manager.exp');
    await database().db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    expect((await agent.request({ url: '/api/users' })).statusCode).toBe(401);
  });

  it('purges the sessions past their expiry or idle too long, and keeps the live ones working', async () => {
    await addStaff(database().db, 'manager', 'manager.purge');
    const expired = await logInAs(app(), 'manager.purge');
    const idle = await logInAs(app(), 'manager.purge');
    const live = await logInAs(app(), 'manager.purge');
    const userId = sql`(select id from users where username = 'manager.purge')`;
    const count = async () => {
      const rows = await database().db.execute(sql`select count(*)::int as n from sessions where user_id = ${userId}`);
      return ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ n: number }>)[0].n;
    };
    expect(await count()).toBe(3);
    await database().db.execute(sql`update sessions set expires_at = now() - interval '1 second' where csrf_token = ${expired.csrfToken}`);
    await database().db.execute(sql`update sessions set last_seen_at = now() - interval '121 minutes' where csrf_token = ${idle.csrfToken}`);

    expect(await purgeDeadSessions(database().db)).toBeGreaterThanOrEqual(2);
    expect(await count()).toBe(1);
    expect((await live.request({ url: '/api/session' })).statusCode).toBe(200);
    expect(await purgeDeadSessions(database().db)).toBe(0);
    expect(await count()).toBe(1);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    await addStaff(database().db, 'admin', 'admin.one');
    const agent = await logInAs(app(), 'admin.one');
    const payload = { username: 'new.keyer', role: 'keyer', password: PASSWORD };
    const without = await agent.request({ method: 'POST', url: '/api/users', payload, headers: { 'x-csrf-token': 'forged' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf');
    expect((await agent.request({ method: 'POST', url: '/api/users', payload })).statusCode).toBe(201);
  });

  it('stores passwords only as scrypt hashes, with the platform’s parameters', async () => {
    await createUser(database().db, { username: 'keyer.hash', displayName: 'keyer.hash', role: 'keyer', password: PASSWORD });
    const rows = await database().db.execute(sql`select password_hash from users where username = 'keyer.hash'`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ password_hash: string }>;
    expect(list[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(list[0].password_hash).not.toContain(PASSWORD);
  });
});
