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
import type { SurveyLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { surveyLinkView } from './survey-link.ts';

const APP = '<div id="app"></div>';
const RENDERER = '.first-screen.mjs';

/** What the UI's build exports in `.first-screen.mjs` (survey-ui/src/survey/first-screen/). */
interface FirstScreenRenderer {
  firstScreenHtml(link: SurveyLinkView): string | undefined;
}

/**
 * The link as a JSON data block (never run as script, so the policy needs no hash for it):
 * `<`, `>` and `&` escaped, so no `</script>` or `<!--` in any text can end or bend the block, and
 * the line separators U+2028/U+2029 escaped for any reader that takes the JSON as script.
 */
export function linkDataBlock(link: SurveyLinkView): string {
  const json = JSON.stringify(link)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="sipas-link">${json}</script>`;
}

/** The page with the link written in; the page as built when the token names no link. */
export async function surveyPage(db: Database, uiRoot: string, template: string, token: string): Promise<string> {
  if (!template.includes(APP)) return template;
  const link = await findLinkByToken(db, token);
  if (!link) return template;
  const view = await surveyLinkView(db, link, { withQuestionnaire: true });
  const renderer = await firstScreenRenderer(uiRoot);
  const markup = renderer?.firstScreenHtml(view) ?? '';
  return template.replace(APP, () => `<div id="app">${markup}</div>${linkDataBlock(view)}`);
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
async function firstScreenRenderer(uiRoot: string): Promise<FirstScreenRenderer | undefined> {
  const path = join(uiRoot, RENDERER);
  if (!existsSync(path)) return undefined;
  const url = `${pathToFileURL(path).href}?v=${statSync(path).mtimeMs}`;
  return (await import(url)) as FirstScreenRenderer;
}
