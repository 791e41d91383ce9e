import { useState } from 'preact/hooks';
import type { NewUserBody, Role, StaffUser } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const ROLES: Role[] = ['keyer', 'manager', 'analyst', 'admin'];

/** A new staff account with its role and first password. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'keyer' as Role, password: '' });
  const action = useAction();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const user = await api.send<StaffUser>('POST', '/users', form satisfies NewUserBody);
      return t.userCreated(user.username);
    });
    if (ok) {
      setForm({ username: '', displayName: '', role: form.role, password: '' });
      onCreated();
    }
  };
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t.createUserTitle}</h2>
      <div class="row">
        <label>
          <span>{t.username}</span>
          <input name="new-username" required value={form.username} onInput={set('username')} autocomplete="off" />
        </label>
        <label>
          <span>{t.displayName}</span>
          <input name="display-name" value={form.displayName} onInput={set('displayName')} />
        </label>
        <label>
          <span>{t.role}</span>
          <select name="role" value={form.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.password}</span>
          <input
            name="new-password"
            type="password"
            required
            minLength={10}
            autocomplete="new-password"
            value={form.password}
            onInput={set('password')}
            aria-describedby="password-hint"
          />
        </label>
      </div>
      <p id="password-hint" class="hint">
        {t.passwordHint}
      </p>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.createUser}
        </button>
      </div>
    </form>
  );
}
