import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browser-app.ts';
import { batchReady, desk, focusIn, formStatus, keyPaperForm, logIn, paperFormEntry, paperFormKeys, storedEntry } from './support/staff.ts';

const app = useBrowserApp();

const cellState = (page: import('playwright-core').Page, code: string) => page.locator(`.keying-row[data-field="${code}"]`).getAttribute('data-state');
const message = (page: import('playwright-core').Page) => page.locator('[data-message]').textContent();

describe('keying paper forms with the keyboard', () => {
  it('a keyer logs in, opens the batch and keys three forms using only the keyboard', { timeout: 120_000 }, async () => {
    const db = app.database().db;
    const { first, batchId } = await batchReady(db, 3);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'minh');
    expect(await page.locator('nav').textContent()).toBe('Lô được giao');
    await focusIn(page, 'tbody');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff/keying/${batchId}`);

    const forms = [
      { serial: 1, form: { procedure: false, comment: 'Cán bộ xã nhiệt tình' } },
      { serial: 2, form: { procedure: true } },
      { serial: 3, form: { procedure: true, a11: '2', comment: 'Chờ lâu' } },
    ];
    const started = Date.now();
    for (const { serial, form } of forms) await keyPaperForm(page, serial, form);
    const secondsPerForm = (Date.now() - started) / 1000 / forms.length;
    const presses = forms.map(({ serial, form }) => String(serial).length + paperFormKeys(form).length + (form.comment?.length ?? 0) + 3);
    console.log(`keyed ${forms.length} forms (${presses.join(', ')} key presses) in the browser: ${secondsPerForm.toFixed(2)} s per form`);

    for (const { serial, form } of forms) {
      expect(await storedEntry(db, serial, first.id)).toEqual(paperFormEntry(form));
      expect(await formStatus(db, serial)).toBe('keyed_once');
    }
    expect(await page.locator('[data-stat=saved]').textContent()).toBe('Đã lưu 3 phiếu trong phiên này');
    expect(await page.locator('[data-stat=per-hour]').textContent()).toMatch(/^\d+ phiếu\/giờ$/);
    expect(await page.locator('.keying').textContent()).toContain('Ông/Bà đã nhập hết các phiếu của lô này.');
  });

  it('refuses impossible keys on the spot in Vietnamese, and fills a skipped section as not applicable', { timeout: 60_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 2);
    const page = await desk(app);
    await logIn(page, app.url(`/staff/keying/${batchId}`), 'hoa');
    await focusIn(page, '.serial-prompt');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#serial-error').textContent()).toBe('Phiếu số 9 không thuộc lô L01.');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await focusIn(page, '.keying-form');
    await page.keyboard.press('7');
    await expect.poll(() => message(page)).toBe('Phím "7" không phải phương án của I.1 Giới tính (1–2; 0 = để trống).');
    expect(await cellState(page, 'sex')).toBe('empty');
    await page.keyboard.press('.');
    await expect.poll(() => message(page)).toContain('không thể đánh dấu "không áp dụng"');

    for (const key of ['1', '0', '1', '0', '0', '0', '0', '2']) await page.keyboard.press(key);
    await expect.poll(() => cellState(page, 'B1_1')).toBe('na');
    expect(await cellState(page, 'made_feedback')).toBe('na');
    expect(await page.locator('.keying-row[data-field="B3_5"] input').inputValue()).toBe('Không áp dụng');
    expect(await page.locator('.keying-row.current').getAttribute('data-field')).toBe('interest_A3_1');
    await page.keyboard.press('4');
    await expect
      .poll(() => message(page))
      .toBe('Phím "4" không phải phương án của Câu 1.1 Mức độ quan tâm: Chính sách về phát triển kinh tế - xã hội ở địa phương (1–3; 0 = để trống).');

    // Going back to the screening question and correcting it reopens the service part, blank.
    await page.keyboard.press('Backspace');
    expect(await page.locator('.keying-row.current').getAttribute('data-field')).toBe('had_procedure');
    await page.keyboard.press('1');
    await expect.poll(() => cellState(page, 'B1_1')).toBe('empty');
    expect(await page.locator('.keying-row.current').getAttribute('data-field')).toBe('made_feedback');

    // Enter before the end asks to confirm; a required question left blank is named.
    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toContain('Chưa nhập câu bắt buộc');
    expect(await message(page)).toContain('I.9 Khi giải quyết thủ tục hành chính, Ông/Bà có phản ánh, kiến nghị');
  });

  it('shows a keyer none of the other keyer’s values: a form the other keyed opens empty', { timeout: 60_000 }, async () => {
    const db = app.database().db;
    const { batchId } = await batchReady(db, 1);
    const minh = await desk(app);
    await logIn(minh, app.url(`/staff/keying/${batchId}`), 'minh');
    await keyPaperForm(minh, 1, { procedure: true });

    const hoa = await desk(app);
    await logIn(hoa, app.url(`/staff/keying/${batchId}`), 'hoa');
    await focusIn(hoa, '.serial-prompt');
    expect(await hoa.inputValue('#serial')).toBe('1');
    await hoa.keyboard.press('Enter');
    await focusIn(hoa, '.keying-form');
    expect(await hoa.locator('.keying-row[data-state=value]').count()).toBe(0);
    expect(await hoa.locator('.keying-form').textContent()).not.toContain('Ông/Bà đã nhập phiếu này');
  });
});
