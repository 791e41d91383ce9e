/** The questionnaire of a round in the reader's language, fetched once per version and language. */
import type { ApiClient } from '../api/client.ts';
import type { Language } from '../messages/catalogue.ts';
import { keyingFields, type Field, type KeyingQuestionnaire } from './form-state.ts';

export interface LoadedQuestionnaire {
  questionnaire: KeyingQuestionnaire;
  fields: Field[];
}

const cache = new Map<string, Promise<LoadedQuestionnaire>>();

export function loadQuestionnaire(api: ApiClient, version: string, language: Language): Promise<LoadedQuestionnaire> {
  const key = `${version}:${language}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = api.get<KeyingQuestionnaire>(`/questionnaires/${encodeURIComponent(version)}?lang=${language}`).then((questionnaire) => ({
      questionnaire,
      fields: keyingFields(questionnaire),
    }));
    loaded.catch(() => cache.delete(key));
    cache.set(key, loaded);
  }
  return loaded;
}
