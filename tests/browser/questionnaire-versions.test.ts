/**
 * An administrator loads a new questionnaire version from the template: a file with a mistake is
 * refused with the mistake's sheet, row and column, the corrected file is stored, and the version
 * is previewed as a citizen would see it, without anything being sent.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { newVersionFrom2024, questionnaireXlsx, spreadsheetRow } from '../support/questionnaire-files.ts';
import { PASSWORD, quickHash } from '../support/staff.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { listedQuestionnaireProblems, previewQuestionnaire, uploadQuestionnaire } from './support/questionnaires.ts';
import { desk, logIn } from './support/staff.ts';

const app = useBrowserApp();

describe('questionnaire versions in the staff app', () => {
  it('refuses a file with a mistake at its cell, stores the corrected file, and previews it without sending', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    await createUser(db, { username: 'admin', displayName: 'Quản trị', role: 'admin', password: PASSWORD }, quickHash);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'admin');
    await page.getByRole('link', { name: 'Phiếu khảo sát' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Phiếu khảo sát');

    const def = newVersionFrom2024('2026-thu');
    const wrong = await questionnaireXlsx(def, [{ sheet: 'questions', rowKey: 'B3_1', column: 'scale', value: 'thang_5_muc' }]);
    expect(await uploadQuestionnaire(page, app.url(), { name: 'phieu-2026.xlsx', bytes: wrong })).toBe('refused');
    expect(await listedQuestionnaireProblems(page)).toEqual([
      {
        sheet: 'questions',
        row: String(spreadsheetRow(def, 'questions', 'B3_1')),
        column: 'scale',
        value: 'thang_5_muc',
        reason: 'câu B3_1: không có thang đo "thang_5_muc"',
      },
    ]);
    const before = (await db.execute((await import('drizzle-orm')).sql`select count(*)::int as n from questionnaire_versions`)) as unknown as {
      rows: Array<{ n: number }>;
    };

    expect(await uploadQuestionnaire(page, app.url(), { name: 'phieu-2026.xlsx', bytes: await questionnaireXlsx(def) })).toBe('stored');
    await expect.poll(() => page.locator('.notice.done').textContent()).toBe('Đã lưu phiên bản mới 2026-thu.');
    await expect.poll(() => page.locator('tr[data-version="2026-thu"] td').nth(2).textContent()).toBe('Người dân');
    const after = (await db.execute((await import('drizzle-orm')).sql`select count(*)::int as n from questionnaire_versions`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);

    await previewQuestionnaire(page, app.url(), '2026-thu');
    expect(await page.locator('[data-testid=preview-banner]').textContent()).toMatch(/2026-thu/);
    await expect.poll(() => page.locator('h2, legend').first().textContent()).toBeTruthy();
    expect(await page.locator('main').textContent()).toMatch(/Giới tính/);
    // Sending nothing: the preview never posts a response.
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/responses')) posted.push(request.url());
    });
    await page
      .getByRole('button', { name: /Tiếp|Tiếp tục/ })
      .first()
      .click();
    expect(posted).toEqual([]);
  });

  it('shows the organisations’ version in its preview with its own wording', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'admin', displayName: 'Quản trị', role: 'admin', password: PASSWORD }, quickHash);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'admin');
    await previewQuestionnaire(page, app.url(), '2024-to-chuc');
    expect(await page.locator('main').textContent()).toMatch(/tổ chức, doanh nghiệp/);
  });

  it('refuses the preview to someone not logged in as an administrator', { timeout: 60_000 }, async () => {
    const { page } = await app.phone();
    await page.goto(app.url('/s/preview/2024'));
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Chỉ quản trị viên/);
  });
});
