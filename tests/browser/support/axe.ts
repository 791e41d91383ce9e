/**
 * axe-core, the accessibility engine Lighthouse's accessibility audit runs, in a page of the app.
 * It is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern, so the page under test keeps its real policy.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The engine's own script, as its package gives it for injecting into pages. */
const source = axe.source;

/** The rules Lighthouse's accessibility score is made of are WCAG 2 A/AA and best-practice rules. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every axe violation on the page, as `rule: target` lines (empty when it passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(source);
  return page.evaluate(async (tags) => {
    type Result = { id: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // A run that checked next to nothing proves nothing.
    if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, TAGS);
}
