/**
 * An administrator deactivates or reactivates staff accounts, and lifts the hold repeated failed
 * log-ins put on one. A deactivated account cannot log in and its open sessions end at once; its
 * past entries and decisions stay in the audit trail.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { clearThrottle } from '../../../db/queries/log-in-throttle.ts';
import { deleteSessionsOfUser, findUsersByIds, listUsers, setUserActive, type PublicUser } from '../../../db/queries/users.ts';
import { problems } from '../../error-catalogue.ts';
import { createUser } from './auth.ts';
import { logInBlockedUntil, type ThrottleNumbers } from './log-in-throttle.ts';

export interface StaffAccount extends PublicUser {
  /** Until when failed log-ins hold back further ones from some address (or from all), ISO 8601, or null. */
  logInBlockedUntil: string | null;
}

/** An administrator creates an account; the audit trail says who and with which role. */
export async function createStaffAccount(db: Database, actorId: number, input: Parameters<typeof createUser>[1]): Promise<PublicUser> {
  const user = await createUser(db, input);
  await recordAudit(db, [
    { userId: actorId, action: 'create_user', entity: 'user', entityId: String(user.id), newValue: { username: user.username, role: user.role } },
  ]);
  return user;
}

export async function listStaffAccounts(db: Database, throttle: ThrottleNumbers): Promise<StaffAccount[]> {
  const users = await listUsers(db);
  const blocked = await logInBlockedUntil(
    db,
    users.map((u) => u.username),
    throttle,
  );
  return users.map((u) => ({ ...u, logInBlockedUntil: blocked.get(u.username)?.toISOString() ?? null }));
}

/**
 * Lifts every hold on the account's log-ins, from every address, and says who did it: the
 * administrator in the staff app, or nobody (`actorId` null) at the command line.
 */
export async function unlockStaffLogIn(db: Database, actorId: number | null, userId: number, throttle: ThrottleNumbers): Promise<StaffAccount> {
  return db.transaction(async (tx) => {
    const [user] = await findUsersByIds(tx, [userId]);
    if (!user) throw problems.notFound('account', { id: userId });
    const before = (await logInBlockedUntil(tx, [user.username], throttle)).get(user.username) ?? null;
    await clearThrottle(tx, user.username);
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'unlock_log_in',
        entity: 'user',
        entityId: String(userId),
        field: 'log_in_blocked_until',
        oldValue: before?.toISOString() ?? null,
        newValue: null,
      },
    ]);
    return { ...user, logInBlockedUntil: null };
  });
}

export async function setStaffActive(db: Database, actor: PublicUser, userId: number, active: boolean): Promise<PublicUser> {
  if (userId === actor.id && !active) {
    throw problems.ownAccount();
  }
  return db.transaction(async (tx) => {
    const [before] = await findUsersByIds(tx, [userId]);
    if (!before) throw problems.notFound('account', { id: userId });
    const after = (await setUserActive(tx, userId, active))!;
    if (!active) await deleteSessionsOfUser(tx, userId);
    if (before.active !== active) {
      await recordAudit(tx, [
        {
          userId: actor.id,
          action: active ? 'activate_user' : 'deactivate_user',
          entity: 'user',
          entityId: String(userId),
          field: 'active',
          oldValue: before.active,
          newValue: active,
        },
      ]);
    }
    return after;
  });
}
