import { afterEach, describe, expect, it } from 'vitest';
import { closeRoundLinks, demoLinkToken } from './support/links.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { setLinksActive } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';

const app = useBrowserApp();

afterEach(async () => {
  const round = await findRoundByCode(app.database().db, DEMO_ROUND_CODE);
  await setLinksActive(app.database().db, round!.id, true);
});

describe('an office survey link on a phone', () => {
  it('opens the survey in Vietnamese, naming the office', async () => {
    const { page } = await app.phone();
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await expect.poll(() => page.locator('.office').textContent()).toBe('Bộ phận Một cửa thành phố Gia Nghĩa');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('says politely that the survey has ended when its link was closed', async () => {
    await closeRoundLinks(app.database().db);
    const { page } = await app.phone();
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe('Đợt khảo sát đã kết thúc');
    expect(await page.locator('main').textContent()).toContain('Cảm ơn Ông/Bà đã quan tâm');
  });

  it('asks to scan the QR code again when the link is unknown', async () => {
    const { page } = await app.phone();
    await page.goto(app.url('/s/AAAAAAAAAAAAAAAAAAAAAA'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đường dẫn không đúng');
    expect(await page.locator('main').textContent()).toContain('quét lại mã QR');
  });

  it('asks to scan the QR code when opened without a link token', async () => {
    const { page } = await app.phone();
    await page.goto(app.url('/s/'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hãy quét mã QR');
  });
});
