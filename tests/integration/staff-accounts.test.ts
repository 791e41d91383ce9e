import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, PASSWORD } from '../support/staff.ts';

const { app, database } = useTestApp();

describe('staff account management', () => {
  it('lets an administrator create an account with a role, which can then log in', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const admin = await logInAs(app(), 'admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'Thu.Tran', displayName: 'Trần Thị Thu', role: 'keyer', password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'thu.tran', displayName: 'Trần Thị Thu', role: 'keyer', active: true });
    expect((await logInAs(app(), 'thu.tran')).userId).toBe(created.json().id);
  });

  it('deactivating an account ends its sessions and refuses its log-in; reactivating restores it', async () => {
    const db = database().db;
    await addStaff(db, 'admin', 'admin');
    const keyer = await addStaff(db, 'keyer', 'keyer.one');
    const admin = await logInAs(app(), 'admin');
    const session = await logInAs(app(), 'keyer.one');

    const off = await admin.request({ method: 'PATCH', url: `/api/users/${keyer.id}`, payload: { active: false } });
    expect(off.json()).toMatchObject({ id: keyer.id, active: false });
    expect((await session.request({ url: '/api/batches' })).statusCode).toBe(401);
    const refused = await app().inject({ method: 'POST', url: '/api/session', payload: { username: 'keyer.one', password: PASSWORD } });
    expect(refused.statusCode).toBe(401);

    await admin.request({ method: 'PATCH', url: `/api/users/${keyer.id}`, payload: { active: true } });
    expect((await (await logInAs(app(), 'keyer.one')).request({ url: '/api/batches' })).statusCode).toBe(200);
    const trail = (await admin.request({ url: `/api/audit?entity=user&id=${keyer.id}` })).json();
    expect(trail.map((e: { action: string; username: string }) => [e.action, e.username])).toEqual([
      ['deactivate_user', 'admin'],
      ['activate_user', 'admin'],
    ]);
  });

  it('refuses to let an administrator lock themselves out, in Vietnamese', async () => {
    const me = await addStaff(database().db, 'admin', 'admin');
    const admin = await logInAs(app(), 'admin');
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Không thể tự khóa');
  });

  it('answers 404 for an account that does not exist', async () => {
    await addStaff(database().db, 'admin', 'admin');
    const admin = await logInAs(app(), 'admin');
    expect((await admin.request({ method: 'PATCH', url: '/api/users/999', payload: { active: false } })).statusCode).toBe(404);
  });
});
