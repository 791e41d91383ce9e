import { catalogues as staffCatalogues, MessagesContext as StaffMessages } from '../../staff/messages/catalogue.ts';
import { LoginPage } from '../../staff/pages/LoginPage.tsx';
import { may } from '../../staff/session/may.ts';
import { useStaffSession } from '../../staff/session/use-session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';
import { DashboardPage } from './DashboardPage.tsx';

/** The analysts' and managers' dashboard behind the staff log-in (the same account and session). */
export function DashboardApp({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const t = useMessages();
  const { session, setSession, api, logOut } = useStaffSession(language);

  if (session === undefined)
    return (
      <main id="main">
        <p class="loading">{t.loading}</p>
      </main>
    );
  if (session === null) {
    return (
      <StaffMessages.Provider value={staffCatalogues[language]}>
        <LoginPage api={api} language={language} onLanguage={onLanguage} onLoggedIn={setSession} />
      </StaffMessages.Provider>
    );
  }
  return (
    <>
      <header class="staff-header no-print">
        <p class="app-title">{t.appTitle}</p>
        <p class="who">{t.signedInAs(session.user.displayName)}</p>
        <a class="button quiet" href="/staff">
          {t.staffApp}
        </a>
        <LanguageSwitch language={language} onChange={onLanguage} />
        <button type="button" class="button quiet" onClick={() => void logOut()}>
          {t.logOut}
        </button>
      </header>
      <main id="main">
        {may(session, 'results.read') ? (
          <DashboardPage api={api} language={language} canPublish={may(session, 'results.publish')} />
        ) : (
          <p class="notice">{t.notForRole}</p>
        )}
      </main>
    </>
  );
}
