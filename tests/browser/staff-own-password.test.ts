/**
 * Every staff member changes their own password from the header; an administrator changes a
 * keyer's role on the Users page, and the keyer's screens follow at the next page load.
 */
import { describe, expect, it } from 'vitest';
import { createUser } from '../../server/domain/accounts/auth.ts';
import { PASSWORD, quickHash } from '../support/staff.ts';
import { logInWith } from './support/accounts.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { desk, logIn } from './support/staff.ts';

const app = useBrowserApp();

describe('accounts in the staff app', () => {
  it('lets a keyer change their own password, which ends their session on another computer', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'minh', displayName: 'Trần Văn Minh', role: 'keyer', password: PASSWORD }, quickHash);
    const elsewhere = await desk(app);
    await logIn(elsewhere, app.url('/staff'), 'minh');
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'minh');
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.locator('input[name=current-password]').fill('không-phải-mật-khẩu');
    await page.locator('input[name=new-password]').fill('mật-khẩu-mới-của-minh');
    await page.locator('input[name=new-password-again]').fill('mật-khẩu-mới-của-minh');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng').waitFor();

    await page.locator('input[name=current-password]').fill(PASSWORD);
    await page.locator('input[name=new-password]').fill('mật-khẩu-mới-của-minh');
    await page.locator('input[name=new-password-again]').fill('mật-khẩu-mới-của-minh');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();

    await elsewhere.reload();
    await elsewhere.locator('input[name=username]').waitFor();
    await logInWith(elsewhere, app.url('/staff'), 'minh', 'mật-khẩu-mới-của-minh');
    expect(await elsewhere.locator('nav a').allTextContents()).toEqual(['Lô được giao']);
  });

  it('does not send two new passwords that differ', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'mai', displayName: 'Phạm Mai', role: 'analyst', password: PASSWORD }, quickHash);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'mai');
    await page.goto(app.url('/staff/account'));
    await page.locator('input[name=current-password]').fill(PASSWORD);
    await page.locator('input[name=new-password]').fill('mật-khẩu-mới-thứ-nhất');
    await page.locator('input[name=new-password-again]').fill('mật-khẩu-mới-thứ-hai');
    await page.getByText('Hai mật khẩu không giống nhau.').waitFor();
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await logInWith(await desk(app), app.url('/staff'), 'mai', PASSWORD);
  });

  it('lets an administrator make a keyer an analyst on the Users page', { timeout: 60_000 }, async () => {
    await createUser(app.database().db, { username: 'admin', displayName: 'Quản trị', role: 'admin', password: PASSWORD }, quickHash);
    await createUser(app.database().db, { username: 'minh', displayName: 'Trần Văn Minh', role: 'keyer', password: PASSWORD }, quickHash);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'admin');
    expect(await page.locator('tr[data-user="admin"] select').count()).toBe(0);
    await page.getByLabel('Vai trò của minh').selectOption('analyst');
    await page.getByText('minh: Phân tích').waitFor();
    const keyer = await desk(app);
    await logIn(keyer, app.url('/staff'), 'minh');
    expect(await keyer.locator('nav a').allTextContents()).toEqual(['Phiếu cần xem xét', 'Ý kiến người dân', 'Kết quả', 'Kế hoạch cải thiện']);
  });
});
