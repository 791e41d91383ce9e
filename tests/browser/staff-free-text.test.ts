/**
 * An analyst reads citizens' free answers on the staff screen: masked personal data unless the
 * account is cleared, search without diacritics, categories made and answers tagged from the keyboard.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.ts';
import { addStaff } from '../support/staff.ts';
import { distinctAnswers, officeSubmission } from '../support/submissions.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { desk, logIn } from './support/staff.ts';

const app = useBrowserApp();
const PERSONAL = 'Chị Lan ở quầy 3 rất nhiệt tình, sđt 0912 345 678';
const ROOM = 'Phòng chờ chật, cần thêm ghế ngồi';

async function respond(k: number, comment: string) {
  const made = distinctAnswers(k);
  const res = await fetch(app.url('/api/responses'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(officeSubmission({ profile: made.profile, answers: { ...made.answers, comment } })),
  });
  expect(res.status).toBe(201);
}

async function openFreeText(username: string) {
  const page = await desk(app);
  await logIn(page, app.url('/staff'), username);
  await page.getByRole('link', { name: 'Ý kiến người dân' }).click();
  await page.locator('table.free-answers tbody tr').first().waitFor();
  return page;
}

describe('the free answers screen', () => {
  it('shows personal data masked to an analyst not cleared, who searches, makes a category and tags an answer by keyboard', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    await respond(1, PERSONAL);
    await respond(2, ROOM);
    await addStaff(db, 'analyst', 'mai');
    const page = await openFreeText('mai');

    await expect.poll(() => page.locator('[data-clear]').getAttribute('data-clear')).toBe('false');
    const texts = await page.locator('.answer-text').allTextContents();
    expect(texts).toContain('Chị [HỌ TÊN] ở quầy 3 rất nhiệt tình, sđt [SĐT]');
    expect(await page.content()).not.toMatch(/0912|345 678|Chị Lan/);

    // Search without diacritics, from the keyboard.
    await page.getByLabel('Tìm trong ý kiến').fill('phong cho');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.answer-text').allTextContents()).toEqual([ROOM]);
    await expect.poll(() => page.locator('.found').textContent()).toBe('1 ý kiến');

    // A new category, then the answer tagged with Space on its checkbox.
    await page.getByLabel('Tên nhóm mới').fill('Cơ sở vật chất');
    await page.keyboard.press('Enter');
    await page.getByText('Đã thêm nhóm "Cơ sở vật chất".').waitFor();
    const box = page.locator('table.free-answers tbody tr').first().getByRole('checkbox', { name: 'Cơ sở vật chất' });
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(() => page.locator('.category-list .category-count').first().textContent()).toBe('1');
    await expect.poll(() => page.locator('table.free-text-counts tbody tr[data-code="660"] td').allTextContents()).toEqual(['1', '0', '1']);

    // The file the analyst downloads is masked too.
    const csv = await page.evaluate(async () => (await fetch('/api/rounds/DN-2025-H1/free-text.csv')).text());
    expect(csv).toContain('[SĐT]');
    expect(csv).not.toContain('0912');
  });

  it('shows the words as written to an analyst cleared to see personal data', { timeout: 60_000 }, async () => {
    const db = app.database().db;
    await respond(3, PERSONAL);
    await addStaff(db, 'analyst', 'hung');
    await db.update(users).set({ canReadComments: true }).where(eq(users.username, 'hung'));
    const page = await openFreeText('hung');
    await expect.poll(() => page.locator('[data-clear]').getAttribute('data-clear')).toBe('true');
    expect(await page.locator('.answer-text').allTextContents()).toEqual([PERSONAL]);
  });
});
