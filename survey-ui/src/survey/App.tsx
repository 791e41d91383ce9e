import { useEffect, useState } from 'preact/hooks';
import { loadSurvey } from './boot/load-survey.ts';
import { loadPreview } from './boot/load-preview.ts';
import { previewVersionFromPath, tokenFromPath, type SurveyBoot } from './boot/survey-link.ts';
import { Notice } from './components/Notice.tsx';
import { SurveyFlow } from './components/SurveyFlow.tsx';
import { SurveyForRespondent } from './components/SurveyForRespondent.tsx';
import { SurveyHeader } from './components/SurveyHeader.tsx';
import { catalogues, MessagesContext, type Language } from './messages/catalogue.ts';
import type { PageChoices } from './boot/early-answers.ts';
import type { Draft } from './model/draft.ts';
import { loadDraft } from './storage/drafts.ts';
import { savedLanguage, saveLanguage } from './storage/preferences.ts';

export interface Loaded {
  boot: SurveyBoot;
  draft?: Draft;
  /** Choices made on the first screen the server drew, before the app started. */
  choices?: PageChoices;
}

export async function load(token: string | undefined): Promise<Loaded> {
  const preview = previewVersionFromPath(location.pathname);
  if (preview) return { boot: await loadPreview(preview) };
  // The survey and the draft kept on the phone load side by side: resuming costs no extra wait.
  const [boot, draft] = await Promise.all([loadSurvey(token), token ? loadDraft(token).catch(() => undefined) : undefined]);
  return { boot, draft };
}

/** Loads the office's survey and shows it, or says politely why it cannot (`initial`: loaded already). */
export function App({ initial }: { initial?: Loaded }) {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const [loaded, setLoaded] = useState<Loaded | undefined>(initial);
  const [attempt, setAttempt] = useState(0);
  const t = catalogues[language];

  useEffect(() => {
    if (attempt === 0 && initial) return;
    void load(tokenFromPath(location.pathname)).then(setLoaded);
  }, [attempt]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.documentTitle;
  }, [language]);

  const changeLanguage = (next: Language) => {
    saveLanguage(next);
    setLanguage(next);
  };
  const boot = loaded?.boot;
  const link = boot && 'link' in boot ? boot.link : undefined;
  const office = boot?.kind === 'preview' ? boot.link.round.name : link ? (link.office?.name ?? t.onlineSurvey) : undefined;

  return (
    <MessagesContext.Provider value={t}>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <SurveyHeader office={office} language={language} onLanguage={changeLanguage} />
      <main id="main">
        {!boot && (
          <p class="loading" role="status">
            {t.loading}
          </p>
        )}
        {boot?.kind === 'no-token' && (
          <Notice title={t.noTokenTitle}>
            <p>{t.noToken}</p>
          </Notice>
        )}
        {boot?.kind === 'not-found' && (
          <Notice title={t.linkNotFoundTitle}>
            <p>{t.linkNotFound}</p>
          </Notice>
        )}
        {boot?.kind === 'closed' && boot.link.state === 'not_started' && (
          <Notice title={t.notStartedTitle}>
            <p>{t.notStarted(boot.link.round.name, boot.link.round.periodStart.split('-').reverse().join('/'))}</p>
          </Notice>
        )}
        {boot?.kind === 'closed' && boot.link.state !== 'not_started' && (
          <Notice title={t.closedTitle}>
            <p>{t.closed(boot.link.office?.name ?? boot.link.round.name)}</p>
          </Notice>
        )}
        {boot?.kind === 'offline' && (
          <Notice title={t.offlineTitle}>
            <p>{t.offline}</p>
            <button
              type="button"
              class="button primary"
              onClick={() => {
                setLoaded(undefined);
                setAttempt((n) => n + 1);
              }}
            >
              {t.retry}
            </button>
          </Notice>
        )}
        {boot?.kind === 'ready' && <SurveyForRespondent link={boot.link} language={language} savedDraft={loaded?.draft} choices={loaded?.choices} />}
        {boot?.kind === 'preview-denied' && (
          <Notice title={t.previewDeniedTitle}>
            <p>{t.previewDenied}</p>
          </Notice>
        )}
        {boot?.kind === 'preview' && (
          <>
            <p class="resumed" role="note" data-testid="preview-banner">
              {t.previewBanner(boot.link.questionnaire.version)}
            </p>
            <SurveyFlow link={boot.link} language={language} preview />
          </>
        )}
      </main>
    </MessagesContext.Provider>
  );
}
