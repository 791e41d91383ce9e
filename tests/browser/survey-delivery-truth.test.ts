/**
 * The phone tells the truth about where a response is: "you may close the page" only once the
 * server has it, or while it waits with a service worker that will send it without the page;
 * otherwise "keep this page open". A response the server refuses stays on the phone and the
 * citizen reads why. And the online link: the respondent says where they live.
 */
import { describe, expect, it } from 'vitest';
import { setLinkActive } from '../../db/queries/links.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken, demoOnlineLinkToken } from './support/links.ts';
import { answerUpToReview, deliveryState, sendFromReview, storedResponses, waitForScreen } from './support/survey.ts';

// Links are read afresh, so that closing one in the database takes effect at once.
const app = useBrowserApp({ lookupTtlMs: 0 });
const respondent = { sex: 'nu', age_group: '26_34', had_procedure: 'no' };

describe('what the phone says once a response is sent', () => {
  it('asks to keep the page open while a response waits with no service worker to send it, and lets go once the server has it', async () => {
    // No service worker (as over plain HTTP on an office network, or where the browser has none).
    const { context, page } = await app.phone({ serviceWorkers: 'block' });
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await answerUpToReview(page, respondent);
    await context.setOffline(true);
    await sendFromReview(page);
    expect(await deliveryState(page)).toBe('queued');
    expect(await page.locator('.delivery').getAttribute('data-waiting')).toBe('keep-open');
    const waiting = await page.locator('.delivery').textContent();
    expect(waiting).toContain('Vui lòng giữ trang này mở cho đến khi phiếu được gửi');
    expect(waiting).not.toContain('có thể đóng trang');

    await context.setOffline(false);
    await expect.poll(() => deliveryState(page), { timeout: 20_000 }).toBe('delivered');
    expect(await page.locator('.delivery').textContent()).toBe('Phiếu đã gửi tới máy chủ. Ông/Bà có thể đóng trang.');
    expect(await storedResponses(app.database().db)).toHaveLength(1);
  });

  it('lets the citizen close the page while offline only when a service worker controls it and took the background sync', async () => {
    const { context, page } = await app.phone();
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await waitForScreen(page, (s) => s === 'profile');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await answerUpToReview(page, respondent);
    await context.setOffline(true);
    await sendFromReview(page);
    expect(await deliveryState(page)).toBe('queued');
    await expect.poll(() => page.locator('.delivery').getAttribute('data-waiting')).toBe('background');
    expect(await page.locator('.delivery').textContent()).toContain('trình duyệt sẽ tự gửi khi có mạng, kể cả khi trang đã đóng');
    await context.setOffline(false);
    await expect.poll(() => storedResponses(app.database().db).then((r) => r.length), { timeout: 20_000 }).toBe(1);
  });

  it('shows why the server refused a response, in the citizen’s language, keeps it on the phone and stops sending it', async () => {
    const db = app.database().db;
    const token = await demoLinkToken(db);
    const { page } = await app.phone({ serviceWorkers: 'block' });
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posts++;
    });
    await page.goto(app.url(`/s/${token}`));
    await answerUpToReview(page, respondent);
    // The office closes its link while the citizen is on the review screen.
    await setLinkActive(db, token, false);
    await sendFromReview(page);
    await expect.poll(() => deliveryState(page), { timeout: 20_000 }).toBe('refused');
    const said = await page.locator('.delivery').textContent();
    expect(said).toContain('Máy chủ không nhận phiếu: Đường dẫn khảo sát này đã đóng');
    expect(said).toContain('Phiếu vẫn được lưu trên máy này');
    const kept = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('sipas-survey');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve((all.result as Array<{ state: string }>).map((e) => e.state));
            all.onerror = () => reject(all.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(kept).toEqual(['refused']);
    const sent = posts;
    await page.waitForTimeout(2_500);
    expect(posts).toBe(sent);
    expect(await storedResponses(db)).toHaveLength(0);
    await setLinkActive(db, token, true);
  });
});

describe('the online link', () => {
  it('asks where the respondent lives before the questions, and stores the response as online from that district', async () => {
    const { page } = await app.phone();
    await page.goto(app.url(`/s/${await demoOnlineLinkToken(app.database().db)}`));
    expect(await waitForScreen(page, () => true)).toBe('locality');
    expect(await page.locator('.survey-header .office').textContent()).toBe('Khảo sát trực tuyến');
    await page.locator('form.screen button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vui lòng chọn huyện');
    await page.locator('#locality-district').selectOption({ label: 'Huyện Đắk Mil' });
    await page.locator('form.screen button[type=submit]').click();
    await answerUpToReview(page, respondent);
    await sendFromReview(page);
    await expect.poll(() => deliveryState(page), { timeout: 20_000 }).toBe('delivered');
    const [stored] = await storedResponses(app.database().db);
    expect(stored).toMatchObject({ channel: 'online', officeId: null, provinceCode: '67', districtCode: '663' });
  });
});
