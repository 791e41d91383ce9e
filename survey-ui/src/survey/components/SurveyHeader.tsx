import { LanguageSwitch } from './LanguageSwitch.tsx';
import type { Language } from '../messages/catalogue.ts';

/** The office the survey is about, and the language switch. */
export function SurveyHeader({ office, language, onLanguage }: { office?: string; language: Language; onLanguage: (l: Language) => void }) {
  return (
    <header class="survey-header">
      <p class="office">{office}</p>
      <LanguageSwitch language={language} onChange={onLanguage} />
    </header>
  );
}
