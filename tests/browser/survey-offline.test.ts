import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchPhoneProfile } from './support/chromium.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { answerUpToReview, deliveryState, sendFromReview, storedResponses, waitForScreen } from './support/survey.ts';
import type { Page } from 'playwright-core';

const app = useBrowserApp();

const respondent = (sex: string) => ({ sex, age_group: '26_34', had_procedure: 'no' });

async function serviceWorkerInCharge(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('sending from a phone with patchy network', () => {
  it('keeps three surveys finished offline and stores exactly three once the network is back', async () => {
    const { context, page } = await app.phone();
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await waitForScreen(page, (s) => s === 'profile');
    await serviceWorkerInCharge(page);

    await context.setOffline(true);
    // Offline after the first visit: the page itself comes from the service worker.
    await page.reload();
    for (const sex of ['nam', 'nu', 'nam']) {
      await answerUpToReview(page, respondent(sex));
      await sendFromReview(page);
      expect(await deliveryState(page)).toBe('queued');
      // A service worker controls the page and took the background sync: the citizen may close it.
      await expect.poll(() => page.locator('.delivery').getAttribute('data-waiting')).toBe('background');
      expect(await page.locator('.delivery').textContent()).toContain('Ông/Bà có thể đóng trang');
      await page.getByRole('button', { name: 'Trả lời phiếu khác' }).click();
      await waitForScreen(page, (s) => s === 'profile');
    }
    expect(await storedResponses(app.database().db)).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(async () => (await storedResponses(app.database().db)).length, { timeout: 15_000 }).toBe(3);
    const stored = await storedResponses(app.database().db);
    expect(stored.map((r) => r.profile.sex).sort()).toEqual(['nam', 'nam', 'nu']);
    // One phone: one device id, stored only as its keyed hash.
    expect(new Set(stored.map((r) => r.deviceHash)).size).toBe(1);
    expect(stored[0].deviceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores a response once when its acknowledgement is lost and the phone sends it again', async () => {
    // Without a service worker every attempt comes from the page, where the test can see it.
    const { page } = await app.phone({ serviceWorkers: 'block' });
    let posts = 0;
    // The first delivery reaches the server, but the phone never hears back (as on a dropped connection).
    await page.route('**/api/responses*', async (route) => {
      posts++;
      if (posts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await answerUpToReview(page, respondent('nu'));
    await sendFromReview(page);
    await expect.poll(() => deliveryState(page), { timeout: 15_000 }).toBe('delivered');
    expect(posts).toBeGreaterThanOrEqual(2);
    const stored = await storedResponses(app.database().db);
    expect(stored).toHaveLength(1);
    expect(stored[0].profile).toMatchObject({ sex: 'nu' });
  });

  it('sends a response finished offline after the browser was closed and opened again', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'sipas-phone-'));
    const url = app.url(`/s/${await demoLinkToken(app.database().db)}`);
    try {
      const before = await launchPhoneProfile(profile);
      const page = before.pages()[0] ?? (await before.newPage());
      await page.goto(url);
      await waitForScreen(page, (s) => s === 'profile');
      await serviceWorkerInCharge(page);
      await before.setOffline(true);
      await answerUpToReview(page, respondent('nu'));
      await sendFromReview(page);
      expect(await deliveryState(page)).toBe('queued');
      await before.close();
      expect(await storedResponses(app.database().db)).toHaveLength(0);

      const after = await launchPhoneProfile(profile);
      try {
        const reopened = after.pages()[0] ?? (await after.newPage());
        await reopened.goto(url);
        expect(await waitForScreen(reopened, () => true)).toBe('thanks');
        await expect.poll(() => deliveryState(reopened), { timeout: 15_000 }).toBe('delivered');
        expect(await storedResponses(app.database().db)).toHaveLength(1);
      } finally {
        await after.close();
      }
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('still sends while online on a phone that cannot store anything, and resends the same response after a failure', async () => {
    const { context, page } = await app.phone({ serviceWorkers: 'block' });
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const sentIds: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sentIds.push(JSON.parse(request.postData() ?? '{}').id);
    });
    await page.goto(app.url(`/s/${await demoLinkToken(app.database().db)}`));
    await answerUpToReview(page, respondent('nam'));

    await context.setOffline(true);
    await page.locator('.screen.review button.primary').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('chưa gửi được');
    await context.setOffline(false);
    await sendFromReview(page);
    expect(await deliveryState(page)).toBe('delivered');
    const stored = await storedResponses(app.database().db);
    expect(stored).toHaveLength(1);
    expect(sentIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sentIds)).toEqual(new Set([stored[0].id]));
  });
});
