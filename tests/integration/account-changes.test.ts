/**
 * What administrators change about accounts — role, active or not — attacked: by roles that may
 * not, without the CSRF token, with strange input, against themselves and against the last active
 * administrator, also when two administrators act at once.
 */
import { describe, expect, it } from 'vitest';
import { roles } from '../../contract/accounts.ts';
import { changeStaffAccount } from '../../server/domain/accounts/staff-accounts.ts';
import { Problem } from '../../server/errors.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs } from '../support/staff.ts';

const { app, database } = useTestApp();

const trailOf = async (admin: Awaited<ReturnType<typeof logInAs>>, id: number) =>
  (await admin.request({ url: `/api/audit?entity=user&id=${id}` }))
    .json()
    .map((e: { action: string; oldValue: unknown; newValue: unknown }) => [e.action, e.oldValue, e.newValue]);

describe('changing an account’s role', () => {
  it('lets an administrator change a keyer into an analyst: the new role applies at the next request, audited with before and after', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const keyer = await addStaff(database().db, 'keyer', 'nhap.lieu');
    const admin = await logInAs(app(), 'admin');
    const session = await logInAs(app(), 'nhap.lieu');
    expect((await session.request({ url: '/api/rounds/DN-2025-H1/results?by=province' })).statusCode).toBe(403);
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${keyer.id}`, payload: { role: 'analyst' } });
    expect(res.json()).toMatchObject({ id: keyer.id, role: 'analyst', active: true });
    expect((await session.request({ url: '/api/session' })).json().actions).toContain('results.read');
    expect(await trailOf(admin, keyer.id)).toEqual([['change_role', 'keyer', 'analyst']]);
  });

  it('refuses role and state changes to managers, keyers and analysts, and to anonymous callers', async () => {
    const target = await addStaff(database().db, 'keyer', 'muc.tieu');
    for (const role of roles.filter((r) => r !== 'admin')) {
      await addStaff(database().db, role, `the.${role}`);
      const agent = await logInAs(app(), `the.${role}`);
      for (const payload of [{ role: 'admin' }, { active: false }]) {
        const res = await agent.request({ method: 'PATCH', url: `/api/users/${target.id}`, payload });
        expect(res.statusCode).toBe(403);
      }
      const self = await agent.request({ method: 'PATCH', url: `/api/users/${agent.userId}`, payload: { role: 'admin' } });
      expect(self.statusCode).toBe(403);
    }
    expect((await app().inject({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { role: 'admin' } })).statusCode).toBe(401);
    const [stored] = (await (await logInAs(app(), 'the.manager')).request({ url: '/api/users' })).json().filter((u: { id: number }) => u.id === target.id);
    expect(stored.role).toBe('keyer');
  });

  it('refuses a change without the session’s CSRF token', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const keyer = await addStaff(database().db, 'keyer', 'nhap.lieu');
    const admin = await logInAs(app(), 'admin');
    for (const token of [undefined, 'wrong', '']) {
      const res = await app().inject({
        method: 'PATCH',
        url: `/api/users/${keyer.id}`,
        cookies: { sipas_session: admin.cookie },
        headers: token === undefined ? {} : { 'x-csrf-token': token },
        payload: { role: 'admin' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf');
    }
    expect(await trailOf(admin, keyer.id)).toEqual([]);
  });

  it('refuses an empty change, unknown roles and unknown fields, naming the field', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const keyer = await addStaff(database().db, 'keyer', 'nhap.lieu');
    const admin = await logInAs(app(), 'admin');
    for (const payload of [{}, { role: 'superuser' }, { role: 'ADMIN' }, { role: null }, { active: 'false' }, { role: 'analyst', canReadComments: true }]) {
      const res = await admin.request({ method: 'PATCH', url: `/api/users/${keyer.id}?lang=en`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().issues.length).toBeGreaterThan(0);
    }
    expect(await trailOf(admin, keyer.id)).toEqual([]);
  });

  it('does not let administrators change their own role', async () => {
    const me = await addStaff(database().db, 'admin', 'admin');
    await addStaff(database().db, 'admin', 'admin.two');
    const admin = await logInAs(app(), 'admin');
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${me.id}?lang=en`, payload: { role: 'manager' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'own_role', message: expect.stringContaining('your own role') });
    // Saying the role one already has is no change.
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { role: 'admin' } })).statusCode).toBe(200);
  });
});

describe('the last active administrator', () => {
  it('lets one of two active administrators deactivate, demote and restore the other, each step audited', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const other = await addStaff(database().db, 'admin', 'admin.two');
    const admin = await logInAs(app(), 'admin');
    for (const payload of [{ active: false }, { role: 'manager' }, { active: true, role: 'admin' }]) {
      expect((await admin.request({ method: 'PATCH', url: `/api/users/${other.id}`, payload })).statusCode).toBe(200);
    }
    expect((await (await logInAs(app(), 'admin.two')).request({ url: '/api/users' })).statusCode).toBe(200);
    expect(await trailOf(admin, other.id)).toEqual([
      ['deactivate_user', true, false],
      ['change_role', 'admin', 'manager'],
      ['change_role', 'manager', 'admin'],
      ['activate_user', false, true],
    ]);
  });

  it('stays an administrator when two administrators demote or deactivate each other at the same moment', async () => {
    for (const change of [{ role: 'manager' }, { active: false }, { role: 'analyst', active: false }]) {
      await database().reset();
      const one = await addStaff(database().db, 'admin', 'admin.one');
      const two = await addStaff(database().db, 'admin', 'admin.two');
      const [a, b] = [await logInAs(app(), 'admin.one'), await logInAs(app(), 'admin.two')];
      const replies = await Promise.all([
        a.request({ method: 'PATCH', url: `/api/users/${two.id}`, payload: change }),
        b.request({ method: 'PATCH', url: `/api/users/${one.id}`, payload: change }),
      ]);
      // The second to act either was refused as the last administrator, or had already lost the right to act.
      expect(replies.map((r) => r.statusCode).sort()).toEqual([200, expect.any(Number)]);
      const users = (await (replies[0].statusCode === 200 ? a : b).request({ url: '/api/users' })).json() as Array<{ role: string; active: boolean }>;
      expect(users.filter((u) => u.role === 'admin' && u.active)).toHaveLength(1);
    }
  });

  it('refuses the last active administrator’s demotion or deactivation from the command line, in Vietnamese and in English', async () => {
    const only = await addStaff(database().db, 'admin', 'admin');
    await addStaff(database().db, 'admin', 'inactive.admin').then((u) => changeStaffAccount(database().db, null, u.id, { active: false }));
    for (const change of [{ role: 'manager' as const }, { active: false }]) {
      const refusal = await changeStaffAccount(database().db, null, only.id, change).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(Problem);
      expect(refusal).toMatchObject({
        slug: 'last_admin',
        worded: { vi: expect.stringContaining('quản trị viên cuối cùng'), en: expect.stringContaining('last active administrator') },
      });
    }
    expect((await logInAs(app(), 'admin')).userId).toBe(only.id);
  });
});
