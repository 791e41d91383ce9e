/**
 * A province runs its own survey round from the browser, from a new installation to results: the
 * first administrator from the printed setup link; a round over Lâm Đồng and Đắk Lắk asking
 * citizens and organisations; offices imported from a file; a new questionnaire version loaded
 * (first with a mistake); keyers and an analyst; one response through an office's QR link, one
 * through the round's online link, one on paper keyed twice; the round closed; the analyst finds
 * the three citizens' responses, each in its channel. The real server process (as `npm start` runs
 * it), on a new PGlite folder or a new PostgreSQL database; nothing here touches the database.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { newVersionFrom2024, questionnaireXlsx, spreadsheetRow } from '../support/questionnaire-files.ts';
import { vietnamDay } from '../support/rounds.ts';
import { createStaffAccount, logInWith, type Person, setUpFirstAdmin } from './support/accounts.ts';
import { launchChromium, phoneContext } from './support/chromium.ts';
import { type FirstRunServer, startFirstRunServer } from './support/first-run-server.ts';
import { importOffices, officesXlsx } from './support/offices.ts';
import { listedQuestionnaireProblems, uploadQuestionnaire } from './support/questionnaires.ts';
import { apiJson } from './support/results.ts';
import { createRound, moveRound } from './support/rounds.ts';
import { keyPaperForm } from './support/staff.ts';
import { answerUpToReview, deliveryState, sendFromReview } from './support/survey.ts';

let server: FirstRunServer | undefined;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  [server, browser, dir] = await Promise.all([startFirstRunServer(), launchChromium(), mkdtemp(join(tmpdir(), 'sipas-journey-'))]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ROUND = 'LD-DL-2026';
const admin: Person = { username: 'quantri', displayName: 'Nguyễn Văn Quản', password: 'quản-trị-đầu-tiên-2026' };
const keyers: Person[] = [
  { username: 'minh', displayName: 'Trần Văn Minh', password: 'nhập-liệu-một-2026' },
  { username: 'hoa', displayName: 'Lê Thị Hoa', password: 'nhập-liệu-hai-2026' },
];
const analyst: Person = { username: 'mai', displayName: 'Phạm Thị Mai', password: 'phân-tích-2026-xx' };
/** A woman of 26–34 who had a procedure done; every other question answered with the screen's defaults. */
const citizen = { sex: 'nu', age_group: '26_34', had_procedure: 'yes' };

/** The staff app's address on the test's side (the server may print another host name). */
const staff = (path = '/staff') => new URL(path, server!.staffUrl).href;
const origin = () => new URL(server!.staffUrl).origin;
const desk = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();

/** Opens a staff screen afresh with the journey's round chosen (the demo's round is there too). */
async function openForRound(page: Page, path: string): Promise<void> {
  await page.goto(staff(path));
  const picker = page.locator('.round-picker select');
  await picker.waitFor();
  await picker.selectOption(ROUND);
}

async function setUpTheFirstAdmin(): Promise<Page> {
  const page = await desk();
  await setUpFirstAdmin(page, server!.setupUrl, admin);
  return page;
}

async function createTheRoundOverTwoProvinces(page: Page): Promise<void> {
  await page.goto(staff('/staff/rounds'));
  await createRound(page, {
    code: ROUND,
    name: 'Khảo sát SIPAS 2026 — Lâm Đồng và Đắk Lắk',
    year: Number(vietnamDay(0).slice(0, 4)),
    provinces: ['68', '66'],
    periodStart: vietnamDay(-3),
    periodEnd: vietnamDay(30),
    citizen: '2024',
    organisation: '2024-to-chuc',
  });
  await moveRound(page, 'open');
}

/** A commune in each province (on the units screen, from a CSV file): for commune offices and paper forms. */
async function importCommunes(page: Page): Promise<void> {
  await page.goto(staff('/staff/localities'));
  const form = page.locator('form[aria-labelledby="units-import-title"]');
  const file = join(dir, 'xa-phuong.csv');
  await writeFile(
    file,
    [
      'code,name,level,parent_code,valid_from,valid_to',
      '24780,Phường Xuân Hương - Đà Lạt,commune,68,2025-07-01,',
      '24121,Phường Buôn Ma Thuột,commune,66,2025-07-01,',
      '',
    ].join('\n'),
  );
  await form.locator('input[type=file]').setInputFiles(file);
  await form.getByRole('button', { name: 'Nhập tệp' }).click();
  await form.getByText('Đã thêm 2 đơn vị', { exact: false }).waitFor();
}

async function importThreeOffices(page: Page): Promise<void> {
  const file = await officesXlsx(dir, [
    { code: 'TTHCC-68', name: 'Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng', locality: '68', level: 'province' },
    { code: 'MC-24780', name: 'Bộ phận Một cửa phường Xuân Hương - Đà Lạt', locality: '24780', level: 'commune' },
    { code: 'TTHCC-66', name: 'Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk', locality: '66', level: 'province' },
  ]);
  expect(await importOffices(page, file)).toContain('Đã thêm 3 điểm');
}

