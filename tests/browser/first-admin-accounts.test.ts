/**
 * A province's first morning: `npm start` on an empty data folder prints a one-time setup link;
 * the administrator opens it, creates themselves, then two keyers and an analyst, resets one
 * keyer's password, and that keyer logs in with the new one. The real server process (as
 * `npm start` runs it), on a new PGlite folder or a new PostgreSQL database.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { createStaffAccount, issuePasswordReset, logInWith, setPasswordWithLink, setUpFirstAdmin } from './support/accounts.ts';
import { startFirstRunServer, type FirstRunServer } from './support/first-run-server.ts';

let server: FirstRunServer | undefined;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startFirstRunServer(), launchChromium()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const desk = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
const admin = { username: 'quantri', displayName: 'Nguyễn Văn Quản', password: 'quản-trị-đầu-tiên-2025' };

describe('first run of a new installation', () => {
  it('sets up the first administrator from the printed link, who makes two keyers and an analyst and resets a password', { timeout: 180_000 }, async () => {
    const { setupUrl, staffUrl } = server!;

    // On the server's own machine the log-in page offers the same link.
    const page = await desk();
    await page.goto(staffUrl);
    const offered = page.getByRole('link', { name: 'Mở trang thiết lập lần đầu' });
    await offered.waitFor();
    expect(new URL(setupUrl).hash).toBe(`#${(await offered.getAttribute('href'))!.split('#')[1]}`);

    await setUpFirstAdmin(page, setupUrl, admin);
    // The token left the address bar (and so the history) as soon as the page opened.
    expect(page.url()).not.toContain('#');
    await createStaffAccount(page, { username: 'minh', displayName: 'Trần Văn Minh', role: 'keyer', password: 'nhập-liệu-một-2025' });
    await createStaffAccount(page, { username: 'hoa', displayName: 'Lê Thị Hoa', role: 'keyer', password: 'nhập-liệu-hai-2025' });
    await createStaffAccount(page, { username: 'mai', displayName: 'Phạm Thị Mai', role: 'analyst', password: 'phân-tích-2025-xx' });
    await expect
      .poll(() => page.locator('[data-user]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user'))))
      .toEqual(['hoa', 'mai', 'minh', 'quantri']);

    const link = await issuePasswordReset(page, 'hoa');
    expect(link).toMatch(/\/staff\/reset-password#user=hoa&code=[A-Za-z0-9_-]{22}$/);

    const keyer = await desk();
    await setPasswordWithLink(keyer, link, 'mật-khẩu-mới-của-hoa');
    await logInWith(keyer, staffUrl, 'hoa', 'mật-khẩu-mới-của-hoa');
    expect(await keyer.locator('nav a').allTextContents()).toEqual(['Lô được giao']);

    // The link worked once: opened again, it is refused.
    const again = await desk();
    await again.goto(link);
    await again.locator('input[name=new-password]').fill('lần-nữa-bị-từ-chối');
    await again.locator('input[name=new-password-again]').fill('lần-nữa-bị-từ-chối');
    await again.locator('button[type=submit]').click();
    await again.getByText('Mã đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn').waitFor();

    // And the setup link is gone for good.
    const late = await desk();
    await late.goto(setupUrl);
    await late.locator('input[name=username]').fill('ke.gian');
    await late.locator('input[name=new-password]').fill('ke-gian-muon-vao');
    await late.locator('input[name=new-password-again]').fill('ke-gian-muon-vao');
    await late.locator('button[type=submit]').click();
    await late.getByText('Đã có quản trị viên').waitFor();
  });
});
