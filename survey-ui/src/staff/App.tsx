import { useEffect, useState } from 'preact/hooks';
import type { Round } from './api/types.ts';
import { Loading } from './components/Loading.tsx';
import { NavBar } from './components/NavBar.tsx';
import { StaffHeader } from './components/StaffHeader.tsx';
import { catalogues, MessagesContext, type Language } from './messages/catalogue.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { navigate, useLocation } from './routing/router.ts';
import { homeOf, publicScreens, screenFor } from './routing/routes.tsx';
import { StaffContext, type StaffContextValue } from './session/context.ts';
import { savedLanguage, saveLanguage, savedRound, saveRound } from './session/preferences.ts';
import { useStaffSession } from './session/use-session.ts';

/** The round to work on: the one chosen before if it still exists, else the open one, else the latest. */
function pickRound(rounds: Round[], saved: string | null): Round | undefined {
  return rounds.find((r) => r.code === saved) ?? rounds.find((r) => r.status === 'open') ?? rounds.at(-1);
}

/** Log-in, then the screens of the logged-in role under a shared header and navigation. */
export function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const { session, setSession, api, logOut: endSession } = useStaffSession(language);
  const [rounds, setRounds] = useState<Round[]>([]);
  const [roundCode, setRoundCode] = useState<string | null>(savedRound);
  const { path } = useLocation();
  const t = catalogues[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.appTitle;
  }, [language, t]);
  useEffect(() => {
    if (session) api.get<Round[]>('/rounds').then(setRounds, () => setRounds([]));
  }, [api, session?.user.id]);
  useEffect(() => {
    if (session && /^\/staff\/?$/.test(path)) navigate(homeOf(session), { replace: true });
  }, [session, path]);
  // A new screen: take screen readers to its heading, unless the screen put focus somewhere itself.
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.querySelector<HTMLElement>('h1')?.focus();
  }, [path, session?.user.id]);

  const changeLanguage = (next: Language) => {
    saveLanguage(next);
    setLanguage(next);
  };
  const logOut = async () => {
    await endSession();
    navigate('/staff');
  };

  const loggedIn = (s: NonNullable<typeof session>) => {
    setSession(s);
    if (/^\/staff\/?$/.test(location.pathname) || location.pathname === publicScreens.setup) navigate(homeOf(s), { replace: true });
  };
  if (path === publicScreens.setup || path === publicScreens.resetPassword) {
    return (
      <MessagesContext.Provider value={t}>
        {path === publicScreens.setup ? (
          <SetupPage api={api} language={language} onLanguage={changeLanguage} onLoggedIn={loggedIn} />
        ) : (
          <ResetPasswordPage api={api} language={language} onLanguage={changeLanguage} />
        )}
      </MessagesContext.Provider>
    );
  }

  const round = pickRound(rounds, roundCode);
  const context: StaffContextValue | undefined = session
    ? {
        session,
        api,
        language,
        rounds,
        round,
        chooseRound: (code) => {
          saveRound(code);
          setRoundCode(code);
        },
      }
    : undefined;

  return (
    <MessagesContext.Provider value={t}>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {session === undefined && (
        <main id="main">
          <Loading />
        </main>
      )}
      {session === null && <LoginPage api={api} language={language} onLanguage={changeLanguage} onLoggedIn={loggedIn} />}
      {context && (
        <StaffContext.Provider value={context}>
          <StaffHeader language={language} onLanguage={changeLanguage} onLogOut={() => void logOut()} />
          <NavBar path={path} />
          <main id="main">{screenFor(path, context.session) ?? <NotFoundPage />}</main>
        </StaffContext.Provider>
      )}
    </MessagesContext.Provider>
  );
}
