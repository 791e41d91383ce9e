/** Where the UI lives and which pages it has: every HTML file at the top of survey-ui/. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../db/project-root.ts';

export { PROJECT_ROOT };
export const UI_ROOT = join(PROJECT_ROOT, 'survey-ui');
export const UI_DIST = join(UI_ROOT, 'dist');

/** `{ survey: '/…/survey-ui/survey.html', staff: … }` for the pages that exist. */
export function pageEntries(root = UI_ROOT): Record<string, string> {
  const pages = readdirSync(root).filter((name) => name.endsWith('.html'));
  if (pages.length === 0) throw new Error(`no HTML page in ${root}`);
  return Object.fromEntries(pages.map((name) => [name.replace(/\.html$/, ''), join(root, name)]));
}
