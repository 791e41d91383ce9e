import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import type { LogInBody, Session } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { SetupNotice } from '../components/SetupNotice.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';

/** Username and password; the server sets an HttpOnly session cookie. */
export function LoginPage({
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
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const usernameInput = useRef<HTMLInputElement>(null);
  // Focused in the same task that shows the form: `autofocus` waits for the browser's next frame,
  // so keys typed before it are lost, and it works once per page load, so not after logging out.
  useLayoutEffect(() => usernameInput.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    let session: Session | undefined;
    await action.run(async () => {
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
      <h1 tabIndex={-1}>{t.loginTitle}</h1>
      <p>{t.loginIntro}</p>
      <form onSubmit={submit} class="stack">
        <label>
          <span>{t.username}</span>
          <input ref={usernameInput} name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t.password}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ErrorNotice error={action.error} />
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.logIn}
        </button>
      </form>
      <SetupNotice api={api} />
    </main>
  );
}
