/**
 * Staff log-in and sessions. Sessions live in the database (the cookie holds only a random token,
 * stored hashed); repeated failures lock an account for a while; every unsafe request made with
 * the cookie must echo the session's CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import {
  clearFailedLogins, deleteSession, findLiveSession, findUserByUsername, insertSession, insertUser, recordFailedLogin,
  touchSession, type PublicUser,
} from '../../db/queries/users.ts';
import type { Role } from '../../db/schema/staff.ts';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { Problem, problems } from '../errors.ts';

export const sessionPolicy = {
  absoluteHours: 12,
  idleMinutes: 120,
  lockAfterFailures: 5,
  lockMinutes: 15,
};

export interface StaffSession {
  user: PublicUser;
  csrfToken: string;
  tokenHash: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

const badCredentials = () =>
  new Problem(401.1, 'bad_credentials', { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });

export async function logIn(db: Database, username: string, password: string): Promise<{ token: string; session: StaffSession }> {
  const user = await findUserByUsername(db, normalizeUsername(username));
  if (!user || !user.active) {
    await verifyPassword(password, await decoyHash);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new Problem(429.1, 'account_locked', {
      vi: `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau ${minutes} phút.`,
      en: `Account locked after repeated failed log-ins. Try again in ${minutes} minutes.`,
    });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailedLogin(db, user.id, sessionPolicy.lockAfterFailures, new Date(Date.now() + sessionPolicy.lockMinutes * 60_000));
    throw badCredentials();
  }
  await clearFailedLogins(db, user.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + sessionPolicy.absoluteHours * 3600_000),
  });
  const { id, username: name, displayName, role, active } = user;
  return { token, session: { user: { id, username: name, displayName, role, active }, csrfToken, tokenHash: sha256(token) } };
}

export async function sessionOf(db: Database, token: string): Promise<StaffSession | undefined> {
  const tokenHash = sha256(token);
  const found = await findLiveSession(db, tokenHash, new Date(Date.now() - sessionPolicy.idleMinutes * 60_000));
  if (!found) return undefined;
  // Writing on every request would serialise reads on PGlite; a minute's precision is plenty for idle expiry.
  if (Date.now() - found.session.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash);
  return { user: found.user, csrfToken: found.session.csrfToken, tokenHash };
}

export async function logOut(db: Database, session: StaffSession): Promise<void> {
  await deleteSession(db, session.tokenHash);
}

export async function createUser(
  db: Database,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<PublicUser> {
  const username = normalizeUsername(input.username);
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    throw problems.validation([{ path: 'username', worded: { vi: 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, gạch', en: 'Usernames are 3–40 lowercase letters, digits, dots, dashes' } }]);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw problems.validation([{ path: 'password', worded: { vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`, en: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters` } }]);
  }
  const created = await insertUser(db, {
    username,
    displayName: input.displayName.normalize('NFC').trim() || username,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  if (!created) {
    throw new Problem(409.3, 'username_taken', { vi: `Tên đăng nhập ${username} đã có`, en: `Username ${username} is taken` });
  }
  return created;
}
