/** The last survey loaded for each office link, so the page opens with no network after a first visit. */
import type { SurveyLink } from '../boot/survey-link.ts';
import { getOne, putOne, STORES } from './idb.ts';

export function rememberSurvey(link: SurveyLink): Promise<void> {
  return putOne(STORES.surveys, link);
}

export function rememberedSurvey(token: string): Promise<SurveyLink | undefined> {
  return getOne<SurveyLink>(STORES.surveys, token);
}
