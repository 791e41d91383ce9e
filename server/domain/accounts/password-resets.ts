/**
 * An administrator lets a staff member who forgot their password set a new one: the administrator
 * gets a one-time code (and a link holding it), shown once, to pass on; the staff member sets a new
 * password with it. Only the code's SHA-256 is stored; it works once, for its own account only,
 * for 24 hours, and a newer code for the same account replaces it. Using it ends every session of
 * the account and lifts any hold on its log-ins.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { clearThrottle } from '../../../db/queries/log-in-throttle.ts';
import { deletePasswordResetsOfUser, replacePasswordReset, takePasswordReset } from '../../../db/queries/password-resets.ts';
import { deleteSessionsOfUser, findUserByUsername, findUsersByIds, setPasswordHash, type PublicUser } from '../../../db/queries/users.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { problems } from '../../error-catalogue.ts';
import { checkNewPassword, normalizeUsername } from './account-rules.ts';

export const resetPolicy = { validHours: 24 };

/** Where the staff member sets the new password; the code after `#` never reaches a server's logs. */
export const RESET_PATH = '/staff/reset-password';

const sha256 = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

export interface IssuedReset {
  user: PublicUser;
  code: string;
  /** The page that sets the password, with the account and code in its fragment. */
  path: string;
  expiresAt: string;
}

export async function issuePasswordReset(db: Database, actorId: number | null, userId: number, now = new Date()): Promise<IssuedReset> {
  const code = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + resetPolicy.validHours * 3600_000);
  const user = await db.transaction(async (tx) => {
    const [found] = await findUsersByIds(tx, [userId]);
    if (!found) throw problems.notFound('account', { id: userId });
    await replacePasswordReset(tx, { codeHash: sha256(code), userId, issuedBy: actorId, expiresAt });
    await recordAudit(tx, [
      { userId: actorId, action: 'issue_password_reset', entity: 'user', entityId: String(userId), newValue: { expiresAt: expiresAt.toISOString() } },
    ]);
    return found;
  });
  const fragment = new URLSearchParams({ user: user.username, code }).toString();
  return { user, code, path: `${RESET_PATH}#${fragment}`, expiresAt: expiresAt.toISOString() };
}

export interface ResetRedemption {
  username: string;
  code: string;
  password: string;
}

/**
 * Sets the new password if the code is this account's, unused and unexpired. Every refusal — an
 * unknown name, a deactivated account, a wrong, used, expired or another account's code — is the
 * same reply. The password rules are checked first, so a too-short password does not use up the code.
 */
export async function redeemPasswordReset(db: Database, input: ResetRedemption): Promise<void> {
  checkNewPassword(input.password);
  const user = await findUserByUsername(db, normalizeUsername(input.username));
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const taken = user?.active ? await takePasswordReset(tx, sha256(input.code), user.id) : false;
    if (!user || !taken) throw problems.resetCodeInvalid();
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteSessionsOfUser(tx, user.id);
    await clearThrottle(tx, user.username);
    await recordAudit(tx, [{ userId: user.id, action: 'reset_password', entity: 'user', entityId: String(user.id), field: 'password' }]);
  });
}

/**
 * Sets an account's password outright — at the command line, by whoever runs the server — ending
 * its sessions, its reset codes and any hold on its log-ins; audited without the password.
 */
export async function setPasswordDirectly(db: Database, actorId: number | null, username: string, password: string): Promise<PublicUser> {
  checkNewPassword(password);
  const user = await findUserByUsername(db, normalizeUsername(username));
  if (!user) throw problems.validation([{ path: 'username', worded: { vi: `Không có tài khoản ${username}`, en: `No account ${username}` } }]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteSessionsOfUser(tx, user.id);
    await deletePasswordResetsOfUser(tx, user.id);
    await clearThrottle(tx, user.username);
    await recordAudit(tx, [{ userId: actorId, action: 'set_password', entity: 'user', entityId: String(user.id), field: 'password' }]);
  });
  const { id, username: name, displayName, role, active } = user;
  return { id, username: name, displayName, role, active };
}
