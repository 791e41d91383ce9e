/**
 * The first administrator made in the browser with the one-time link the server prints at start:
 * attacks on the token (guessed, replayed, from an earlier start, raced) and on setting up once an
 * administrator exists, and where the link is shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, PASSWORD } from '../support/staff.ts';

const { app, database } = useTestApp();

const setUp = (body: Record<string, unknown>, lang = '') => app().inject({ method: 'POST', url: `/api/setup${lang}`, payload: body });

const admin = (token: string, extra: Record<string, unknown> = {}) => ({
  token,
  username: 'quantri',
  displayName: 'Quản trị viên',
  password: PASSWORD,
  ...extra,
});
const open = () => app().firstAdminSetup.open(database().db);

describe('first-run setup of the first administrator', () => {
  it('makes the first administrator with the printed token, who can then log in; the setup is audited', async () => {
    const token = await open();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await setUp(admin(token!));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'quantri', displayName: 'Quản trị viên', role: 'admin', active: true });
    const session = await logInAs(app(), 'quantri');
    expect((await session.request({ url: '/api/users' })).statusCode).toBe(200);
    const trail = await database().db.select().from(auditLog);
    expect(trail).toMatchObject([{ action: 'create_first_admin', entity: 'user', entityId: String(res.json().id), userId: res.json().id }]);
  });

  it('refuses the same token a second time: it worked once and is gone', async () => {
    const token = (await open())!;
    expect((await setUp(admin(token))).statusCode).toBe(201);
    const replay = await setUp(admin(token, { username: 'ke.gian' }));
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('already_set_up');
    expect(await database().db.select({ username: users.username }).from(users)).toEqual([{ username: 'quantri' }]);
    expect((await app().inject({ url: '/api/setup' })).json()).toEqual({ needed: false, link: null });
  });

  it('refuses guessed tokens of any shape, saying so in the reader’s language, and creates nobody', async () => {
    const token = (await open())!;
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), async (guess) => {
        fc.pre(guess !== token);
        const res = await setUp(admin(guess));
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('setup_token_invalid');
      }),
      { numRuns: 40 },
    );
    const near = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await setUp(admin(near), '?lang=en')).json().message).toContain('The setup token is wrong');
    expect(await database().db.select().from(users)).toEqual([]);
    // Guesses do not use the token up.
    expect((await setUp(admin(token))).statusCode).toBe(201);
  });

  it('refuses to set up once an active administrator exists, even with the right token', async () => {
    const token = (await open())!;
    await addStaff(database().db, 'admin', 'made.at.the.command.line');
    const res = await setUp(admin(token));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Đã có quản trị viên');
    expect((await app().inject({ url: '/api/setup' })).json()).toEqual({ needed: false, link: null });
    expect(await open()).toBeNull();
  });

  it('opens when the only administrators are deactivated, and not while a manager or keyer is the only account', async () => {
    const only = await addStaff(database().db, 'admin', 'old.admin');
    expect(await open()).toBeNull();
    await database().db.update(users).set({ active: false });
    expect(only.active).toBe(true);
    const token = await open();
    expect(token).not.toBeNull();
    await addStaff(database().db, 'manager', 'a.manager');
    expect(await open()).not.toBeNull();
  });

  it('refuses the token of an earlier start once the server has drawn a new one', async () => {
    const earlier = (await open())!;
    const later = (await open())!;
    expect(later).not.toBe(earlier);
    expect((await setUp(admin(earlier))).json().code).toBe('setup_token_invalid');
    expect((await setUp(admin(later))).statusCode).toBe(201);
  });

  it('refuses every token while none is open: an administrator was active when the server started', async () => {
    await addStaff(database().db, 'admin', 'x.admin');
    expect(await open()).toBeNull();
    await database().db.update(users).set({ active: false });
    for (const guess of ['anything', 'null', 'undefined', '0', ' '.repeat(43)]) expect((await setUp(admin(guess))).json().code).toBe('setup_token_invalid');
  });

  it('makes exactly one administrator when the token is sent many times at once', async () => {
    const token = (await open())!;
    const replies = await Promise.all(Array.from({ length: 8 }, (_, k) => setUp(admin(token, { username: `quantri${k}` }))));
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(await database().db.select().from(users)).toHaveLength(1);
  });

  it('keeps the token when the password breaks the rules, naming the field', async () => {
    const token = (await open())!;
    const short = await setUp(admin(token, { password: 'ngắn' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().issues).toEqual([expect.objectContaining({ path: 'password' })]);
    const badName = await setUp(admin(token, { username: 'Tên có dấu' }), '?lang=en');
    expect(badName.json().issues).toEqual([expect.objectContaining({ path: 'username', message: expect.stringContaining('lowercase') })]);
    expect((await setUp(admin(token))).statusCode).toBe(201);
  });

  it('refuses unknown fields and a role given by the caller', async () => {
    const token = (await open())!;
    const res = await setUp(admin(token, { role: 'keyer' }));
    expect(res.statusCode).toBe(400);
    expect(await database().db.select().from(users)).toEqual([]);
  });

  it('shows the setup link only to a browser on the server’s own machine, never through a proxy', async () => {
    const token = (await open())!;
    const local = await app().inject({ url: '/api/setup', headers: { host: 'localhost:3000' } });
    expect(local.json()).toEqual({ needed: true, link: `/staff/setup#${token}` });
    const remote = await app().inject({ url: '/api/setup', remoteAddress: '192.168.1.20', headers: { host: 'localhost:3000' } });
    expect(remote.json()).toEqual({ needed: true, link: null });
    const proxied = await app().inject({ url: '/api/setup', headers: { host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' } });
    expect(proxied.json().link).toBeNull();
    const byName = await app().inject({ url: '/api/setup', headers: { host: 'sipas.example.gov.vn' } });
    expect(byName.json().link).toBeNull();
    for (const header of ['forwarded', 'x-real-ip', 'via', 'x-forwarded-host']) {
      expect((await app().inject({ url: '/api/setup', headers: { host: '127.0.0.1:3000', [header]: 'x' } })).json().link).toBeNull();
    }
  });

  it('cannot make an administrator with a logged-in keyer’s session either', async () => {
    const token = (await open())!;
    await addStaff(database().db, 'keyer', 'nhap.lieu');
    const keyer = await logInAs(app(), 'nhap.lieu');
    const res = await keyer.request({ method: 'POST', url: '/api/setup', payload: admin('wrong') });
    expect(res.json().code).toBe('setup_token_invalid');
    expect((await setUp(admin(token))).statusCode).toBe(201);
  });
});
