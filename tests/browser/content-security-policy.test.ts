/**
 * The pages work under the server's Content-Security-Policy: nothing they need is blocked (the
 * browser reports every blocked script, style, fetch or worker as a violation), the survey's
 * inline boot script runs, and the survey's service worker still registers.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uiPages } from '../../server/plugins/static.ts';
import { UI_DIST } from '../../survey-ui/build/pages.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { desk, logIn, staffAccounts } from './support/staff.ts';

const app = useBrowserApp();

/** A page that records every policy violation the browser reports, from before its first script. */
async function watchedPage(options: Parameters<typeof app.phone>[0] = {}): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const { page } = await app.phone(options);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

describe('the pages under the Content-Security-Policy', () => {
  it('let the survey run its inline style and scripts, load, and register its service worker, with nothing blocked', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await expect.poll(() => page.locator('.office').textContent()).toBe('Bộ phận Một cửa thành phố Gia Nghĩa');
    // The inline boot script marked the first screen the server drew; the inline style laid it out.
    expect(await page.evaluate(() => performance.getEntriesByName('sipas:first-question').length)).toBe(1);
    expect(
      await page
        .locator('.option.cell')
        .first()
        .evaluate((e) => getComputedStyle(e).minHeight),
    ).toBe('48px');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(app.url('/s/'));
    expect(await violations()).toEqual([]);
  });

  it('let staff log in and reach their first screen with nothing blocked', async () => {
    await staffAccounts(app.database().db);
    const page = await desk(app);
    const seen: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    await logIn(page, app.url('/staff'), 'lan');
    expect(seen).toEqual([]);
  });

  it('show the poster with its style applied and its QR code', async () => {
    const { page, violations } = await watchedPage({ viewport: { width: 1000, height: 1400 }, isMobile: false });
    await page.goto(app.url(`/poster/${await demoLinkToken(app.database().db)}`));
    expect(await page.locator('.qr svg').count()).toBe(1);
    // 26pt, from the inline style: a blocked style would leave the browser's default.
    expect(parseFloat(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize))).toBeCloseTo((26 * 4) / 3, 2);
    expect(await violations()).toEqual([]);
  });

  it('load every built page with nothing blocked', async () => {
    const built = uiPages.filter((p) => existsSync(join(UI_DIST, p.file)));
    expect(built.length).toBeGreaterThan(0);
    for (const { routes } of built) {
      const { page, violations } = await watchedPage();
      const route = routes[0].replace(/\*$/, '').replace(':token', 'AAAAAAAAAAAAAAAAAAAAAA');
      await page.goto(app.url(route), { waitUntil: 'networkidle' });
      expect(await violations(), route).toEqual([]);
    }
  });
});
