import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { addTestCommunes } from '../support/offices.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { importOffices, officeLinkToken, officeLinkUrl, officesXlsx } from './support/offices.ts';
import { pdfPages } from './support/pdf-text.ts';
import { desk, logIn, staffAccounts } from './support/staff.ts';

const PUBLIC = 'https://khaosat.lamdong.gov.vn';
const app = useBrowserApp({ publicUrl: { base: PUBLIC, configured: true } });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-offices-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const THREE = [
  { code: 'TTHCC-68', name: 'Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng', locality: '68', level: 'province' as const },
  { code: 'MC-24778', name: 'Bộ phận Một cửa phường Bắc Gia Nghĩa', locality: '24778', level: 'commune' as const },
  { code: 'MC-24805', name: 'Bộ phận Một cửa xã Quảng Sơn', locality: '24805', level: 'commune' as const },
];

describe('a survey manager’s offices', () => {
  it('imports three offices from an XLSX file, prints one’s poster with the public address, and its QR link opens the survey there', {
    timeout: 90_000,
  }, async () => {
    const db = app.database().db;
    await addTestCommunes(db);
    // These offices are in Lâm Đồng: the round must cover it for them to get its links.
    await db.execute(
      sql`insert into round_provinces (round_id, province_code) select id, '68' from survey_rounds where code = ${DEMO_ROUND_CODE} on conflict do nothing`,
    );
    await staffAccounts(db);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'lan');

    // A bad file first: every problem listed, nothing stored.
    const bad = await officesXlsx(
      dir,
      [
        { ...THREE[1], locality: '99999' },
        { ...THREE[2], name: '' },
      ],
      'sai.xlsx',
    );
    expect(await importOffices(page, bad)).toContain('Không lưu gì: 2 lỗi');
    const problems = page.locator('form[aria-labelledby="offices-import-title"] table tbody tr');
    expect(await problems.count()).toBe(2);
    expect(await problems.first().textContent()).toContain('99999');
    expect(await page.locator('tr[data-office="MC-24778"]').count()).toBe(0);

    expect(await importOffices(page, await officesXlsx(dir, THREE))).toContain('Đã thêm 3 điểm, cập nhật 0 điểm; 0 điểm giữ nguyên.');
    const row = page.locator('tr[data-office="MC-24805"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Bộ phận Một cửa cấp xã');
    expect(await page.locator('tr[data-office="TTHCC-68"]').textContent()).toContain('Trung tâm Phục vụ hành chính công cấp tỉnh');

    // The links screen makes each office's link; the poster carries the public address.
    await page.getByRole('link', { name: 'Điểm khảo sát, mã QR' }).click();
    const linkRow = page.locator('tr[data-office="MC-24805"]');
    await linkRow.waitFor();
    expect(await page.locator('[data-public-url-missing]').count()).toBe(0);
    const token = await officeLinkToken(db, 'MC-24805');
    expect(await linkRow.locator('a[href*="/s/"]').textContent()).toBe(`${PUBLIC}/s/${token}`);
    const [poster] = await Promise.all([page.context().waitForEvent('page'), linkRow.getByRole('link', { name: /In áp phích/ }).click()]);
    await poster.waitForLoadState();
    expect(await poster.locator('h2').textContent()).toBe('Bộ phận Một cửa xã Quảng Sơn');
    expect(await poster.locator('section.poster').getAttribute('data-printable')).toBe('true');
    const printed = await pdfPages(await poster.pdf({ format: 'A4' }));
    expect(printed).toHaveLength(1);
    expect(printed[0].text).toContain('Bộ phận Một cửa xã Quảng Sơn');
    // Read back without spaces: Chromium draws a ligature ("fl", "fi") in a token as a text item of its own.
    expect(printed[0].text.replace(/ /g, '')).toContain(`${PUBLIC}/s/${token}`);

    // Every office's poster at once, one page each.
    const [all] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'In áp phích của mọi điểm' }).click()]);
    await all.waitForLoadState();
    expect(await pdfPages(await all.pdf({ format: 'A4' }))).toHaveLength(4);

    // The QR code's link on a phone opens the survey naming the office.
    const phone = await app.phone();
    await phone.page.goto(await officeLinkUrl(app, 'MC-24805'));
    await expect.poll(() => phone.page.locator('.office').textContent()).toBe('Bộ phận Một cửa xã Quảng Sơn');
  });
});

describe('a survey manager’s administrative units', () => {
  it('finds the 34 provinces there from the start, imports a province’s communes from a file (a bad file stores nothing) and edits one', {
    timeout: 90_000,
  }, async () => {
    await staffAccounts(app.database().db);
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'lan');
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    const provinces = page.locator('table[data-provinces] tbody tr');
    await provinces.first().waitFor();
    // The 34 in force and the demo's Đắk Nông, until 30/06/2025, in Vietnamese order.
    expect(await provinces.count()).toBe(35);
    expect(await provinces.first().locator('th').textContent()).toBe('Tỉnh An Giang');

    const form = page.locator('form[aria-labelledby="units-import-title"]');
    const upload = async (name: string, lines: string[]) => {
      const file = join(dir, name);
      await writeFile(file, `${lines.join('\n')}\n`);
      await form.locator('input[type=file]').setInputFiles(file);
      await form.getByRole('button', { name: 'Nhập tệp' }).click();
      await form.locator('.notice.done, .notice.error').first().waitFor();
      return form.locator('.notice.done, .notice.error').first().textContent();
    };
    const header = 'code,name,level,parent_code,valid_from,valid_to';
    expect(await upload('sai.csv', [header, '26001,Xã Một,commune,66,2025-07-01,', '26002,Xã Hai,xa,66,2025-07-01,'])).toContain('Không lưu gì: 1 lỗi');
    expect(await form.locator('table tbody tr').first().textContent()).toContain('level');
    expect(await upload('dung.csv', [header, '26001,Xã Một,commune,66,2025-07-01,', '26002,Xã Hai,commune,66,2025-07-01,'])).toContain('Đã thêm 2 đơn vị');

    await page.locator('table[data-provinces] tr[data-unit="66"]').getByRole('button', { name: 'Đơn vị trực thuộc' }).click();
    const below = page.locator('table[data-units-below="66"] tbody tr');
    await expect.poll(() => below.count()).toBe(2);
    await page.locator('table[data-units-below="66"] tr[data-unit="26002"]').getByRole('button', { name: 'Sửa' }).click();
    const unitForm = page.locator('form[aria-labelledby="unit-form-title"]');
    await expect.poll(() => unitForm.locator('h2').textContent()).toBe('Sửa đơn vị 26002');
    await unitForm.locator('input[name=unit-name]').fill('Xã Hai Mới');
    await unitForm.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => page.locator('table[data-units-below="66"] tr[data-unit="26002"] th').textContent()).toBe('Xã Hai Mới');
  });
});
