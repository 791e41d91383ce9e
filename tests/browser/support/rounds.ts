/**
 * Driving the rounds screens like a survey manager: create a round in the form, walk it through
 * its lifecycle with the buttons, fill its sample plan. Exported for the end-to-end journeys.
 */
import type { Page } from 'playwright-core';

export interface RoundSpec {
  code: string;
  name: string;
  year: number;
  /** Province codes to tick, or 'all' for every province valid in the period. */
  provinces: string[] | 'all';
  periodStart: string;
  periodEnd: string;
  citizen: string;
  organisation?: string;
  target?: number;
}

/** On /staff/rounds (logged in as a manager): fills the new-round form, creates the draft and waits for its page. */
export async function createRound(page: Page, round: RoundSpec): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/staff/rounds')) await page.locator('nav a[href="/staff/rounds"]').click();
  const form = page.locator('form.round-form');
  await form.locator('input[name=code]').fill(round.code);
  await form.locator('input[name=name]').fill(round.name);
  await form.locator('input[name=year]').fill(String(round.year));
  await form.locator('input[name=periodStart]').fill(round.periodStart);
  await form.locator('input[name=periodEnd]').fill(round.periodEnd);
  if (round.target !== undefined) await form.locator('input[name=target]').fill(String(round.target));
  if (round.provinces === 'all') await form.locator('input[name=allProvinces]').check();
  else for (const code of round.provinces) await form.locator(`input[name=province][value="${code}"]`).check();
  await form.locator('select[name=citizen]').selectOption(round.citizen);
  if (round.organisation) await form.locator('select[name=organisation]').selectOption(round.organisation);
  await form.getByRole('button', { name: 'Tạo đợt' }).click();
  await page.waitForURL((url) => url.pathname === `/staff/rounds/${encodeURIComponent(round.code)}`);
  await roundStatus(page, 'draft');
}

export type RoundMove = 'open' | 'close' | 'reopen' | 'publish' | 'unpublish' | 'close-keying' | 'reopen-keying';
const statusAfter: Record<RoundMove, string> = {
  open: 'open',
  close: 'closed',
  reopen: 'open',
  publish: 'published',
  unpublish: 'closed',
  'close-keying': 'closed',
  'reopen-keying': 'closed',
};

/** On a round's page: presses the button of one move and waits for the status it leads to. */
export async function moveRound(page: Page, move: RoundMove): Promise<void> {
  await page.locator(`button[data-transition="${move}"]`).click();
  if (move === 'publish') await acknowledgeChecklist(page);
  await roundStatus(page, statusAfter[move]);
}

/** Waits until the round's page shows the status. */
export async function roundStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-round-status="${status}"]`).waitFor();
}

/** On a round's page: replaces the sample plan with these lines and saves it. */
export async function fillSamplePlan(page: Page, lines: Array<{ kind: 'office' | 'locality'; code: string; wanted: number }>): Promise<void> {
  const plan = page.locator('form.sample-plan');
  while ((await plan.locator('tbody tr').count()) > 0) await plan.locator('tbody tr').first().getByRole('button').click();
  for (const [i, line] of lines.entries()) {
    await plan.getByRole('button', { name: 'Thêm dòng' }).click();
    const row = plan.locator('tbody tr').nth(i);
    await row.locator('select').selectOption(line.kind);
    await row.locator('input[name=unitCode]').fill(line.code);
    await row.locator('input[name=wanted]').fill(String(line.wanted));
  }
  await plan.getByRole('button', { name: 'Lưu kế hoạch mẫu' }).click();
  await plan.getByText(`Đã lưu kế hoạch mẫu (${lines.length} dòng).`).waitFor();
}

/** In the checklist before publishing: waits for the warnings, ticks that they were read (when there are any) and publishes. */
export async function acknowledgeChecklist(page: Page): Promise<void> {
  // The dialog shows at once and reads its warnings after: wait until it has them (aria-busy="false").
  const dialog = page.locator('.publish-checklist[aria-busy=false]');
  await dialog.waitFor();
  const box = dialog.locator('input[type=checkbox]');
  if ((await box.count()) > 0) await box.check();
  await dialog.locator('button[data-publish-confirm]').click();
}
