/**
 * The page a survey link opens (`/s/<token>`): the built survey page with the link's data — round,
 * office, state and questionnaire, as `GET /api/links/:token?include=questionnaire` gives them —
 * in a data block, and, where the UI can draw it, the first screen's markup (made by the renderer
 * the UI's build puts beside the page). The phone then shows the first question after one round
 * trip; the app's code follows and takes over.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type { SurveyLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { surveyLinkView } from './survey-link.ts';

const APP = '<div id="app"></div>';
const RENDERER = '.first-screen.mjs';

/** What the UI's build exports in `.first-screen.mjs` (survey-ui/src/survey/first-screen/). */
interface FirstScreenRenderer {
  firstScreenHtml(link: SurveyLinkView): string | undefined;
}

/**
 * What the pages of an app keep between requests. Questionnaire versions by code, for the life of
 * the app: a version a round uses never changes (server/domain/questionnaires), and every link
 * belongs to a round; with each, its JSON as written into pages. And the first screens drawn, by
 * what they depend on. A page then costs one indexed lookup of its link.
 */
export interface SurveyPageCache {
  versions: Map<string, Promise<{ definition: QuestionnaireDefinition; json: string } | undefined>>;
  screens: Map<string, string | undefined>;
}

export const newSurveyPageCache = (): SurveyPageCache => ({ versions: new Map(), screens: new Map() });

/** `<`, `>` and `&` escaped, so no `</script>` or `<!--` in any text can end or bend a data block; U+2028/9 for readers taking it as script. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The link as a JSON data block (never run as script, so the policy needs no hash for it). */
export function linkDataBlock(link: SurveyLinkView, questionnaireJson?: string): string {
  const json = questionnaireJson ? `${scriptSafeJson(link).slice(0, -1)},"questionnaire":${questionnaireJson}}` : scriptSafeJson(link);
  return `<script type="application/json" id="sipas-link">${json}</script>`;
}

function cachedVersion(db: Database, cache: SurveyPageCache, version: string) {
  let found = cache.versions.get(version);
  if (!found) {
    found = findQuestionnaire(db, version).then((definition) => definition && { definition, json: scriptSafeJson(definition) });
    cache.versions.set(version, found);
    // A version not found (or a failed read) is asked for again next time.
    found.then(
      (v) => v ?? cache.versions.delete(version),
      () => cache.versions.delete(version),
    );
  }
  return found;
}

/** The page with the link written in; the page as built when the token names no link. */
export async function surveyPage(db: Database, cache: SurveyPageCache, uiRoot: string, template: string, token: string): Promise<string> {
  if (!template.includes(APP)) return template;
  const link = await findLinkByToken(db, token);
  if (!link) return template;
  // The online link's localities come with the view; the citizens' questionnaire from the cache.
  const view = await surveyLinkView(db, link, { withQuestionnaire: link.channel === 'online' });
  const version = view.open && !view.questionnaire ? await cachedVersion(db, cache, link.round.questionnaires.citizen) : undefined;
  const full = version ? { ...view, questionnaire: version.definition } : view;
  const renderer = await firstScreenRenderer(uiRoot);
  const key = JSON.stringify([renderer?.file, link.round.questionnaires, view.open, view.channel, view.office?.name]);
  if (!cache.screens.has(key)) cache.screens.set(key, renderer?.module.firstScreenHtml(full));
  const markup = cache.screens.get(key) ?? '';
  const data = version ? linkDataBlock(view, version.json) : linkDataBlock(view);
  return template.replace(APP, () => `<div id="app">${markup}</div>${data}`);
}

const pages = new Map<string, { mtimeMs: number; html: string }>();

/** A built page, read again only when a build has changed it. */
export function builtPage(path: string): string {
  const { mtimeMs } = statSync(path);
  const known = pages.get(path);
  if (known?.mtimeMs === mtimeMs) return known.html;
  const html = readFileSync(path, 'utf8');
  pages.set(path, { mtimeMs, html });
  return html;
}

/** The built renderer, loaded again when a build replaced it; undefined for a UI built without one. */
async function firstScreenRenderer(uiRoot: string): Promise<{ file: string; module: FirstScreenRenderer } | undefined> {
  const path = join(uiRoot, RENDERER);
  if (!existsSync(path)) return undefined;
  const file = `${pathToFileURL(path).href}?v=${statSync(path).mtimeMs}`;
  return { file, module: (await import(file)) as FirstScreenRenderer };
}
