import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { answerScreen, answerUpToReview, currentScreen, sendFromReview, storedDraft, storedResponses, waitForScreen } from './support/survey.ts';

const app = useBrowserApp();

const openSurvey = async () => {
  const phone = await app.phone();
  await phone.page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
  await waitForScreen(phone.page, (s) => s === 'profile');
  return phone;
};

describe('skip logic in the survey', () => {
  it('asks about complaint handling only after a complaint, and the service part only after a procedure', async () => {
    const { page } = await openSurvey();
    const withComplaint = await answerUpToReview(page, { sex: 'nam', age_group: '50_60', had_procedure: 'yes', made_feedback: 'yes' });
    expect(withComplaint).toEqual(expect.arrayContaining(['B1', 'B3', 'service_opinion']));
    expect(await page.locator('.review [data-question^="B5_"]').count()).toBe(3);

    // The respondent goes back and says they had no procedure after all: the screen that holds
    // the question opens, and its button leads straight back to the review.
    await page.getByRole('button', { name: 'Sửa phần: Trải nghiệm của Ông/Bà' }).click();
    await waitForScreen(page, (s) => s === 'profile', 'review');
    await page.locator('input[name=had_procedure][value=no]').check();
    expect(await page.locator('input[name=made_feedback]').count()).toBe(0);
    expect(await page.locator('form.screen button[type=submit]').textContent()).toBe('Lưu và quay về trang xem lại');
    const withoutProcedure = await answerUpToReview(page, { had_procedure: 'no' });
    expect(withoutProcedure).toEqual(['profile']);
    // Back on the review at the section just edited.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sửa phần: Trải nghiệm của Ông/Bà');
    expect(await page.locator('.review [data-question^="B"]').count()).toBe(0);
    expect(await page.locator('.review [data-question=harassment]').count()).toBe(0);

    await sendFromReview(page);
    await expect.poll(async () => (await storedResponses(app.database().db)).length).toBe(1);
    const [stored] = await storedResponses(app.database().db);
    const codes = Object.keys(stored.answers);
    expect(codes.filter((c) => /^B\d_/.test(c))).toEqual([]);
    expect(codes).not.toContain('made_feedback');
    expect(codes).not.toContain('harassment');
    expect(stored.answers.had_procedure).toBe('no');
    expect(stored.answers.A1_1).toBe(4);
  });
});

describe('editing from the review', () => {
  it('goes through the screens an edit brings in, then back to the review', async () => {
    const { page } = await openSurvey();
    await answerUpToReview(page, { sex: 'nam', age_group: '26_34', had_procedure: 'no' });
    await page.getByRole('button', { name: 'Sửa phần: Trải nghiệm của Ông/Bà' }).click();
    await waitForScreen(page, (s) => s === 'profile', 'review');
    await page.locator('input[name=had_procedure][value=yes]').check();
    await page.locator('input[name=made_feedback][value=no]').check();
    // The service part now applies: its two screens come next, the second leads back to the review.
    expect(await page.locator('form.screen button[type=submit]').textContent()).toBe('Tiếp tục');
    const shown = await answerUpToReview(page, { had_procedure: 'yes', made_feedback: 'no', sex: 'nam', age_group: '26_34' });
    expect(shown).toEqual(['profile', 'B1', 'B3']);
    expect(await page.locator('.review [data-question="B4_3"] dd').textContent()).toBe('Hài lòng');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sửa phần: Trải nghiệm của Ông/Bà');
  });
});

describe('draft autosave', () => {
  it('resumes on the same screen with every answer after a reload mid-survey', async () => {
    const { page } = await openSurvey();
    await answerScreen(page, { sex: 'nu', age_group: 'over_60', ethnicity: 'khac', ethnicity_other: 'Mnông', had_procedure: 'yes', made_feedback: 'no' });
    await page.locator('form.screen button[type=submit]').click();
    await waitForScreen(page, (s) => s === 'interest', 'profile');
    await page.locator('input[name=interest_A3_2][value=rat]').check();
    // The phone stores each answer within milliseconds; a person's reload comes later than that.
    await expect.poll(async () => (await storedDraft(page))?.answers.interest_A3_2).toBe('rat');

    await page.reload();
    expect(await waitForScreen(page, (s) => s === 'interest')).toBe('interest');
    expect(await page.locator('input[name=interest_A3_2][value=rat]').isChecked()).toBe(true);
    expect(await page.locator('.resumed').textContent()).toContain('Tiếp tục');
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await waitForScreen(page, (s) => s === 'profile', 'interest');
    expect(await page.locator('input[name=had_procedure][value=yes]').isChecked()).toBe(true);
    expect(await page.locator('input[name=age_group][value=over_60]').isChecked()).toBe(true);
    expect(await page.locator('textarea[name=ethnicity_other]').inputValue()).toBe('Mnông');
  });

  it('resumes in a new tab after the first was closed, and starts afresh after sending', async () => {
    const { context, page } = await openSurvey();
    await answerScreen(page, { sex: 'nam', age_group: '18_25', had_procedure: 'no' });
    await page.locator('form.screen button[type=submit]').click();
    await waitForScreen(page, (s) => s === 'interest', 'profile');
    await expect.poll(async () => (await storedDraft(page))?.screen).toBe('interest');
    const url = page.url();
    await page.close();

    const again = await context.newPage();
    await again.goto(url);
    expect(await waitForScreen(again, (s) => s === 'interest')).toBe('interest');
    await answerUpToReview(again, {});
    await sendFromReview(again);
    await again.reload();
    expect(await waitForScreen(again, () => true)).toBe('thanks');
    await again.getByRole('button', { name: 'Trả lời phiếu khác' }).click();
    expect(await waitForScreen(again, (s) => s === 'profile')).toBe('profile');
    expect(await again.locator('input[name=sex]:checked').count()).toBe(0);
    expect(await currentScreen(again)).toBe('profile');
  });
});
