/**
 * npm run bench:keying — the postal keyers' journey through the real keying screen: a batch of 50
 * returned 2024 paper forms keyed blind by two keyers in Chromium, keyboard only, then the forms
 * they differ on reconciled by the manager. A scripted keyer reads each paper form (a plan of
 * answers) and presses the keys a trained keyer would; every key press is counted.
 * Prints keystrokes per complete form (target ≤ 70), seconds of keying per form and per complete
 * form (both entries and reconciliation shared over the batch). Options: --forms N (default 50).
 * A benchmark, not a test: times vary with the machine's load; keystrokes do not.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { openDatabase } from '../db/client.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { buildApp } from '../server/app.ts';
import { ensureUiBuilt } from '../survey-ui/build/ensure-built.ts';
import { launchChromium } from '../tests/browser/support/chromium.ts';
import { batchReady, focusIn, formStatus, logIn, paperFormKeys, type PaperForm } from '../tests/browser/support/staff.ts';
import { unlimited } from '../tests/support/rate-limits.ts';

const { values } = parseArgs({ options: { forms: { type: 'string', default: '50' } } });
const FORMS = Number(values.forms);
const KEYSTROKE_TARGET = 70;

/** Two thirds of the stack went through a procedure; every tenth form has a comment. */
const paperForm = (serial: number): PaperForm => ({
  procedure: serial % 3 !== 0,
  ...(serial % 10 === 0 ? { comment: 'Cán bộ nhiệt tình' } : {}),
});
/** The second keyer misreads A1_1 on every tenth form: those go to reconciliation. */
const slipOf = (serial: number) => (serial % 10 === 5 ? '2' : undefined);

/** A keyboard that counts what it presses. */
class Keyer {
  presses = 0;
  constructor(readonly page: Page) {}
  async press(key: string) {
    this.presses++;
    await this.page.keyboard.press(key);
  }
  /** Digits of a serial: one press each. */
  async type(text: string) {
    for (const ch of text) await this.press(ch);
  }
  /** Free text copied from the paper: its characters are content, not counted as keystrokes. */
  async write(text: string) {
    await this.page.keyboard.type(text);
  }
}

/** Keys one form as a keyer does: the serial (Enter when the screen already offers it), the answers, save. */
async function keyForm(keyer: Keyer, serial: number, form: PaperForm): Promise<number> {
  const page = keyer.page;
  const before = keyer.presses;
  await focusIn(page, '.serial-prompt');
  const offered = await page.inputValue('#serial');
  if (offered !== String(serial)) {
    await keyer.press('Control+A');
    await keyer.type(String(serial));
  }
  await keyer.press('Enter');
  await focusIn(page, '.keying-form');
  for (const key of paperFormKeys(form)) await keyer.press(key);
  await keyer.write(form.comment ?? '');
  // Where Enter on the last field only moves to the end of the form (as it did before), a second
  // Enter saves: the keyer presses it when the first sent nothing to the server.
  let sent = false;
  const onRequest = (request: { method(): string; url(): string }) => {
    if (request.method() === 'PUT' && request.url().endsWith(`/forms/${serial}/entry`)) sent = true;
  };
  page.on('request', onRequest);
  await keyer.press('Enter');
  const saved = page.getByText(`Đã lưu phiếu số ${serial}.`);
  const first = await Promise.race([
    saved.waitFor().then(() => 'saved'),
    page
      .locator('.keying-end.current')
      .waitFor()
      .then(
        () => page.waitForTimeout(150).then(() => (sent ? 'saved' : 'end')),
        () => 'saved',
      ),
  ]);
  page.off('request', onRequest);
  if (first === 'end') await keyer.press('Enter');
  await saved.waitFor();
  return keyer.presses - before;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`UI: ${ensureUiBuilt()}`);
const database = await openDatabase({});
await database.migrate();
await seedDatabase(database.db);
const app = await buildApp({ database, rateLimits: unlimited });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();

try {
  const { batchId } = await batchReady(database.db, FORMS);
  const perForm: number[] = [];
  const keyingSeconds: number[] = [];
  const started = performance.now();
  for (const [username, slips] of [
    ['minh', false],
    ['hoa', true],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page, `${base}/staff`, username);
    await page.goto(`${base}/staff/keying/${batchId}`);
    const keyer = new Keyer(page);
    const t0 = performance.now();
    for (let serial = 1; serial <= FORMS; serial++) {
      const slip = slips ? slipOf(serial) : undefined;
      perForm.push(await keyForm(keyer, serial, { ...paperForm(serial), ...(slip ? { a11: slip } : {}) }));
    }
    keyingSeconds.push((performance.now() - t0) / 1000);
    await context.close();
  }

  // The manager reconciles every form the two entries differ on, taking the first keyer's value.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const lan = await context.newPage();
  await logIn(lan, `${base}/staff`, 'lan');
  const r0 = performance.now();
  let reconciled = 0;
  for (let serial = 1; serial <= FORMS; serial++) {
    if ((await formStatus(database.db, serial)) !== 'keyed_twice') continue;
    await lan.goto(`${base}/staff/batches/${batchId}/forms/${serial}/reconcile`);
    await lan.locator('table.reconcile').waitFor();
    for (const radio of await lan.getByLabel('Theo người nhập 1').all()) await radio.check();
    await lan.getByRole('button', { name: 'Xác nhận và lưu phiếu' }).click();
    await lan.getByText(`Phiếu số ${serial} đã được xác nhận.`).waitFor();
    reconciled++;
  }
  const reconcileSeconds = (performance.now() - r0) / 1000;
  await context.close();
  const total = (performance.now() - started) / 1000;

  let verified = 0;
  for (let serial = 1; serial <= FORMS; serial++) if ((await formStatus(database.db, serial)) === 'verified') verified++;
  const keystrokes = median(perForm);
  console.log(`\nKeying a batch of ${FORMS} forms of 2024 twice (two keyers, blind) and reconciling, in Chromium`);
  console.log(
    `  keystrokes per form keyed  (free text aside) median ${keystrokes}, max ${Math.max(...perForm)}, min ${Math.min(...perForm)} (target ≤ ${KEYSTROKE_TARGET}: ${keystrokes <= KEYSTROKE_TARGET ? 'meets target' : 'MISSES target'})`,
  );
  console.log(`  keying time per form       ${keyingSeconds.map((s) => `${((s / FORMS) * 1000).toFixed(0)} ms`).join(', ')} (first, second keyer)`);
  console.log(`  reconciliation             ${reconciled} forms in ${reconcileSeconds.toFixed(1)} s`);
  console.log(`  time per complete form     ${((total / FORMS) * 1000).toFixed(0)} ms (both entries + reconciliation; ${verified}/${FORMS} verified)`);
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
