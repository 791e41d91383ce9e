import { useMessages, type Language } from '../messages/catalogue.ts';

/** Vietnamese by default; one press switches to English and back. */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (l: Language) => void }) {
  const t = useMessages();
  const other: Language = language === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="button quiet no-print" lang={other} aria-label={t.switchLanguageLabel} onClick={() => onChange(other)}>
      {t.switchLanguage}
    </button>
  );
}
