import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { answerScreen, answerUpToReview, waitForScreen } from './support/survey.ts';

const app = useBrowserApp();

async function openSurvey(options = {}) {
  const phone = await app.phone(options);
  await phone.page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
  await waitForScreen(phone.page, (s) => s === 'profile');
  return phone;
}

describe('the survey for every respondent', () => {
  it('can be answered with the keyboard alone, and names each question for screen readers', async () => {
    const { page } = await openSurvey();
    // Every choice is a labelled input inside a fieldset whose legend is the question.
    const unlabelled = await page.evaluate(
      () => [...document.querySelectorAll('input')].filter((i) => !i.closest('label') || !i.closest('fieldset')?.querySelector('legend')).length,
    );
    expect(unlabelled).toBe(0);
    expect(await page.getByRole('group', { name: /Giới tính/ }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Nữ' }).count()).toBe(1);

    await page.locator('input[name=sex]').first().focus();
    await page.keyboard.press('ArrowDown'); // radio groups move and choose with arrows
    await expect.poll(() => page.locator('input[name=sex][value=nu]').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('input[name=age_group][value="18_25"]').isChecked()).toBe(true);
    // The screening questions on the same screen: a scale-like row of large cells, radios all the same.
    await page.locator('input[name=had_procedure]').first().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('input[name=made_feedback]').count()).toBe(2);
    await page.locator('input[name=made_feedback]').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('input[name=made_feedback][value=no]').isChecked()).toBe(true);
    await page.keyboard.press('Enter'); // submits the screen's form
    expect(await waitForScreen(page, () => true, 'profile')).toBe('interest');
    // The new screen's title takes the focus once it is drawn.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('breaks no axe-core rule (WCAG 2.2 A/AA and best practice) on the first screen as the server draws it, on a block of rated items, with errors shown, and on the review', async () => {
    const phone = await app.phone();
    const { page } = phone;
    // The page as the server sends it, before the app's code runs.
    await page.route('**/assets/**', (route) => route.abort());
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    expect(await axeViolations(page)).toEqual([]);
    await page.unroute('**/assets/**');

    await page.reload();
    await waitForScreen(page, (s) => s === 'profile');
    await expect.poll(() => page.locator('form.screen[data-app]').count()).toBe(1);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await answerScreen(page, { had_procedure: 'yes', made_feedback: 'yes' });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForScreen(page, (s) => s === 'interest', 'profile');
    await answerScreen(page, {});
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForScreen(page, (s) => s === 'A1', 'interest');
    await page.locator('input[name=A1_1][value="2"]').check();
    expect(await axeViolations(page)).toEqual([]);

    await answerUpToReview(page, {});
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says which required question is unanswered and stays on the screen', async () => {
    const { page } = await openSurvey();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Còn 3 câu bắt buộc');
    await expect.poll(() => page.locator('fieldset[data-question=sex]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('sex');
  });

  it('has tap targets of at least 48 px', async () => {
    const { page } = await openSurvey();
    await answerScreen(page, { had_procedure: 'yes', made_feedback: 'no' });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForScreen(page, (s) => s === 'interest', 'profile');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForScreen(page, (s) => s === 'A1', 'interest');
    const smallest = await page.evaluate(() =>
      Math.min(...[...document.querySelectorAll('.option, button')].map((e) => Math.min(e.getBoundingClientRect().height, e.getBoundingClientRect().width))),
    );
    expect(smallest).toBeGreaterThanOrEqual(48);
  });

  it('reflows at 200 % zoom without scrolling sideways', async () => {
    // 200 % zoom on a 360 px wide phone leaves 180 CSS pixels.
    const { page } = await openSurvey({ viewport: { width: 180, height: 320 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('switches to English and back, keeping the answers', async () => {
    const { page } = await openSurvey();
    await page.locator('input[name=sex][value=nam]').check();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const title = () => page.getByRole('heading', { level: 1 }).textContent();
    await expect.poll(title).toBe('About you');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('radio', { name: 'Male', exact: true }).isChecked()).toBe(true);
    await page.reload();
    await expect.poll(title).toBe('About you');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(title).toBe('Thông tin về Ông/Bà');
  });
});
