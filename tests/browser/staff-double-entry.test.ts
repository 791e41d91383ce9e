import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/queries/audit.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { paperResponse } from '../support/paper-forms.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { desk, focusIn, formStatus, keyPaperForm, logIn, staffAccounts } from './support/staff.ts';

const app = useBrowserApp();

describe('double entry from issued forms to verified responses, in the browser', () => {
  it('a manager issues and batches forms, two keyers key them blind, agreeing forms verify and the manager reconciles the other', {
    timeout: 180_000,
  }, async () => {
    const db = app.database().db;
    const { manager } = await staffAccounts(db);

    // The manager issues forms 1–3 to Gia Nghĩa, records them returned and batches them for Minh and Hoa.
    const lan = await desk(app);
    await logIn(lan, app.url('/staff'), 'lan');
    await lan.waitForURL('**/staff/forms');
    await lan.selectOption('select[name=locality]', '660');
    await lan.fill('input[name=issue-serials]', '1-3');
    await lan.fill('input[name=target]', '3');
    await lan.getByRole('button', { name: 'Phát phiếu' }).click();
    await lan.getByText('Đã phát 3 phiếu.').waitFor();
    await lan.fill('input[name=mark-serials]', '1-3');
    await lan.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await lan.getByText('Đã cập nhật 3 phiếu.').waitFor();
    await lan.getByRole('link', { name: 'Lô phiếu' }).click();
    await lan.getByText('Phiếu đã thu về, chưa vào lô: 1-3').waitFor();
    await lan.getByRole('button', { name: 'Dùng danh sách này' }).click();
    await lan.fill('input[name=batch-code]', 'L01');
    await lan.selectOption('select[name=first]', { label: 'Trần Văn Minh (minh)' });
    await lan.selectOption('select[name=second]', { label: 'Lê Thị Hoa (hoa)' });
    await lan.getByRole('button', { name: 'Tạo lô' }).click();
    await lan.getByText('Đã tạo lô L01.').waitFor();
    expect(await lan.locator('tr[data-batch=L01]').textContent()).toContain('Đã thu về: 3');

    // Each keyer keys the three forms from their batch list; Hoa slips on A1_1 of form 2.
    for (const [username, slip] of [
      ['minh', undefined],
      ['hoa', '2'],
    ] as const) {
      const keyer = await desk(app);
      await logIn(keyer, app.url('/staff'), username);
      await focusIn(keyer, 'tbody');
      await keyer.keyboard.press('Enter');
      await keyer.locator('.serial-prompt').waitFor();
      await keyPaperForm(keyer, 1, { procedure: true });
      await keyPaperForm(keyer, 2, { procedure: true, a11: slip });
      await keyPaperForm(keyer, 3, { procedure: false, comment: 'Thủ tục nhanh gọn' });
    }
    expect([await formStatus(db, 1), await formStatus(db, 2), await formStatus(db, 3)]).toEqual(['verified', 'keyed_twice', 'verified']);

    // The manager sees the progress, then reconciles form 2 from the batch.
    await lan.getByRole('link', { name: 'Tiến độ' }).click();
    await lan.locator('table[data-table=keyers]').waitFor();
    expect(await lan.locator('tr[data-locality="660"]').textContent()).toContain('Đã xác nhận: 2');
    expect(await lan.locator('tr[data-keyer=hoa] td').first().textContent()).toBe('3');
    await lan.getByRole('link', { name: 'Lô phiếu' }).click();
    await lan.getByRole('link', { name: 'L01' }).click();
    await lan.locator('tr[data-serial="2"]').getByRole('link', { name: 'Đối chiếu' }).click();
    await lan.locator('table.reconcile').waitFor();
    const row = lan.locator('tr[data-field=A1_1]');
    expect(await row.locator('[data-keyer="1"]').textContent()).toBe('4 · Hài lòng');
    expect(await row.locator('[data-keyer="2"]').textContent()).toBe('2 · Không hài lòng');
    expect(await lan.locator('table.reconcile tbody tr').count()).toBe(1);
    expect(await lan.getByRole('button', { name: 'Xác nhận và lưu phiếu' }).isDisabled()).toBe(true);
    await row.getByLabel('Theo người nhập 1').check();
    await lan.getByRole('button', { name: 'Xác nhận và lưu phiếu' }).click();
    await lan.getByText('Phiếu số 2 đã được xác nhận.').waitFor();

    // Three verified paper responses, form 2 with the reconciled value, every step in the audit trail.
    const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
    for (const serial of [1, 2, 3]) {
      expect(await formStatus(db, serial)).toBe('verified');
      expect(await paperResponse(db, round.id, serial)).toMatchObject({ channel: 'paper', status: 'accepted', districtCode: '660' });
    }
    expect((await paperResponse(db, round.id, 2))?.answers.A1_1).toBe(4);
    expect((await paperResponse(db, round.id, 3))?.answers.comment).toBe('Thủ tục nhanh gọn');
    const trail = await auditTrail(db, 'paper_form', `${DEMO_ROUND_CODE}:2`);
    expect(trail.map((e) => [e.action, e.username])).toEqual([
      ['mark_form', 'lan'],
      ['key', 'minh'],
      ['key', 'hoa'],
      ['reconcile', 'lan'],
      ['verify_by_reconciliation', 'lan'],
    ]);
    expect(trail[3]).toMatchObject({ field: 'answers.A1_1', oldValue: { first: 4, second: 2 }, newValue: 4 });
    expect(manager.id).toBe(trail[3].userId);

    // The manager reads the same trail on the form's history page, as a list of changes in words.
    await lan.goto(app.url(`/staff/forms/${DEMO_ROUND_CODE}/2`));
    await lan.locator('ol.changes').waitFor();
    const changes = await lan.locator('ol.changes li').allTextContents();
    expect(changes).toHaveLength(5);
    expect(changes[0]).toContain('lan · Ghi nhận trạng thái — Đã phát → Đã thu về');
    expect(changes[1]).toMatch(/minh · Nhập phiếu — nhập cả phiếu: \d+ câu có trả lời/);
    const reconcile = await lan.locator('li[data-action=reconcile]').textContent();
    expect(reconcile).toContain('lan · Quyết định đối chiếu: A1_1 Cơ quan nhà nước cung cấp, giải thích thông tin');
    expect(reconcile).toContain('người nhập 1: 4 · Hài lòng; người nhập 2: 2 · Không hài lòng → chọn 4 · Hài lòng');
    expect(await lan.locator('ol.changes').textContent()).not.toMatch(/[{}]|answers\./);
  });
});
