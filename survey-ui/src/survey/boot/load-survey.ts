/**
 * Loads what the survey needs for an office link: what the server wrote into the page, else the
 * request the page started early when there is one, else a fresh one; with no network, the copy
 * kept from the last visit.
 */
import { rememberedSurvey, rememberSurvey } from '../storage/surveys.ts';
import { bootFromLink, type SurveyBoot, type SurveyLink } from './survey-link.ts';

declare global {
  interface Window {
    sipasBoot?: Promise<Response>;
  }
}

/** The link the server wrote into the page (`/s/<token>`), when it is this token's. */
function linkInPage(token: string): SurveyLink | undefined {
  const block = document.getElementById('sipas-link');
  if (!block?.textContent) return undefined;
  try {
    const link = JSON.parse(block.textContent) as SurveyLink;
    return link.token === token ? link : undefined;
  } catch {
    return undefined;
  }
}

function linkRequest(token: string): Promise<Response> {
  const early = window.sipasBoot;
  window.sipasBoot = undefined;
  return early ?? fetch(`/api/links/${encodeURIComponent(token)}?include=questionnaire`, { credentials: 'omit' });
}

async function kept(token: string): Promise<SurveyBoot> {
  const link = await rememberedSurvey(token).catch(() => undefined);
  return link ? bootFromLink(link) : { kind: 'offline' };
}

export async function loadSurvey(token: string | undefined): Promise<SurveyBoot> {
  if (!token) return { kind: 'no-token' };
  const inPage = linkInPage(token);
  if (inPage) {
    void rememberSurvey(inPage).catch(() => undefined);
    return bootFromLink(inPage);
  }
  let response: Response;
  try {
    response = await linkRequest(token);
  } catch {
    return kept(token);
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return kept(token);
  const link = (await response.json()) as SurveyLink;
  void rememberSurvey(link).catch(() => undefined);
  return bootFromLink(link);
}

/**
 * The link with the organisations' questionnaire, fetched when a respondent says they answer for
 * an organisation (the citizens' one came with the link: the first screen stays fast).
 */
export async function loadOrganisationSurvey(token: string): Promise<SurveyBoot> {
  try {
    const response = await fetch(`/api/links/${encodeURIComponent(token)}?include=questionnaire&respondentType=organisation`, { credentials: 'omit' });
    if (response.status === 404) return { kind: 'not-found' };
    if (!response.ok) return { kind: 'offline' };
    return bootFromLink((await response.json()) as SurveyLink);
  } catch {
    return { kind: 'offline' };
  }
}
