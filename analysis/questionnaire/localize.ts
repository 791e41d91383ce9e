/** A questionnaire in one language: every localized text becomes a plain string. */
import type { LocalizedText, QuestionnaireDefinition } from './definition.ts';
import type { Language } from './issue-messages.ts';

type Localized<T> = T extends LocalizedText
  ? string
  : T extends Array<infer U>
    ? Array<Localized<U>>
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;

export type LocalizedQuestionnaire = Localized<QuestionnaireDefinition> & { language: Language };

function isLocalizedText(value: object): value is LocalizedText {
  const keys = Object.keys(value);
  return typeof (value as { vi?: unknown }).vi === 'string' && keys.every((k) => k === 'vi' || k === 'en');
}

function localizeValue(value: unknown, language: Language): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeValue(v, language));
  if (value !== null && typeof value === 'object') {
    if (isLocalizedText(value)) return (language === 'en' && value.en) || value.vi;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeValue(v, language)]));
  }
  return value;
}

/** English where a text has it, Vietnamese otherwise. */
export function localizeQuestionnaire(def: QuestionnaireDefinition, language: Language): LocalizedQuestionnaire {
  return { ...(localizeValue(def, language) as Localized<QuestionnaireDefinition>), language };
}