async function loadANewQuestionnaireVersion(page: Page): Promise<void> {
  const def = newVersionFrom2024('2026-lam-dong');
  const wrong = await questionnaireXlsx(def, [{ sheet: 'questions', rowKey: 'B3_1', column: 'scale', value: 'thang_5_muc' }]);
  expect(await uploadQuestionnaire(page, origin(), { name: 'phieu-2026.xlsx', bytes: wrong })).toBe('refused');
  expect(await listedQuestionnaireProblems(page)).toEqual([
    {
      sheet: 'questions',
      row: String(spreadsheetRow(def, 'questions', 'B3_1')),
      column: 'scale',
      value: 'thang_5_muc',
      reason: 'câu B3_1: không có thang đo "thang_5_muc"',
    },
  ]);
  expect(await uploadQuestionnaire(page, origin(), { name: 'phieu-2026.xlsx', bytes: await questionnaireXlsx(def) })).toBe('stored');
  await page.locator('tr[data-version="2026-lam-dong"]').waitFor();
}

async function createTwoKeyersAndAnAnalyst(page: Page): Promise<void> {
  for (const keyer of keyers) await createStaffAccount(page, { ...keyer, role: 'keyer' });
  await createStaffAccount(page, { ...analyst, role: 'analyst' });
}

/** The survey address a link of the Links screen shows, on the test server's origin. */
async function linkFromLinksScreen(page: Page, row: string): Promise<string> {
  await openForRound(page, '/staff/links');
  const link = page.locator(`${row} a[href*="/s/"]`);
  await link.waitFor();
  const { pathname } = new URL((await link.getAttribute('href'))!);
  expect(pathname).toMatch(/^\/s\/[A-Za-z0-9_-]+$/);
  return staff(pathname);
}

/** On a phone: the link, "Người dân", then the province and commune where the online link asks for them, and the questionnaire sent. */
async function answerOnAPhone(url: string, where?: { province: string; commune: string }): Promise<void> {
  const page = await (await phoneContext(browser)).newPage();
  await page.goto(url);
  const choice = page.locator('[data-screen="respondent-type"]');
  await choice.getByRole('button', { name: 'Người dân' }).click();
  if (where) {
    await page.locator('#locality-province').selectOption({ label: where.province });
    await page.locator('#locality-district').selectOption({ label: where.commune });
    await page.locator('form.screen button[type=submit]').click();
  }
  await answerUpToReview(page, citizen);
  await sendFromReview(page);
  await expect.poll(() => deliveryState(page), { timeout: 20_000 }).toBe('delivered');
  await page.context().close();
}

/**
 * The phones answered faster than a person reads: both responses are held as too fast, and the
 * manager accepts them on the flags screen so that they count.
 */
async function acceptTheHeldPhoneResponses(page: Page): Promise<void> {
  await openForRound(page, '/staff/flags');
  const held = page.locator('tr[data-status="held"]');
  await expect.poll(() => held.count()).toBe(2);
  expect(await held.locator('[data-flag]').evaluateAll((flags) => flags.map((f) => f.getAttribute('data-flag')))).toEqual(['too_fast', 'too_fast']);
  while ((await held.count()) > 0) {
    const count = await held.count();
    await held.first().getByRole('button', { name: 'Chấp nhận' }).click();
    await expect.poll(() => held.count()).toBe(count - 1);
  }
  expect(await page.locator('tr[data-status="accepted"]').count()).toBe(2);
}

/** Form 1 issued to a commune of Lâm Đồng, returned, and batched for the two keyers. */
async function issueReturnAndBatchAPaperForm(page: Page): Promise<void> {
  await openForRound(page, '/staff/forms');
  const issue = page.locator('form[aria-labelledby="issue-title"]');
  await issue.locator('select[name=province]').selectOption('68');
  await issue.locator('select[name=locality]').selectOption('24780');
  await issue.locator('input[name=issue-serials]').fill('1');
  await issue.getByRole('button', { name: 'Phát phiếu' }).click();
  await issue.getByText('Đã phát 1 phiếu.').waitFor();

  const mark = page.locator('form[aria-labelledby="mark-title"]');
  await mark.locator('input[name=mark-serials]').fill('1');
  await mark.locator('select[name=status]').selectOption('returned');
  await mark.getByRole('button', { name: 'Ghi nhận' }).click();
  await mark.getByText('Đã cập nhật 1 phiếu.').waitFor();

  await openForRound(page, '/staff/batches');
  const batch = page.locator('form[aria-labelledby="create-batch-title"]');
  await batch.locator('input[name=batch-code]').fill('L01');
  await batch.locator('input[name=batch-serials]').fill('1');
  await batch.locator('select[name=first]').selectOption({ label: `${keyers[0].displayName} (${keyers[0].username})` });
  await batch.locator('select[name=second]').selectOption({ label: `${keyers[1].displayName} (${keyers[1].username})` });
  await batch.getByRole('button', { name: 'Tạo lô' }).click();
  await batch.getByText('Đã tạo lô L01.').waitFor();
}

