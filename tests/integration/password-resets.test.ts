/**
 * Passwords after the first: an administrator's one-time reset code (replayed, expired, for another
 * account, guessed, after deactivation) and every staff member's change of their own password
 * (wrong current password, CSRF, the other sessions it ends).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, passwordResets } from '../../db/schema/index.ts';
import { issuePasswordReset, resetPolicy } from '../../server/domain/accounts/password-resets.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, PASSWORD, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const NEW_PASSWORD = 'một-mật-khẩu-mới-hẳn';

const logInStatus = async (username: string, password: string) =>
  (await app().inject({ method: 'POST', url: '/api/session', payload: { username, password } })).statusCode;
const redeem = (body: Record<string, unknown>, lang = '') => app().inject({ method: 'POST', url: `/api/password-reset${lang}`, payload: body });
const issue = async (admin: Agent, userId: number) => {
  const res = await admin.request({ method: 'POST', url: `/api/users/${userId}/password-reset` });
  expect(res.statusCode).toBe(201);
  return res.json() as { code: string; path: string; expiresAt: string; user: { username: string } };
};
async function world() {
  await addStaff(database().db, 'admin', 'admin');
  const keyer = await addStaff(database().db, 'keyer', 'nhap.lieu');
  const other = await addStaff(database().db, 'keyer', 'nguoi.khac');
  return { admin: await logInAs(app(), 'admin'), keyer, other };
}

describe('password reset by a one-time code', () => {
  it('lets the account’s owner set a new password once with the code, ending their sessions; the old password stops working', async () => {
    const { admin, keyer } = await world();
    const session = await logInAs(app(), 'nhap.lieu');
    const reset = await issue(admin, keyer.id);
    expect(reset.path).toBe(`/staff/reset-password#user=nhap.lieu&code=${reset.code}`);
    expect(new Date(reset.expiresAt).getTime() - Date.now()).toBeGreaterThan((resetPolicy.validHours - 0.1) * 3600_000);
    expect(await logInStatus('nhap.lieu', PASSWORD)).toBe(200);

    expect((await redeem({ username: 'nhap.lieu', code: reset.code, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await session.request({ url: '/api/session' })).statusCode).toBe(401);
    expect(await logInStatus('nhap.lieu', PASSWORD)).toBe(401);
    expect(await logInStatus('nhap.lieu', NEW_PASSWORD)).toBe(200);
    const trail = (await admin.request({ url: `/api/audit?entity=user&id=${keyer.id}` })).json();
    expect(trail.map((e: { action: string; username: string }) => [e.action, e.username])).toEqual([
      ['issue_password_reset', 'admin'],
      ['reset_password', 'nhap.lieu'],
    ]);
  });

  it('refuses the same code a second time', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    expect((await redeem({ username: 'nhap.lieu', code, password: NEW_PASSWORD })).statusCode).toBe(204);
    const again = await redeem({ username: 'nhap.lieu', code, password: 'kẻ-gian-đoán-lại-mã' });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('reset_code_invalid');
    expect(await logInStatus('nhap.lieu', NEW_PASSWORD)).toBe(200);
  });

  it('uses the code once when it is sent many times at once', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    const replies = await Promise.all(Array.from({ length: 6 }, (_, k) => redeem({ username: 'nhap.lieu', code, password: `${NEW_PASSWORD}-${k}` })));
    expect(replies.map((r) => r.statusCode).sort()).toEqual([204, 400, 400, 400, 400, 400]);
  });

  it('refuses a code past its 24 hours', async () => {
    const { keyer, admin } = await world();
    const stale = await issuePasswordReset(database().db, admin.userId, keyer.id, new Date(Date.now() - (resetPolicy.validHours * 3600_000 + 1000)));
    const res = await redeem({ username: 'nhap.lieu', code: stale.code, password: NEW_PASSWORD }, '?lang=en');
    expect(res.json()).toMatchObject({ code: 'reset_code_invalid', message: expect.stringContaining('wrong, used or expired') });
    expect(await logInStatus('nhap.lieu', PASSWORD)).toBe(200);
  });

  it('refuses one account’s code for another account, and leaves it usable by its own', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    for (const username of ['nguoi.khac', 'admin', 'nobody.here']) {
      expect((await redeem({ username, code, password: NEW_PASSWORD })).json().code).toBe('reset_code_invalid');
    }
    expect(await logInStatus('nguoi.khac', PASSWORD)).toBe(200);
    expect(await logInStatus('admin', PASSWORD)).toBe(200);
    expect((await redeem({ username: 'NHAP.LIEU', code, password: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('refuses guessed codes with the same reply as used ones', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    for (const guess of ['a', code.slice(0, -1), `${code}x`, code.toUpperCase(), ' '.repeat(22), '../../etc/passwd']) {
      if (guess === code) continue;
      const res = await redeem({ username: 'nhap.lieu', code: guess, password: NEW_PASSWORD });
      expect(res.statusCode, guess).toBe(400);
      expect(res.json().code).toBe('reset_code_invalid');
    }
    expect((await redeem({ username: 'nhap.lieu', code, password: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('replaces an earlier code with a newer one', async () => {
    const { admin, keyer } = await world();
    const first = await issue(admin, keyer.id);
    const second = await issue(admin, keyer.id);
    expect((await redeem({ username: 'nhap.lieu', code: first.code, password: NEW_PASSWORD })).json().code).toBe('reset_code_invalid');
    expect((await redeem({ username: 'nhap.lieu', code: second.code, password: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('stores only a hash of the code', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    const rows = await database().db.select().from(passwordResets);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses the code of a deactivated account', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    await admin.request({ method: 'PATCH', url: `/api/users/${keyer.id}`, payload: { active: false } });
    expect((await redeem({ username: 'nhap.lieu', code, password: NEW_PASSWORD })).json().code).toBe('reset_code_invalid');
  });

  it('keeps the code when the new password breaks the rules, naming the field', async () => {
    const { admin, keyer } = await world();
    const { code } = await issue(admin, keyer.id);
    const short = await redeem({ username: 'nhap.lieu', code, password: 'ngắn' }, '?lang=en');
    expect(short.statusCode).toBe(400);
    expect(short.json().issues).toEqual([{ path: 'password', message: 'Passwords need at least 10 characters' }]);
    expect((await redeem({ username: 'nhap.lieu', code, password: NEW_PASSWORD, extra: 1 })).statusCode).toBe(400);
    expect((await redeem({ username: 'nhap.lieu', code, password: NEW_PASSWORD })).statusCode).toBe(204);
  });

  it('lets only administrators issue codes, and only with the CSRF token', async () => {
    const { keyer } = await world();
    for (const role of ['manager', 'keyer', 'analyst'] as const) {
      await addStaff(database().db, role, `the.${role}`);
      const agent = await logInAs(app(), `the.${role}`);
      expect((await agent.request({ method: 'POST', url: `/api/users/${keyer.id}/password-reset` })).statusCode).toBe(403);
    }
    const admin = await logInAs(app(), 'admin');
    const noToken = await app().inject({ method: 'POST', url: `/api/users/${keyer.id}/password-reset`, cookies: { sipas_session: admin.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    expect((await app().inject({ method: 'POST', url: `/api/users/${keyer.id}/password-reset` })).statusCode).toBe(401);
    expect(await database().db.select().from(passwordResets)).toEqual([]);
    expect((await admin.request({ method: 'POST', url: '/api/users/9999/password-reset' })).statusCode).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, ends the account’s other sessions and keeps this one; audited', async () => {
    for (const role of ['admin', 'manager', 'keyer', 'analyst'] as const) {
      await database().reset();
      const user = await addStaff(database().db, role, `the.${role}`);
      const here = await logInAs(app(), `the.${role}`);
      const elsewhere = await logInAs(app(), `the.${role}`);
      const res = await here.request({ method: 'PUT', url: '/api/session/password', payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
      expect(res.statusCode, role).toBe(204);
      expect((await here.request({ url: '/api/session' })).statusCode).toBe(200);
      expect((await elsewhere.request({ url: '/api/session' })).statusCode).toBe(401);
      expect(await logInStatus(`the.${role}`, PASSWORD)).toBe(401);
      expect(await logInStatus(`the.${role}`, NEW_PASSWORD)).toBe(200);
      const entries = await database()
        .db.select({ action: auditLog.action, userId: auditLog.userId })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(user.id)));
      expect(entries).toEqual([{ action: 'change_own_password', userId: user.id }]);
    }
  });

  it('refuses a wrong current password, and counts it like a failed log-in', async () => {
    await addStaff(database().db, 'keyer', 'nhap.lieu');
    const me = await logInAs(app(), 'nhap.lieu');
    const wrong = await me.request({
      method: 'PUT',
      url: '/api/session/password?lang=en',
      payload: { currentPassword: 'không-phải-mật-khẩu', newPassword: NEW_PASSWORD },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'wrong_current_password', message: 'The current password is wrong' });
    for (let k = 0; k < 5; k++) {
      await me.request({ method: 'PUT', url: '/api/session/password', payload: { currentPassword: `sai-${k}-mật-khẩu`, newPassword: NEW_PASSWORD } });
    }
    // Held back now: even the right current password is refused for a while, as a log-in would be.
    const held = await me.request({ method: 'PUT', url: '/api/session/password', payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
    expect(held.json().code).toBe('wrong_current_password');
    expect(await logInStatus('nhap.lieu', PASSWORD)).toBe(401);
  });

  it('names the new password when it is too short, and changes nothing', async () => {
    await addStaff(database().db, 'analyst', 'phan.tich');
    const me = await logInAs(app(), 'phan.tich');
    const res = await me.request({ method: 'PUT', url: '/api/session/password', payload: { currentPassword: PASSWORD, newPassword: 'ngắn' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    expect(await logInStatus('phan.tich', PASSWORD)).toBe(200);
  });

  it('refuses the change without the CSRF token or without a session', async () => {
    await addStaff(database().db, 'manager', 'quan.ly');
    const me = await logInAs(app(), 'quan.ly');
    const payload = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const forged = await app().inject({ method: 'PUT', url: '/api/session/password', cookies: { sipas_session: me.cookie }, payload });
    expect(forged.statusCode).toBe(403);
    expect((await app().inject({ method: 'PUT', url: '/api/session/password', payload })).statusCode).toBe(401);
    expect(await logInStatus('quan.ly', PASSWORD)).toBe(200);
  });
});
