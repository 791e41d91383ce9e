import { useEffect, useState } from 'preact/hooks';
import { saveLanguage, savedLanguage } from '../staff/session/preferences.ts';
import { catalogues, MessagesContext, type Language } from './messages/catalogue.ts';
import { DashboardApp } from './pages/DashboardApp.tsx';
import { PublicPage } from './pages/PublicPage.tsx';

/** `/results/public[/ROUND]` for everyone; everything else under `/results` after log-in. */
export function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const t = catalogues[language];
  const publicRound = /^\/results\/public(?:\/([^/]+))?\/?$/.exec(location.pathname);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = publicRound ? t.publicTitle : t.appTitle;
  }, [language, t]);
  const changeLanguage = (next: Language) => {
    saveLanguage(next);
    setLanguage(next);
  };
  return (
    <MessagesContext.Provider value={t}>
      <a class="skip-link no-print" href="#main">
        {t.skipToContent}
      </a>
      {publicRound ? (
        <PublicPage roundCode={publicRound[1] ? decodeURIComponent(publicRound[1]) : undefined} language={language} onLanguage={changeLanguage} />
      ) : (
        <DashboardApp language={language} onLanguage={changeLanguage} />
      )}
    </MessagesContext.Provider>
  );
}
