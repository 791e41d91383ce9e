import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import type { RedeemResetBody } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';

/** The account and code of a reset link (after #), taken out of the address bar at once. */
function takeFragment(): { user: string; code: string } {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (location.hash) history.replaceState(null, '', location.pathname);
  return { user: fragment.get('user') ?? '', code: fragment.get('code') ?? '' };
}

/** A new password set with the one-time code an administrator issued; no log-in needed. */
export function ResetPasswordPage({ api, language, onLanguage }: { api: ApiClient; language: Language; onLanguage: (l: Language) => void }) {
  const t = useMessages();
  const [form, setForm] = useState(() => {
    const { user, code } = takeFragment();
    return { username: user, code, password: '', again: '' };
  });
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.password !== form.again) return;
    const ok = await action.run(async () => {
      const { username, code, password } = form;
      await api.send('POST', '/password-reset', { username, code, password } satisfies RedeemResetBody);
      return t.passwordSet;
    });
    if (ok) setForm({ ...form, code: '', password: '', again: '' });
  };
  return (
    <main id="main" class="login">
      <div class="login-top">
        <LanguageSwitch language={language} onChange={onLanguage} />
      </div>
      <h1 tabIndex={-1}>{t.resetTitle}</h1>
      <p>{t.resetIntro}</p>
      <form onSubmit={submit} class="stack">
        <label>
          <span>{t.username}</span>
          <input
            name="username"
            autocomplete="username"
            required
            value={form.username}
            onInput={(e) => setForm({ ...form, username: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t.resetCode}</span>
          <input name="reset-code" autocomplete="one-time-code" required value={form.code} onInput={(e) => setForm({ ...form, code: e.currentTarget.value })} />
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
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.setNewPassword}
        </button>
      </form>
      {action.done && <Link href="/staff">{t.goToLogIn}</Link>}
    </main>
  );
}
