/**
 * A round that asks citizens and organisations different questionnaires: the phone's first screen
 * asks who answers (one tap), then shows that questionnaire; through the online link the
 * respondent then chooses their province and unit among the round's.
 */
import { describe, expect, it } from 'vitest';
import { ensureOnlineLink } from '../../db/queries/links.ts';
import { saveQuestionnaire } from '../../db/queries/questionnaires.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { changeRound } from '../../server/domain/rounds/lifecycle.ts';
import { createRound } from '../../server/domain/rounds/round-settings.ts';
import { addTestProvinces } from '../support/provinces.ts';
import { vietnamDay } from '../support/rounds.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoOnlineLinkToken } from './support/links.ts';
import { answerUpToReview, deliveryState, sendFromReview, storedResponses, waitForScreen } from './support/survey.ts';

const app = useBrowserApp({ lookupTtlMs: 0 });
const respondent = { sex: 'nu', age_group: '26_34', had_procedure: 'no' };

async function roundWithTwoQuestionnaires(): Promise<string> {
  const db = app.database().db;
  await addTestProvinces(db);
  await saveQuestionnaire(db, { ...seededQuestionnaire('2024')!, version: 'org-phone', respondentType: 'organisation' });
  const round = await createRound(db, null, {
    code: 'PHONE-2026',
    name: 'Khảo sát SIPAS 2026 — Hà Nội và Lâm Đồng',
    year: 2026,
    provinces: ['01', '68'],
    periodStart: vietnamDay(-5),
    periodEnd: vietnamDay(30),
    questionnaires: { citizen: '2024', organisation: 'org-phone' },
  });
  await changeRound(db, null, round, 'open');
  return ensureOnlineLink(db, round.id);
}

describe('who answers', () => {
  it('lets an organisation say so with one tap, then stores its response under the organisations’ version, from the province it chose', async () => {
    const token = await roundWithTwoQuestionnaires();
    const { page } = await app.phone();
    await page.goto(app.url(`/s/${token}`));
    const choice = page.locator('[data-screen="respondent-type"]');
    await choice.waitFor();
    expect(await choice.getByRole('button').allTextContents()).toEqual(['Người dân', 'Tổ chức, doanh nghiệp']);
    const box = await choice.getByRole('button', { name: 'Tổ chức, doanh nghiệp' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await choice.getByRole('button', { name: 'Tổ chức, doanh nghiệp' }).click();

    expect(await waitForScreen(page, () => true)).toBe('locality');
    await page.locator('#locality-province').selectOption({ label: 'Tỉnh Lâm Đồng' });
    await page.locator('#locality-district').selectOption({ label: 'Phường Xuân Hương - Đà Lạt' });
    await page.locator('form.screen button[type=submit]').click();
    await answerUpToReview(page, respondent);
    await sendFromReview(page);
    await expect.poll(() => deliveryState(page), { timeout: 20_000 }).toBe('delivered');
    const [stored] = await storedResponses(app.database().db);
    expect(stored).toMatchObject({ channel: 'online', questionnaireVersion: 'org-phone', provinceCode: '68', communeCode: '24780', districtCode: null });
  });

  it('asks nothing more when the round has the citizens’ questionnaire only', async () => {
    const { page } = await app.phone();
    await page.goto(app.url(`/s/${await demoOnlineLinkToken(app.database().db)}`));
    expect(await waitForScreen(page, () => true)).toBe('locality');
    expect(await page.locator('[data-screen="respondent-type"]').count()).toBe(0);
    // One province: nothing to choose there either.
    expect(await page.locator('#locality-province').count()).toBe(0);
  });
});
