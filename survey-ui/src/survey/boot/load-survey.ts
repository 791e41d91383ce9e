/**
 * Loads what the survey needs for an office link: the request the page's head started early when
 * there is one, else a fresh one.
 */
import { bootFromLink, type SurveyBoot, type SurveyLink } from './survey-link.ts';

declare global {
  interface Window {
    sipasBoot?: Promise<Response>;
  }
}

function linkRequest(token: string): Promise<Response> {
  const early = window.sipasBoot;
  window.sipasBoot = undefined;
  return early ?? fetch(`/api/links/${encodeURIComponent(token)}?include=questionnaire`, { credentials: 'omit' });
}

export async function loadSurvey(token: string | undefined): Promise<SurveyBoot> {
  if (!token) return { kind: 'no-token' };
  let response: Response;
  try {
    response = await linkRequest(token);
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'offline' };
  return bootFromLink((await response.json()) as SurveyLink);
}
