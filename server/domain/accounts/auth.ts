/**
 * Staff log-in and sessions. Sessions live in the database (the cookie holds only a random token,
 * stored hashed); repeated failures hold log-ins back for a while (domain/accounts/log-in-throttle.ts);
 * every unsafe request made with the cookie must echo the session's CSRF token.
 *
 * A wrong password, an unknown name, a deactivated account and a held-back attempt all take the
 * same steps — the name's counters reserved, one scrypt verification (against a decoy hash where
 * there is no password to check) — and end in the same reply, so none of them tells a guesser
 * whether an account exists, is active, or is being held back.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { forgetOldFailures, forgiveAttempt, reserveAttempt } from '../../../db/queries/log-in-throttle.ts';
import {
  deleteDeadSessions,
  deleteSession,
  findLiveSession,
  findUserByUsername,
  insertSession,
  insertUser,
  touchSession,
  type PublicUser,
} from '../../../db/queries/users.ts';
import type { Role } from '../../../db/schema/staff.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { problems } from '../../error-catalogue.ts';
import { checkedUsername, checkNewPassword, normalizeUsername } from './account-rules.ts';
import { defaultThrottle, type ThrottleNumbers } from './log-in-throttle.ts';

export const sessionPolicy = {
  absoluteHours: 12,
  idleMinutes: 120,
  /** How often the server deletes the sessions that can no longer be used (plugins/auth.ts). */
  purgeEveryMinutes: 15,
};

export interface StaffSession {
  user: PublicUser;
  csrfToken: string;
  tokenHash: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

const badCredentials = () => problems.badCredentials();

/** Guesses checked against each account's real password hash, by user id: what throttling bounds (tests read it). */
const evaluations = new Map<number, number>();
export const passwordEvaluations = (userId: number): number => evaluations.get(userId) ?? 0;

export interface LogInAttempt {
  username: string;
  password: string;
  /** The client's network (server/client-network.ts), whose failures are counted apart from other networks'. */
  network: string;
}

export async function logIn(
  db: Database,
  attempt: LogInAttempt,
  throttle: ThrottleNumbers = defaultThrottle,
): Promise<{ token: string; session: StaffSession }> {
  const username = normalizeUsername(attempt.username);
  const user = await findUserByUsername(db, username);
  const reserved = await reserveAttempt(db, username, attempt.network, throttle);
  const checked = reserved && user?.active ? user : undefined;
  if (checked) evaluations.set(checked.id, passwordEvaluations(checked.id) + 1);
  const right = await verifyPassword(attempt.password, checked ? checked.passwordHash : await decoyHash);
  if (!checked || !right) throw badCredentials();
  await forgiveAttempt(db, username, attempt.network);
  // Housekeeping: a failure here (two servers deleting the same rows at once) must not fail the log-in.
  await forgetOldFailures(db, throttle).catch(() => undefined);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, {
    tokenHash: sha256(token),
    userId: checked.id,
    csrfToken,
    expiresAt: new Date(Date.now() + sessionPolicy.absoluteHours * 3600_000),
  });
  const { id, username: name, displayName, role, active } = checked;
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

/**
 * Deletes the sessions past their 12 hours or idle past 2 hours: no request can use them any more
 * (sessionOf refuses them), and a token hash kept for nothing is one more thing to leak.
 * Returns how many went.
 */
export async function purgeDeadSessions(db: Database, now = new Date()): Promise<number> {
  return deleteDeadSessions(db, now, new Date(now.getTime() - sessionPolicy.idleMinutes * 60_000));
}

export async function logOut(db: Database, session: StaffSession): Promise<void> {
  await deleteSession(db, session.tokenHash);
}

export async function createUser(
  db: Database,
  input: { username: string; displayName: string; role: Role; password: string },
  /** How the password is hashed: the platform's own parameters, unless a test makes many accounts. */
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<PublicUser> {
  const username = checkedUsername(input.username);
  checkNewPassword(input.password);
  const created = await insertUser(db, {
    username,
    displayName: input.displayName.normalize('NFC').trim() || username,
    role: input.role,
    passwordHash: await hash(input.password),
  });
  if (!created) {
    throw problems.usernameTaken({ username });
  }
  return created;
}
