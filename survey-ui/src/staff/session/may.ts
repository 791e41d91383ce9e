import type { Action } from '../../../../contract/permissions.ts';
import type { Session } from '../api/types.ts';

/**
 * Whether the logged-in user may do an action of the permission table (contract/permissions.ts),
 * as the session reply lists them: screens offer only these. The server checks every request again.
 */
export function may(session: Session, action: Action): boolean {
  return session.actions.includes(action);
}