/** Each keyer logs in, opens batch L01 from their batches and keys form 1 (both alike, so it is verified). */
async function keyThePaperFormTwice(): Promise<void> {
  for (const keyer of keyers) {
    const page = await desk();
    await logInWith(page, staff(), keyer.username, keyer.password);
    await page.getByRole('link', { name: 'Lô được giao' }).click();
    await page.locator('tr[data-batch="L01"] a[href^="/staff/keying/"]').click();
    await keyPaperForm(page, 1, { procedure: true });
    await page.context().close();
  }
}

async function closeTheRound(page: Page): Promise<void> {
  await page.goto(staff(`/staff/rounds/${ROUND}`));
  // Verified on paper: the response is counted with the others, each in its channel.
  await expect.poll(() => page.getByText(/^Tại bộ phận một cửa: /).textContent()).toBe('Tại bộ phận một cửa: 1 · Trực tuyến: 1 · Phiếu giấy: 1');
  await moveRound(page, 'close');
}

interface CountedResponse {
  channel: string;
  province: string;
  commune: string;
}

/** The analyst's dashboard of the round, the API's figures behind it and the microdata file's rows, as the analyst's session reads them. */
async function seeTheResultsAsTheAnalyst(): Promise<{
  dashboard: Array<{ code: string | null; respondents: string }>;
  results: AnalysisResult;
  counted: CountedResponse[];
}> {
  const page = await desk();
  await logInWith(page, staff(), analyst.username, analyst.password);
  await page.getByRole('link', { name: 'Mở trang kết quả' }).click();
  await page.waitForURL((url) => url.pathname === '/results');
  await page.goto(staff(`/results?round=${ROUND}&level=province`));
  await page.locator('table.indices tbody tr').first().waitFor();
  const dashboard = await page
    .locator('table.indices tbody tr')
    .evaluateAll((rows) => rows.map((row) => ({ code: row.getAttribute('data-code'), respondents: row.querySelector('td')?.textContent ?? '' })));
  const results = await apiJson<AnalysisResult>(page, `/api/rounds/${ROUND}/results`);
  const microdata = await page.evaluate(async (path) => (await fetch(path)).text(), `/api/rounds/${ROUND}/microdata.csv`);
  const rows = parse(microdata, { columns: true, bom: true }) as Array<Record<string, string>>;
  const counted = rows.map(({ channel, province, commune }) => ({ channel, province, commune }));
  return { dashboard, results, counted: counted.sort((a, b) => a.channel.localeCompare(b.channel)) };
}

/** The manager publishes the closed round; anyone then reads it on the public page, without logging in. */
async function publishAndReadThePublicPage(page: Page): Promise<Array<{ code: string | null; respondents: string }>> {
  await page.goto(staff(`/staff/rounds/${ROUND}`));
  await moveRound(page, 'publish');
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
  await visitor.goto(new URL(`/results/public/${ROUND}`, origin()).href);
  await expect.poll(() => visitor.locator('table.indices tbody tr').count()).toBe(3);
  return visitor
    .locator('table.indices tbody tr')
    .evaluateAll((rows) => rows.map((row) => ({ code: row.getAttribute('data-code'), respondents: row.querySelector('td')?.textContent ?? '' })));
}

describe('a province runs its own survey round from the browser', () => {
  it('from the printed setup link to the analyst counting three citizens’ responses from the office, online and paper, then the public page', {
    timeout: 600_000,
  }, async () => {
    const page = await setUpTheFirstAdmin();
    await createTheRoundOverTwoProvinces(page);
    await importCommunes(page);
    await importThreeOffices(page);
    await loadANewQuestionnaireVersion(page);
    await createTwoKeyersAndAnAnalyst(page);

    await answerOnAPhone(await linkFromLinksScreen(page, 'tr[data-office="MC-24780"]'));
    await answerOnAPhone(await linkFromLinksScreen(page, 'tr[data-channel="online"]'), {
      province: 'Tỉnh Đắk Lắk',
      commune: 'Phường Buôn Ma Thuột',
    });
    await acceptTheHeldPhoneResponses(page);
    await issueReturnAndBatchAPaperForm(page);
    await keyThePaperFormTwice();
    await closeTheRound(page);

    const { dashboard, results, counted } = await seeTheResultsAsTheAnalyst();
    // The whole round first, then each province in Vietnamese order: Đắk Lắk (online), Lâm Đồng (office and paper).
    expect(dashboard).toEqual([
      { code: 'all', respondents: '3' },
      { code: '66', respondents: '1' },
      { code: '68', respondents: '2' },
    ]);
    const overall = results.groups.find((g) => g.level === 'all')!;
    expect(overall.indices.find((i) => i.index === 'SIPAS')!.n).toBe(3);
    expect(counted).toEqual([
      { channel: 'office', province: '68', commune: '24780' },
      { channel: 'online', province: '66', commune: '24121' },
      { channel: 'paper', province: '68', commune: '24780' },
    ]);
    // Published, the public page reads the same way: the whole round, then each province.
    expect(await publishAndReadThePublicPage(page)).toEqual([
      { code: 'all', respondents: '3' },
      { code: '66', respondents: '1' },
      { code: '68', respondents: '2' },
    ]);
  });
});
