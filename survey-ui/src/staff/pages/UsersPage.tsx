import { useState } from 'preact/hooks';
import type { AccountChangeBody, PasswordReset, Role, StaffAccount } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { CreateUserForm } from '../components/CreateUserForm.tsx';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { ResetCodeNotice } from '../components/ResetCodeNotice.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

const ROLES: Role[] = ['keyer', 'manager', 'analyst', 'admin'];

/**
 * Accounts with their roles; the administrator creates, deactivates and reactivates them, changes
 * their roles, issues one-time password reset codes, and lifts the hold that repeated wrong
 * passwords put on an account's log-ins.
 */
export function UsersPage() {
  const t = useMessages();
  const { api, session, language } = useStaff();
  const users = useLoad(() => api.get<StaffAccount[]>('/users'), []);
  const action = useAction();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { timeStyle: 'short' });
  const setActive = (user: StaffAccount, active: boolean) =>
    action.run(async () => {
      await api.send('PATCH', `/users/${user.id}`, { active } satisfies AccountChangeBody);
      users.reload();
      return `${user.username}: ${active ? t.active : t.inactive}`;
    });
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const setRole = (user: StaffAccount, role: Role) =>
    action.run(async () => {
      await api.send('PATCH', `/users/${user.id}`, { role } satisfies AccountChangeBody);
      users.reload();
      return t.roleChanged(user.username, t.roles[role]);
    });
  const issueReset = (user: StaffAccount) =>
    action.run(async () => {
      setReset(null);
      setReset(await api.send<PasswordReset>('POST', `/users/${user.id}/password-reset`));
      return undefined;
    });
  const unlock = (user: StaffAccount) =>
    action.run(async () => {
      await api.send('POST', `/users/${user.id}/unlock`);
      users.reload();
      return t.logInUnlocked(user.username);
    });

  return (
    <section>
      <h1 tabIndex={-1}>{t.usersTitle}</h1>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {reset && <ResetCodeNotice reset={reset} />}
      {!users.data ? (
        <Loading error={users.error} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.username}</th>
              <th scope="col">{t.displayName}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.accountState}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} data-user={u.username}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>
                  {u.id === session.user.id ? (
                    t.roles[u.role]
                  ) : (
                    <select
                      name="role"
                      aria-label={t.changeRole(u.username)}
                      value={u.role}
                      disabled={action.busy}
                      onChange={(e) => void setRole(u, e.currentTarget.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t.roles[r]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {u.active ? t.active : t.inactive}
                  {u.logInBlockedUntil && <div class="state-off">{t.logInHeldBack(time.format(new Date(u.logInBlockedUntil)))}</div>}
                </td>
                <td class="actions">
                  {u.id !== session.user.id && (
                    <button type="button" class="button small" disabled={action.busy} onClick={() => void setActive(u, !u.active)}>
                      {u.active ? t.deactivate : t.reactivate}
                    </button>
                  )}
                  {u.id !== session.user.id && (
                    <button type="button" class="button small" disabled={action.busy} onClick={() => void issueReset(u)}>
                      {t.resetPassword}
                    </button>
                  )}
                  {u.logInBlockedUntil && (
                    <button type="button" class="button small" disabled={action.busy} onClick={() => void unlock(u)}>
                      {t.unlockLogIn}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateUserForm onCreated={users.reload} />
    </section>
  );
}
