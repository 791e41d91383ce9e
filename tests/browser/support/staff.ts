/**
 * Driving the staff app like its users: desk-sized screens, log-in typed at the keyboard, paper
 * forms issued and batched for two keyers, and whole forms keyed as key presses.
 */
import type { Page } from 'playwright-core';
import { entriesOfForm, findForm } from '../../../db/queries/paper.ts';
import { findRoundByCode } from '../../../db/queries/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { DEMO_ROUND_CODE } from '../../../db/seed/index.ts';
import { createUser } from '../../../server/domain/accounts/auth.ts';
import { createBatch, issueForms, markForms } from '../../../server/domain/paper-forms/paper-forms.ts';
import { PASSWORD, quickHash } from '../../support/staff.ts';
import type { BrowserApp } from './browser-app.ts';

/** A computer at the post office or the provincial department, not a phone. */
export async function desk(app: BrowserApp): Promise<Page> {
  const { page } = await app.phone({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
  return page;
}

export async function staffAccounts(db: Database) {
  const manager = await createUser(db, { username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'manager', password: PASSWORD }, quickHash);
  const first = await createUser(db, { username: 'minh', displayName: 'Trần Văn Minh', role: 'keyer', password: PASSWORD }, quickHash);
  const second = await createUser(db, { username: 'hoa', displayName: 'Lê Thị Hoa', role: 'keyer', password: PASSWORD }, quickHash);
  return { manager, first, second };
}

/** Forms 1–`count` issued to Gia Nghĩa, returned, and batched as L01 for the two keyers. */
export async function batchReady(db: Database, count: number) {
  const people = await staffAccounts(db);
  const serials = `1-${count}`;
  await issueForms(db, people.manager.id, { roundCode: DEMO_ROUND_CODE, localityCode: '660', serials, target: count });
  await markForms(db, people.manager.id, { roundCode: DEMO_ROUND_CODE, serials, status: 'returned' });
  const batch = await createBatch(db, people.manager.id, {
    roundCode: DEMO_ROUND_CODE,
    code: 'L01',
    serials,
    firstKeyerId: people.first.id,
    secondKeyerId: people.second.id,
  });
  return { ...people, batchId: batch.id };
}

/** Opens a page behind the staff log-in and logs in using the keyboard only. */
export async function typeLogIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await typeCredentials(page, username);
}

/** Types name and password into the log-in form shown, starting where the form puts the cursor. */
export async function typeCredentials(page: Page, username: string): Promise<void> {
  // Keys pressed before the field has the focus would be lost, as they would be for a keyer.
  await focusIn(page, 'input[name=username]');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
}

/** Logs in using the keyboard only, and waits for the role's first screen. */
export async function logIn(page: Page, url: string, username: string): Promise<void> {
  await typeLogIn(page, url, username);
  await page.locator('nav').waitFor();
}

export interface PaperForm {
  procedure: boolean;
  /** The key for A1_1 (the first satisfaction item), "4" unless a slip is wanted. */
  a11?: string;
  comment?: string;
}

/**
 * The keys for one paper form of questionnaire 2024, in the order of the form: a woman aged 35–49,
 * Kinh, upper secondary, self-employed, urban, mountainous; with or without a procedure (no
 * complaint); all policies "very interested"; informed by loudspeaker and internet; willing (4);
 * satisfied (4) with policy, very satisfied (5) with the service; no trouble, no extra payment;
 * "both" for both preferences; every improvement "much".
 */
export function paperFormKeys(form: PaperForm): string[] {
  const keys = ['2', '3', '1', '3', '3', '1', '1'];
  keys.push(form.procedure ? '1' : '2');
  if (form.procedure) keys.push('2');
  keys.push(...'333333333', '1', '6', 'Tab', '4');
  keys.push(form.a11 ?? '4', ...'44444444444444');
  if (form.procedure) keys.push(...'555555555555555', '1', '1');
  keys.push('3', '3', ...'222222222');
  return keys;
}

/** The entry those keys make, as the API stores it. */
export function paperFormEntry(form: PaperForm) {
  const policy = ['A1_1', 'A1_2', 'A2_1', 'A2_2', ...Array.from({ length: 9 }, (_, i) => `A3_${i + 1}`), 'A4_1', 'A4_2'];
  const service = ['B1_1', 'B1_2', 'B1_3', 'B2_1', 'B2_2', 'B2_3', 'B2_4', 'B3_1', 'B3_2', 'B3_3', 'B3_4', 'B3_5', 'B4_1', 'B4_2', 'B4_3'];
  const answers: Record<string, unknown> = {
    had_procedure: form.procedure ? 'yes' : 'no',
    info_channels: ['loa_xa', 'internet'],
    willingness: 4,
    prefer_submit: 'ca_hai',
    prefer_policy_info: 'ca_hai',
  };
  if (form.procedure) Object.assign(answers, { made_feedback: 'no', harassment: 'khong_co', overpay: 'khong_co' });
  for (let i = 1; i <= 9; i++) answers[`interest_A3_${i}`] = 'rat';
  for (const code of policy) answers[code] = 4;
  answers.A1_1 = Number(form.a11 ?? '4');
  if (form.procedure) for (const code of service) answers[code] = 5;
  for (const code of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E9', 'E10']) answers[code] = 'nhieu';
  if (form.comment) answers.comment = form.comment;
  return {
    profile: { sex: 'nu', age_group: '35_49', ethnicity: 'kinh', education: 'thpt', occupation: 'tu_do', area: 'thanh_thi', terrain: 'mien_nui' },
    answers,
  };
}

/** Waits until the keyboard lands in the given part of the page. */
export async function focusIn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.closest(s) !== null && document.activeElement?.closest(s) !== undefined, selector);
}

/** Types the serial, keys the whole form and saves it with Enter; resolves when the save is confirmed. */
export async function keyPaperForm(page: Page, serial: number, form: PaperForm): Promise<void> {
  await focusIn(page, '.serial-prompt');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(serial));
  await page.keyboard.press('Enter');
  await focusIn(page, '.keying-form');
  for (const key of paperFormKeys(form)) await page.keyboard.press(key);
  await page.keyboard.type(form.comment ?? '');
  // Enter on the last field saves the form.
  await page.keyboard.press('Enter');
  await page.getByText(`Đã lưu phiếu số ${serial}.`).waitFor();
}

/** A keyer's stored entry of a form, straight from the database. */
export async function storedEntry(db: Database, serial: number, keyerId: number) {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  const entry = (await entriesOfForm(db, round!.id, serial)).find((e) => e.keyerId === keyerId);
  return entry && { profile: entry.profile, answers: entry.answers };
}

export async function formStatus(db: Database, serial: number) {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  return (await findForm(db, round!.id, serial))?.status;
}
