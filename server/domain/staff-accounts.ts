/**
 * An administrator deactivates or reactivates staff accounts. A deactivated account cannot log
 * in and its open sessions end at once; its past entries and decisions stay in the audit trail.
 */
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { deleteSessionsOfUser, findUsersByIds, setUserActive, type PublicUser } from '../../db/queries/users.ts';
import { Problem, problems } from '../errors.ts';

export async function setStaffActive(db: Database, actor: PublicUser, userId: number, active: boolean): Promise<PublicUser> {
  if (userId === actor.id && !active) {
    throw new Problem(409.9, 'own_account', {
      vi: 'Không thể tự khóa tài khoản của chính mình; hãy nhờ một quản trị viên khác',
      en: 'You cannot deactivate your own account; ask another administrator',
    });
  }
  return db.transaction(async (tx) => {
    const [before] = await findUsersByIds(tx, [userId]);
    if (!before) throw problems.notFound({ vi: `Không có tài khoản số ${userId}`, en: `No account has id ${userId}` });
    const after = (await setUserActive(tx, userId, active))!;
    if (!active) await deleteSessionsOfUser(tx, userId);
    if (before.active !== active) {
      await recordAudit(tx, [{
        userId: actor.id, action: active ? 'activate_user' : 'deactivate_user', entity: 'user', entityId: String(userId),
        field: 'active', oldValue: before.active, newValue: active,
      }]);
    }
    return after;
  });
}
