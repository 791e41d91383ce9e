import { useState } from 'preact/hooks';
import type { OwnPasswordBody } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** One's own password, changed with the current one; one's other sessions end. */
export function AccountPage() {
  const t = useMessages();
  const { api } = useStaff();
  const [form, setForm] = useState({ currentPassword: '', password: '', again: '' });
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.password !== form.again) return;
    const ok = await action.run(async () => {
      await api.send('PUT', '/session/password', { currentPassword: form.currentPassword, newPassword: form.password } satisfies OwnPasswordBody);
      return t.passwordChanged;
    });
    if (ok) setForm({ currentPassword: '', password: '', again: '' });
  };
  return (
    <section>
      <h1 tabIndex={-1}>{t.accountTitle}</h1>
      <form onSubmit={submit} class="panel stack">
        <label>
          <span>{t.currentPassword}</span>
          <input
            name="current-password"
            type="password"
            required
            autocomplete="current-password"
            value={form.currentPassword}
            onInput={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
          />
        </label>
        <NewPasswordFields
          password={form.password}
          again={form.again}
          label={t.newPassword}
          onPassword={(password) => setForm({ ...form, password })}
          onAgain={(again) => setForm({ ...form, again })}
        />
        <ErrorNotice error={action.error} />
        <DoneNotice message={action.done} />
        <div>
          <button type="submit" class="button primary" disabled={action.busy}>
            {t.changePassword}
          </button>
        </div>
      </form>
    </section>
  );
}
