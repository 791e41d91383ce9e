import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import type { FirstAdminBody, LogInBody, Session } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';

/** The token of the setup link, taken out of the address bar so that it stays in no history entry. */
function takeToken(): string {
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (token) history.replaceState(null, '', location.pathname);
  return token;
}

/**
 * First-run setup: the first administrator, made with the link the server printed at start; then
 * logged in straight away.
 */
export function SetupPage({
  api,
  language,
  onLanguage,
  onLoggedIn,
}: {
  api: ApiClient;
  language: Language;
  onLanguage: (l: Language) => void;
  onLoggedIn: (session: Session) => void;
}) {
  const t = useMessages();
  const [token] = useState(takeToken);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', again: '' });
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.password !== form.again) return;
    let session: Session | undefined;
    await action.run(async () => {
      const { username, displayName, password } = form;
      await api.send('POST', '/setup', { token, username, displayName, password } satisfies FirstAdminBody);
      session = await api.send<Session>('POST', '/session', { username, password } satisfies LogInBody);
      return undefined;
    });
    if (session) onLoggedIn(session);
  };
  return (
    <main id="main" class="login">
      <div class="login-top">
        <LanguageSwitch language={language} onChange={onLanguage} />
      </div>
      <h1 tabIndex={-1}>{t.setupTitle}</h1>
      <p>{token ? t.setupIntro : t.setupNoToken}</p>
      <form onSubmit={submit} class="stack">
        <label>
          <span>{t.username}</span>
          <input
            ref={first}
            name="username"
            autocomplete="username"
            required
            value={form.username}
            onInput={(e) => setForm({ ...form, username: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t.displayName}</span>
          <input name="display-name" value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        </label>
        <NewPasswordFields
          password={form.password}
          again={form.again}
          onPassword={(password) => setForm({ ...form, password })}
          onAgain={(again) => setForm({ ...form, again })}
        />
        <ErrorNotice error={action.error} />
        <button type="submit" class="button primary" disabled={action.busy || !token}>
          {t.createAdmin}
        </button>
      </form>
    </main>
  );
}
