/**
 * Every staff member changes their own password, giving the current one: a session left open on a
 * shared computer is not enough to take the account over. Wrong current passwords count against the
 * account like failed log-ins (domain/accounts/log-in-throttle.ts), so this is no side door for
 * guessing. The change ends the account's other sessions and any password-reset code.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { forgiveAttempt, reserveAttempt } from '../../../db/queries/log-in-throttle.ts';
import { deletePasswordResetsOfUser } from '../../../db/queries/password-resets.ts';
import { deleteOtherSessionsOfUser, findUserById, setPasswordHash } from '../../../db/queries/users.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { problems } from '../../error-catalogue.ts';
import { checkNewPassword } from './account-rules.ts';
import type { StaffSession } from './auth.ts';
import type { ThrottleNumbers } from './log-in-throttle.ts';

export interface OwnPasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The client's network (server/client-network.ts), whose failures are counted as log-in failures are. */
  network: string;
}

export async function changeOwnPassword(db: Database, session: StaffSession, change: OwnPasswordChange, throttle: ThrottleNumbers): Promise<void> {
  checkNewPassword(change.newPassword, 'newPassword');
  const user = await findUserById(db, session.user.id);
  if (!user) throw problems.notLoggedIn();
  const reserved = await reserveAttempt(db, user.username, change.network, throttle);
  // Held back: the same work against a decoy, so the reply and its timing say nothing more.
  const right = (await verifyPassword(change.currentPassword, reserved ? user.passwordHash : await decoyHash)) && reserved;
  if (!right) throw problems.wrongCurrentPassword();
  await forgiveAttempt(db, user.username, change.network);
  const passwordHash = await hashPassword(change.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteOtherSessionsOfUser(tx, user.id, session.tokenHash);
    await deletePasswordResetsOfUser(tx, user.id);
    await recordAudit(tx, [{ userId: user.id, action: 'change_own_password', entity: 'user', entityId: String(user.id), field: 'password' }]);
  });
}
