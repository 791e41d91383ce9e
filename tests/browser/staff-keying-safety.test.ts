import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browser-app.ts';
import { batchReady, desk, focusIn, formStatus, keyPaperForm, logIn, paperFormEntry, paperFormKeys, storedEntry } from './support/staff.ts';

const app = useBrowserApp();

const message = (page: Page) => page.locator('[data-message]').textContent();
const current = (page: Page) => page.locator('.keying-row.current').getAttribute('data-field');

async function openForm(page: Page, serial: number) {
  await focusIn(page, '.serial-prompt');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(serial));
  await page.keyboard.press('Enter');
  await focusIn(page, '.keying-form');
}

describe('a form being keyed is never lost by a key or a reload', () => {
  it('Esc asks before dropping a form: Enter goes on keying, Esc again drops it', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 2);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await openForm(page, 1);
    for (const key of ['2', '3', '1']) await page.keyboard.press(key);

    await page.keyboard.press('Escape');
    await expect.poll(() => message(page)).toBe('Bỏ phiếu này? Những gì đã nhập sẽ mất. Nhấn Esc lần nữa để bỏ, Enter để tiếp tục nhập.');
    expect(await page.locator('[data-confirm=drop]').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-confirm=drop]').count()).toBe(0);
    expect(await page.locator('.keying-row[data-field=ethnicity]').getAttribute('data-state')).toBe('value');
    expect(await current(page)).toBe('education');

    // A digit typed while the question stands answers "go on" and is keyed as usual.
    await page.keyboard.press('Escape');
    await page.locator('[data-confirm=drop]').waitFor();
    await page.keyboard.press('3');
    await expect.poll(() => current(page)).toBe('occupation');
    expect(await page.locator('.keying-row[data-field=education] input').inputValue()).toBe('3 · Trung học phổ thông');

    // The drop button asks too; then Esc twice drops the form and the serial is asked again.
    await page.getByRole('button', { name: 'Bỏ phiếu này (Esc)' }).click();
    await page.locator('[data-confirm=drop]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.serial-prompt').waitFor();
    expect(await page.locator('.keying-form').count()).toBe(0);
    expect(await formStatus(db, 1)).toBe('returned');
  });

  it('a reload in the middle of a form offers it back with every key kept, and saving it forgets the draft', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { first, batchId } = await batchReady(db, 2);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await focusIn(page, '.serial-prompt');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await focusIn(page, '.keying-form');
    const keys = paperFormKeys({ procedure: true });
    const half = 20;
    for (const key of keys.slice(0, half)) await page.keyboard.press(key);
    const where = await current(page);

    // The tab crashes or is reloaded: the keyer comes back to the same batch.
    await page.reload();
    await focusIn(page, '.serial-prompt');
    expect(await page.locator('[data-draft="2"]').textContent()).toContain('Phiếu số 2 đang nhập dở');
    expect(await page.inputValue('#serial')).toBe('2');
    await page.keyboard.press('Enter');
    await focusIn(page, '.keying-form');
    expect(await page.locator('.keying-form').textContent()).toContain('Đã khôi phục phần nhập dở của phiếu này.');
    expect(await current(page)).toBe(where);
    for (const key of keys.slice(half)) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu phiếu số 2.').waitFor();
    expect(await storedEntry(db, 2, first.id)).toEqual(paperFormEntry({ procedure: true }));

    // Saved on the server: nothing is offered back any more.
    await page.reload();
    await focusIn(page, '.serial-prompt');
    expect(await page.locator('[data-draft]').count()).toBe(0);
    expect(await page.inputValue('#serial')).toBe('1');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sipas.keying-draft')))).toEqual([]);
  });

  it('forgets a draft of a form that can no longer be keyed, once both entries are in', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 2);
    const minh = await desk(app);
    await logIn(minh, app.url(`/staff/keying/${batchId}`), 'minh');
    await keyPaperForm(minh, 1, { procedure: true });
    // Minh reopens the form to correct it and leaves in the middle.
    await openForm(minh, 1);
    await minh.keyboard.press('1');
    const drafts = () => minh.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sipas.keying-draft')).length);
    expect(await drafts()).toBe(1);

    const hoa = await desk(app);
    await logIn(hoa, app.url(`/staff/keying/${batchId}`), 'hoa');
    await keyPaperForm(hoa, 1, { procedure: true });
    expect(await formStatus(db, 1)).toBe('verified');

    await minh.reload();
    await focusIn(minh, '.serial-prompt');
    expect(await minh.locator('[data-draft]').count()).toBe(0);
    expect(await minh.inputValue('#serial')).toBe('2');
    expect(await drafts()).toBe(0);
  });

  it('a draft belongs to its keyer: another keyer on the same computer is not offered it', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 1);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await openForm(page, 1);
    for (const key of ['2', '3']) await page.keyboard.press(key);
    await page.context().clearCookies();
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'hoa');
    await focusIn(page, '.serial-prompt');
    expect(await page.locator('[data-draft]').count()).toBe(0);
    await page.keyboard.press('Enter');
    await focusIn(page, '.keying-form');
    expect(await page.locator('.keying-row[data-state=value]').count()).toBe(0);
  });
});

describe('questions are named as the paper form prints them', () => {
  it('rows carry the printed numbers, and a refused key or a missing answer names the question in words', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 1);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await openForm(page, 1);
    const label = (code: string) => page.locator(`.keying-row[data-field="${code}"] .code`).textContent();
    expect(await label('sex')).toBe('I.1');
    expect(await label('had_procedure')).toBe('I.8');
    expect(await label('interest_A3_4')).toBe('Câu 1.4');
    expect(await label('willingness')).toBe('Câu 3');
    expect(await label('A1_1')).toBe('A1_1');
    expect(await label('E10')).toBe('E10');
    expect(await page.locator('.keying-form').textContent()).not.toContain('interest_A3_4');

    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toContain('Chưa nhập câu bắt buộc: I.1 Giới tính; I.2 Độ tuổi; I.8 Trong thời gian qua');
    await page.keyboard.press('8');
    await expect.poll(() => message(page)).toBe('Phím "8" không phải phương án của I.1 Giới tính (1–2; 0 = để trống).');
  });

  it('a refusal from the server names the question in words, and the form stays on screen and on this computer', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 1);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await page.route('**/api/batches/*/forms/1/entry', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              code: '400.1',
              message: 'Dữ liệu không hợp lệ',
              issues: [{ path: 'answers.A1_1', message: 'giá trị 7 không có trong thang đo' }],
            }),
          })
        : route.continue(),
    );
    await openForm(page, 1);
    for (const key of paperFormKeys({ procedure: false })) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const issue = page.locator('.notice.error li[data-path="answers.A1_1"]');
    await issue.waitFor();
    expect(await issue.textContent()).toBe(
      'A1_1 Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách theo nhiều hình thức, giúp mọi người dân dễ tìm, dễ thấy: giá trị 7 không có trong thang đo',
    );
    expect(await page.locator('.keying-form').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sipas.keying-draft')).length)).toBe(1);
  });

  it('keys a whole form with Enter on the last question saving it', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const { first, batchId } = await batchReady(db, 1);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
    await keyPaperForm(page, 1, { procedure: false, comment: 'Nhanh' });
    expect(await storedEntry(db, 1, first.id)).toEqual(paperFormEntry({ procedure: false, comment: 'Nhanh' }));
  });
});
