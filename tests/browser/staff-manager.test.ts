import { describe, expect, it } from 'vitest';
import { findUserByUsername } from '../../db/queries/users.ts';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { issueForms, markForms } from '../../server/domain/paper-forms/paper-forms.ts';
import { writeCsv } from '../../server/files/tables.ts';
import { PASSWORD, quickHash } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { desk, logIn, staffAccounts, typeCredentials } from './support/staff.ts';

const app = useBrowserApp();

describe('the staff app for administrators and survey managers', () => {
  it('shows each role only its own sections, and refuses the others’ screens', { timeout: 60_000 }, async () => {
    await staffAccounts(app.database().db);
    await createUser(app.database().db, { username: 'mai', displayName: 'Phạm Mai', role: 'analyst', password: PASSWORD }, quickHash);
    const navOf = async (username: string) => {
      const page = await desk(app);
      await logIn(page, app.url('/staff'), username);
      return { page, nav: await page.locator('nav a').allTextContents() };
    };
    expect((await navOf('lan')).nav).toEqual([
      'Đợt khảo sát',
      'Phiếu giấy',
      'Lô phiếu',
      'Tiến độ',
      'Nhập từ tệp',
      'Đơn vị hành chính',
      'Danh sách điểm',
      'Điểm khảo sát, mã QR',
      'Phiếu cần xem xét',
      'Ý kiến người dân',
      'Kết quả',
      'Kế hoạch cải thiện',
    ]);
    expect((await navOf('mai')).nav).toEqual(['Phiếu cần xem xét', 'Ý kiến người dân', 'Kết quả', 'Kế hoạch cải thiện']);
    const keyer = await navOf('minh');
    expect(keyer.nav).toEqual(['Lô được giao']);
    await keyer.page.goto(app.url('/staff/batches'));
    await expect.poll(() => keyer.page.locator('h1').textContent()).toBe('Không có trang này');

    // A shared desk: once one person logs out, the next types their name straight away.
    await keyer.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await typeCredentials(keyer.page, 'lan');
    await expect.poll(() => keyer.page.locator('nav a').allTextContents()).toContain('Lô phiếu');
  });

  it('lets an administrator create a keyer account in English and deactivate it', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'admin', displayName: 'Quản trị', role: 'admin', password: PASSWORD }, quickHash);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'admin');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Users');
    await page.fill('input[name=new-username]', 'thu.tran');
    await page.fill('input[name=display-name]', 'Trần Thị Thu');
    await page.fill('input[name=new-password]', 'một-mật-khẩu-dài');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account thu.tran created.').waitFor();
    expect(await page.locator('tr[data-user="thu.tran"]').textContent()).toContain('Keyer');
    await page.locator('tr[data-user="thu.tran"]').getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => page.locator('tr[data-user="thu.tran"]').textContent()).toContain('Deactivated');
    expect((await findUserByUsername(app.database().db, 'thu.tran'))?.active).toBe(false);
  });

  it('shows an administrator an account held back by wrong passwords and lets them unlock it', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'admin', displayName: 'Quản trị', role: 'admin', password: PASSWORD }, quickHash);
    await createUser(app.database().db, { username: 'minh', displayName: 'Trần Văn Minh', role: 'keyer', password: PASSWORD }, quickHash);
    const attempt = (password: string) =>
      fetch(app.url('/api/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'minh', password }) });
    for (let k = 0; k < 5; k++) await attempt(`sai-mat-khau-${k}`);
    expect((await attempt(PASSWORD)).status).toBe(401);

    const page = await desk(app);
    await logIn(page, app.url('/staff/users'), 'admin');
    const row = page.locator('tr[data-user="minh"]');
    await expect.poll(() => row.textContent()).toContain('Đăng nhập tạm chặn đến');
    await row.getByRole('button', { name: 'Mở khóa đăng nhập' }).click();
    await page.getByText('Đã mở khóa đăng nhập cho minh.').waitFor();
    await expect.poll(() => row.textContent()).not.toContain('tạm chặn');
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('lists office links with their poster, and a closed link makes the survey say it has ended', { timeout: 60_000 }, async () => {
    await staffAccounts(app.database().db);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'lan');
    await page.getByRole('link', { name: 'Điểm khảo sát, mã QR' }).click();
    const row = page.locator('tr[data-office="MC-660"]');
    await row.waitFor();
    const token = await demoLinkToken(app.database().db);
    expect(await row.getByRole('link', { name: /In áp phích/ }).getAttribute('href')).toBe(`/poster/${token}`);
    expect(await row.textContent()).toContain('Đang nhận phiếu');
    // The test server has no SIPAS_PUBLIC_URL: the page says its links are not public.
    expect(await page.locator('[data-public-url-missing]').textContent()).toContain('chưa phải địa chỉ công khai');
    await row.getByRole('button', { name: 'Đóng đường dẫn' }).click();
    await expect.poll(() => row.textContent()).toContain('Đã đóng');

    const phone = await app.phone();
    await phone.page.goto(app.url(`/s/${token}`));
    await expect.poll(() => phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('Đợt khảo sát đã kết thúc');

    await row.getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => row.textContent()).toContain('Đang nhận phiếu');

    // The round's online link comes first, with its address, and closes like an office link.
    const online = page.locator('tr[data-channel="online"]');
    expect(await page.locator('tbody tr').first().getAttribute('data-channel')).toBe('online');
    expect(await online.textContent()).toContain('Khảo sát trực tuyến (cổng dịch vụ công, Zalo, tin nhắn)');
    expect(await online.locator('a[href*="/s/"]').textContent()).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    await online.getByRole('button', { name: 'Đóng đường dẫn' }).click();
    await expect.poll(() => online.textContent()).toContain('Đã đóng');
    await online.getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => online.textContent()).toContain('Đang nhận phiếu');
  });

  it('shows a manager why a response was held, in words with the facts, and lets them exclude it, keeping it listed', { timeout: 60_000 }, async () => {
    await staffAccounts(app.database().db);
    const fast = officeSubmission({ startedAt: '2025-03-01T08:30:00+07:00', submittedAt: '2025-03-01T08:30:12+07:00' });
    const posted = await fetch(app.url('/api/responses'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fast) });
    expect(posted.status).toBe(201);
    const page = await desk(app);
    await logIn(page, app.url('/staff/flags'), 'lan');
    const row = page.locator(`tr[data-response="${fast.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Trả lời quá nhanh: trả lời 34 câu trong 12 giây');
    expect(await row.textContent()).toContain('Chờ xem xét, chưa tính');
    expect(await page.locator('.held-count').textContent()).toBe('1 phiếu đang chờ xem xét, chưa được tính vào kết quả.');
    await row.getByRole('button', { name: 'Loại khỏi kết quả' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('excluded');
    expect(await row.textContent()).toContain('Đã loại');
    expect(await row.textContent()).toContain('lan');
  });

  it('imports a keyed file all or nothing, listing every error with row, column, value and reason', { timeout: 60_000 }, async () => {
    await staffAccounts(app.database().db);
    // Only forms issued in the round and marked returned can be imported, as with double entry.
    const lan = (await findUserByUsername(app.database().db, 'lan'))!;
    await issueForms(app.database().db, lan.id, { roundCode: 'DN-2025-H1', localityCode: '661', serials: '701-702' });
    await markForms(app.database().db, lan.id, { roundCode: 'DN-2025-H1', serials: '701-702', status: 'returned' });
    const page = await desk(app);
    await logIn(page, app.url('/staff/import'), 'lan');
    expect(await page.getByRole('link', { name: 'Tải mẫu XLSX (có trang mã hóa)' }).getAttribute('href')).toBe(
      '/api/rounds/DN-2025-H1/import-template?format=xlsx',
    );
    const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', 'A1_1', 'A1_2'];
    const upload = async (rows: string[][]) => {
      await page.setInputFiles('input[name=file]', { name: 'phieu.csv', mimeType: 'text/csv', buffer: writeCsv(header, rows) });
      await page.getByRole('button', { name: 'Nhập tệp' }).click();
    };
    await upload([
      ['701', '661', 'nam', '50_60', 'no', '4', '5'],
      ['702', '661', 'x', '50_60', 'no', '6', '5'],
    ]);
    await page.locator('table.problems').waitFor();
    const problems = await page
      .locator('table.problems tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent)));
    expect(problems).toEqual([
      ['3', 'sex', 'x'],
      ['3', 'A1_1', '6'],
    ]);
    expect(await page.locator('table.problems').textContent()).toContain('Tùy chọn không hợp lệ');

    await upload([
      ['701', '661', 'nam', '50_60', 'no', '4', '5'],
      ['702', '661', 'nu', '50_60', 'no', '3', '5'],
    ]);
    await page.getByText('Đã nhập 2 phiếu mới; 0 phiếu đã có từ trước, giữ nguyên.').waitFor();
    await upload([
      ['701', '661', 'nam', '50_60', 'no', '4', '5'],
      ['702', '661', 'nu', '50_60', 'no', '3', '5'],
    ]);
    await page.getByText('Đã nhập 0 phiếu mới; 2 phiếu đã có từ trước, giữ nguyên.').waitFor();
  });
});
