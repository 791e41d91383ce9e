/**
 * The first screen comes with the page: the office's QR address answers with the first questions
 * drawn, so a citizen on a slow network answers after one request, and the choices made before
 * the app's code arrives are the app's once it starts.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { answerUpToReview, sendFromReview, storedDraft, storedResponses, waitForScreen } from './support/survey.ts';

const app = useBrowserApp();

describe('the first screen, sent with the page', () => {
  it('takes the first answers with nothing but the page, under 20 KB compressed', async () => {
    const { page } = await app.phone();
    const requested: string[] = [];
    // Nothing but the page itself may load: no script, no stylesheet, no API request.
    await page.route('**/*', (route) => {
      requested.push(new URL(route.request().url()).pathname);
      return route.request().resourceType() === 'document' ? route.continue() : route.abort();
    });
    const token = await demoLinkToken(app.database().db);
    await page.goto(app.url(`/s/${token}`));
    await page.getByRole('radio', { name: 'Nữ' }).click();
    await expect.poll(() => page.locator('label:has(input[name=sex][value=nu])').getAttribute('class')).toContain('chosen');
    await page.getByRole('radio', { name: 'Có' }).first().click();
    // The inline style laid the screen out: a choice is a large target.
    expect(await page.locator('label:has(input[name=sex][value=nu])').evaluate((l) => l.getBoundingClientRect().height)).toBeGreaterThanOrEqual(48);
    // Next before the app has started does not reload the page (and lose the answers).
    await page.locator('form.screen button[type=submit]').click();
    expect(await page.locator('input[name=sex][value=nu]').isChecked()).toBe(true);
    const transferred = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).transferSize);
    expect(transferred).toBeGreaterThan(0);
    expect(transferred).toBeLessThanOrEqual(20 * 1024);
    expect(requested.filter((p) => p.startsWith('/api/'))).toEqual([]);
  });

  it('keeps the choices made before the app started, through to the stored response', async () => {
    const { page } = await app.phone();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The app's code is slow to come, as on a mobile network.
    await page.route('**/assets/**', async (route) => {
      await held;
      await route.continue();
    });
    // The page's load waits for the app's code: the respondent does not.
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`), { waitUntil: 'commit' });
    await page.locator('input[name=sex][value=nu]').check();
    await page.locator('input[name=age_group][value="50_60"]').check();
    await page.locator('input[name=had_procedure][value=no]').check();
    expect(await page.locator('form.screen[data-app]').count()).toBe(0);
    release();

    await expect.poll(() => page.locator('form.screen[data-app]').count()).toBe(1);
    expect(await page.locator('input[name=sex][value=nu]').isChecked()).toBe(true);
    expect(await page.locator('label:has(input[name=age_group][value="50_60"])').getAttribute('class')).toContain('chosen');
    await expect.poll(async () => (await storedDraft(page))?.answers).toMatchObject({ sex: 'nu', age_group: '50_60', had_procedure: 'no' });

    // (The scripted respondent answers as planned, and with the first choice where nothing is planned.)
    const shown = await answerUpToReview(page, { sex: 'nu', age_group: '50_60', had_procedure: 'no' });
    expect(shown).toEqual(['profile', 'interest', 'A1', 'A3', 'service_opinion']);
    await sendFromReview(page);
    await expect.poll(async () => (await storedResponses(app.database().db)).length).toBe(1);
    const [stored] = await storedResponses(app.database().db);
    expect(stored.profile).toMatchObject({ sex: 'nu', age_group: '50_60' });
    expect(stored.answers.had_procedure).toBe('no');
  });

  it('writes the link into the page so that no office or questionnaire text can break out of it', async () => {
    const { page } = await app.phone();
    const response = await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    const html = await response!.text();
    expect(html.match(/<script type="application\/json" id="sipas-link">/g)).toHaveLength(1);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(response!.headers()['cache-control']).toBe('no-cache');
    await waitForScreen(page, (s) => s === 'profile');
  });
});
