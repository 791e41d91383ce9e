/**
 * An administrator deactivates or reactivates staff accounts, changes their roles, and lifts the hold repeated failed
 * log-ins put on one. A deactivated account cannot log in and its open sessions end at once; its
 * past entries and decisions stay in the audit trail.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import { clearThrottle } from '../../../db/queries/log-in-throttle.ts';
import { deleteSessionsOfUser, findUsersByIds, listUsers, lockActiveAdmins, setUserActive, setUserRole, type PublicUser } from '../../../db/queries/users.ts';
import type { Role } from '../../../db/schema/staff.ts';
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

export interface AccountChange {
  active?: boolean;
  role?: Role;
}

/**
 * Deactivates or reactivates an account and changes its role. Nobody changes their own role or
 * deactivates themselves, and the last active administrator stays one: the platform always keeps
 * someone who can manage accounts. `actor` is null at the command line. A deactivated account is logged out everywhere; a new role
 * applies from the next request, since each request reads the role afresh.
 */
export async function changeStaffAccount(db: Database, actor: PublicUser | null, userId: number, change: AccountChange): Promise<PublicUser> {
  if (userId === actor?.id && change.active === false) throw problems.ownAccount();
  if (userId === actor?.id && change.role !== undefined && change.role !== actor.role) throw problems.ownRole();
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const [before] = await findUsersByIds(tx, [userId]);
    if (!before) throw problems.notFound('account', { id: userId });
    const losesAdmin = admins.includes(userId) && (change.active === false || (change.role !== undefined && change.role !== 'admin'));
    if (losesAdmin && admins.length <= 1) throw problems.lastAdmin();
    let after = before;
    const entries: AuditEntry[] = [];
    if (change.role !== undefined && change.role !== before.role) {
      after = (await setUserRole(tx, userId, change.role))!;
      entries.push({
        userId: actor?.id ?? null,
        action: 'change_role',
        entity: 'user',
        entityId: String(userId),
        field: 'role',
        oldValue: before.role,
        newValue: change.role,
      });
    }
    if (change.active !== undefined && change.active !== before.active) {
      after = (await setUserActive(tx, userId, change.active))!;
      if (!change.active) await deleteSessionsOfUser(tx, userId);
      entries.push({
        userId: actor?.id ?? null,
        action: change.active ? 'activate_user' : 'deactivate_user',
        entity: 'user',
        entityId: String(userId),
        field: 'active',
        oldValue: before.active,
        newValue: change.active,
      });
    }
    if (entries.length > 0) await recordAudit(tx, entries);
    return after;
  });
}
