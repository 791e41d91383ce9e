import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { addStaff } from '../support/staff.ts';
import { loadDemo } from '../support/results.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson, chartBars, percentVi, tableRows } from './support/results.ts';
import { pdfPages } from './support/pdf-text.ts';
import { desk, logIn, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';
const collator = new Intl.Collator('vi');

async function demoWithAnalyst(role: 'analyst' | 'manager' = 'analyst') {
  const db = app.database().db;
  await loadDemo(db, 400);
  await addStaff(db, role, 'mai');
}

const districtsOf = (result: AnalysisResult) => result.groups.filter((g) => g.level === 'district').sort((a, b) => collator.compare(a.name, b.name));
const figure = (group: AnalysisResult['groups'][number], index: string) => group.indices.find((i) => i.index === index)!;

describe('the results dashboard', () => {
  it('shows the demo round by district with margins of error, unreliable cells marked, the chart with its target line and the trend across rounds', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const api = await apiJson(page, `/api/rounds/${ROUND}/results?by=province,district`);
    const districts = districtsOf(api);
    expect(districts.length).toBe(8);

    const rows = await tableRows(page);
    expect(rows[0].name).toBe('Tỉnh Đắk Nông');
    expect(rows[0].figure).toBe(percentVi(figure(api.groups.find((g) => g.level === 'province')!, 'SIPAS').estimate));
    expect(rows.slice(1).map((r) => r.code)).toEqual(districts.map((d) => d.code));
    expect(rows.slice(1).map((r) => r.figure)).toEqual(districts.map((d) => percentVi(figure(d, 'SIPAS').estimate)));
    expect(rows.slice(1).map((r) => r.unreliable)).toEqual(districts.map((d) => !figure(d, 'SIPAS').reliable));
    const sipas = figure(districts[0], 'SIPAS');
    await expect(page.locator('table.indices tbody tr[data-code="662"] td .moe').first().textContent()).resolves.toBe(
      // Half the logit interval: the documented interval of a percentage, the one the reliability rule judges.
      `±${percentVi((sipas.ci_logit_high! - sipas.ci_logit_low!) / 2)}`,
    );
    expect(await page.locator('.results-table .legend').textContent()).toContain('ít hơn 30 người trả lời');

    expect(await chartBars(page)).toEqual(districts.map((d) => ({ code: d.code, value: percentVi(figure(d, 'SIPAS').estimate) })));
    expect(await page.locator('svg.bar-chart .target text').textContent()).toBe('Mục tiêu 85,0 %');
    expect(await page.locator('svg.bar-chart desc').textContent()).toMatch(/trên 8 địa bàn đạt mục tiêu/);
    expect(await page.locator('svg.bar-chart .error-bar').count()).toBe(8);

    const provinceSipas = figure(api.groups.find((g) => g.level === 'province')!, 'SIPAS').estimate!;
    const points = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(provinceSipas / 10);
    expect(await page.locator('.par-points strong').textContent()).toBe(`${points} / 10 điểm`);
    expect(await page.locator('.policies tbody tr').count()).toBe(9);
    // The trend: one column per round as the trend API lists them, this round's figures in its column.
    const trend = await apiJson<{ rounds: Array<{ code: string; name: string; groups: AnalysisResult['groups'] }> }>(
      page,
      '/api/results/trend?by=province,district',
    );
    expect(await page.locator('.trend thead th').allTextContents()).toEqual(['Địa bàn', ...trend.rounds.map((r) => r.name)]);
    const column = 1 + trend.rounds.findIndex((r) => r.code === ROUND);
    const trendRows = await page
      .locator('.trend tbody tr')
      .evaluateAll(
        (trs, c) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelectorAll('th, td')[c]?.querySelector('.figure')?.textContent ?? '']),
        column,
      );
    expect(trendRows).toEqual([api.groups.find((g) => g.level === 'province')!, ...districts].map((g) => [g.name, percentVi(figure(g, 'SIPAS').estimate)]));
    expect(await page.getByRole('button', { name: 'Công bố kết quả…' }).count()).toBe(0);
  });

  it('updates table and chart with the API’s figures when the index, the target and the level change', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const api = await apiJson(page, `/api/rounds/${ROUND}/results?by=province,district`);
    const districts = districtsOf(api);

    await page.locator('select[name=index]').selectOption('B3');
    await page.locator('#chart-title', { hasText: 'B3.' }).waitFor();
    expect(await chartBars(page)).toEqual(districts.map((d) => ({ code: d.code, value: percentVi(figure(d, 'B3').estimate) })));
    expect(await page.locator('#ranking-title').textContent()).toContain('B3.');
    const b3Column = 3 + 4 + 2; // SIPAS, policy, service, A1–A4, B1, B2 come before B3
    expect((await tableRows(page, b3Column)).slice(1).map((r) => r.figure)).toEqual(districts.map((d) => percentVi(figure(d, 'B3').estimate)));

    await page.locator('input[name=target]').fill('90');
    await page.locator('svg.bar-chart .target text', { hasText: '90,0' }).waitFor();

    await page.locator('select[name=level]').selectOption('province');
    await page.waitForFunction(() => document.querySelectorAll('table.indices tbody tr').length === 1);
    expect(await page.locator('svg.bar-chart').count()).toBe(0);
    const province = await apiJson(page, `/api/rounds/${ROUND}/results?by=province`);
    expect((await tableRows(page))[0].figure).toBe(percentVi(figure(province.groups[0], 'SIPAS').estimate));

    await page.locator('select[name=level]').selectOption('district');
    await page.waitForFunction(() => document.querySelectorAll('table.indices tbody tr').length === 9);
    expect(new URL(page.url()).search).toBe(`?round=${ROUND}&level=district&index=B3&target=90`);
  });

  it('switches to English and back, keeping the figures', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const before = await tableRows(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: 'SIPAS survey results' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await tableRows(page)).map((r) => r.figure)).toEqual(before.map((r) => r.figure.replace(',', '.')));
  });

  it('downloads the results at the level shown as CSV and XLSX, and the microdata, from its links in Chromium', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
    };

    const csv = await download('Kết quả (CSV)');
    expect(csv.name).toBe(`sipas-ket-qua-${ROUND}-province-district.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['province', 'district']));
    expect(rows.find((r) => r.code === '666' && r.index === 'SIPAS')?.name).toBe("Huyện Đắk R'Lấp");

    const xlsx = await download('Kết quả (Excel)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Thông tin');

    const microdata = await download('Dữ liệu vi mô (CSV)');
    expect(parse(microdata.bytes.toString('utf8'), { bom: true })).toHaveLength(1 + 400);
  });

  it('takes a manager from the staff pages to the dashboard by the “Kết quả” link, on the same log-in, with publishing offered once the round is closed', async () => {
    await demoWithAnalyst('manager');
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'mai');
    await page.locator('nav a', { hasText: 'Kết quả' }).click();
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/results');
    expect(await page.locator('input[name=password]').count()).toBe(0);
    // The demo round is still collecting: publishing waits until it is closed, and the page says so.
    expect(await page.getByRole('button', { name: 'Công bố kết quả…' }).count()).toBe(0);
    expect(await page.locator('.publish').textContent()).toContain('Chỉ công bố được khi đợt đã đóng');
  });

  it('prints as an A4 landscape report with page numbers whose text holds the table’s figures, without the navigation and controls', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const api = await apiJson(page, `/api/rounds/${ROUND}/results?by=province,district`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.staff-header').isVisible()).toBe(false);
    expect(await page.locator('form.controls').isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('svg.bar-chart').isVisible()).toBe(true);

    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const [i, printed] of pages.entries()) {
      expect(printed.size[0]).toBeCloseTo(842, -1); // A4 landscape, in points
      expect(printed.size[1]).toBeCloseTo(595, -1);
      expect(printed.text).toContain(`${i + 1} / ${pages.length}`);
    }
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Chỉ số hài lòng theo địa bàn (%, khoảng tin cậy 95 %)');
    // Each row of the table as printed: the unit, its respondents, its SIPAS and margin of error.
    const count = new Intl.NumberFormat('vi-VN');
    for (const unit of [api.groups.find((g) => g.level === 'province')!, ...districtsOf(api)]) {
      const sipas = figure(unit, 'SIPAS');
      expect(text).toContain(
        `${unit.name} ${count.format(sipas.n)} ${percentVi(sipas.estimate)} ±${percentVi((sipas.ci_logit_high! - sipas.ci_logit_low!) / 2)}`,
      );
    }
    expect(text).toContain('Mục tiêu 85,0 %');
    for (const control of ['In báo cáo', 'Đăng xuất', 'Tải xuống', 'Chỉ số trên biểu đồ']) expect(text).not.toContain(control);
  });
});
