/**
 * Driving the survey like a respondent: answer each screen's questions and move on, and read what
 * the server stored.
 */
import { asc } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import type { Database } from '../../../db/client.ts';
import { responses } from '../../../db/schema/index.ts';

/** Answers by question code, as the inputs' values (`'yes'`, `'4'`, `['internet', 'khac']`, free text). */
export type Plan = Record<string, string | string[]>;

/** The code of the screen on display: a section code, `review`, `thanks`, or undefined while loading. */
export function currentScreen(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const form = document.querySelector<HTMLElement>('form.screen');
    if (form) return form.dataset.screen;
    if (document.querySelector('.screen.review')) return 'review';
    if (document.querySelector('.screen.thanks')) return 'thanks';
    return undefined;
  });
}

export async function waitForScreen(page: Page, predicate: (screen: string) => boolean, previous?: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const screen = await currentScreen(page);
    if (screen !== undefined && screen !== previous && predicate(screen)) return screen;
    await page.waitForTimeout(25);
  }
  throw new Error(`screen did not change from ${previous}`);
}

/**
 * Answers the questions on screen: the plan's answer where it has one, otherwise "Hài lòng" (4) on
 * rating scales and the first choice of single-choice questions; multiple choice and text only
 * when planned. Clicks go through the page's own inputs, as taps do.
 */
export async function answerScreen(page: Page, plan: Plan): Promise<void> {
  // The first screen may still be the one the server drew, whose Next does nothing until the app
  // has taken over: answer and move on in the app's (its form says data-app).
  await page.locator('form.screen[data-app]').waitFor();
  // An answer may reveal another question (skip logic): answer again until nothing changes.
  for (let round = 0; round < 5; round++) {
    if ((await answerVisible(page, plan)) === 0) return;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

function answerVisible(page: Page, plan: Plan): Promise<number> {
  return page.evaluate((plan) => {
    let changed = 0;
    for (const group of document.querySelectorAll<HTMLElement>('form.screen [data-question]')) {
      const code = group.dataset.question!;
      const planned = plan[code];
      const textarea = group.querySelector('textarea');
      if (textarea) {
        if (typeof planned === 'string' && textarea.value !== planned) {
          changed++;
          textarea.value = planned;
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        }
        continue;
      }
      const inputs = [...group.querySelectorAll<HTMLInputElement>('input')];
      if (inputs[0]?.type === 'checkbox') {
        for (const input of inputs) {
          const wantedOn = Array.isArray(planned) && planned.includes(input.value);
          if (input.checked !== wantedOn && Array.isArray(planned)) {
            changed++;
            input.click();
          }
        }
        continue;
      }
      const wanted = typeof planned === 'string' ? planned : group.classList.contains('rating') ? '4' : inputs[0]?.value;
      const input = inputs.find((i) => i.value === wanted);
      if (!input) throw new Error(`question ${code} has no choice ${wanted}`);
      if (!input.checked) {
        changed++;
        input.click();
      }
    }
    return changed;
  }, plan);
}

/** Answers every screen up to the review; returns the codes of the screens shown, in order. */
export async function answerUpToReview(page: Page, plan: Plan): Promise<string[]> {
  const shown: string[] = [];
  let screen = await waitForScreen(page, () => true);
  while (screen !== 'review') {
    shown.push(screen);
    await answerScreen(page, plan);
    await page.locator('form.screen button[type=submit]').click();
    screen = await waitForScreen(page, () => true, screen);
  }
  return shown;
}

export async function sendFromReview(page: Page): Promise<void> {
  await page.locator('.screen.review button.primary').click();
  await waitForScreen(page, (s) => s === 'thanks');
}

/** The draft this phone keeps in IndexedDB for the link on display, as a reload would find it. */
export function storedDraft(page: Page): Promise<{ screen: string; answers: Record<string, unknown> } | undefined> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('sipas-survey');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db
            .transaction('drafts')
            .objectStore('drafts')
            .get(decodeURIComponent(location.pathname.split('/').pop()!));
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
  );
}

/** What the respondent is told about delivery on the thank-you screen: queued, delivered or refused. */
export function deliveryState(page: Page): Promise<string | null> {
  return page.locator('.delivery').getAttribute('data-state', { timeout: 15_000 });
}

export async function storedResponses(db: Database) {
  return db.select().from(responses).orderBy(asc(responses.receivedAt));
}
