import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { addStaff } from '../support/staff.ts';
import { loadDemo } from '../support/results.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson, chartBars, logInToResults, percentVi, tableRows } from './support/results.ts';
import { desk } from './support/staff.ts';

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
  it('shows the demo round by district with margins of error, unreliable cells marked, and the chart with its target line', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await logInToResults(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
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
    await expect(page.locator('table.indices tbody tr[data-code="662"] td .moe').first().textContent())
      .resolves.toBe(`±${percentVi((sipas.ci_high! - sipas.ci_low!) / 2)}`);
    expect(await page.locator('.legend').textContent()).toContain('ít hơn 30 người trả lời');

    expect(await chartBars(page)).toEqual(districts.map((d) => ({ code: d.code, value: percentVi(figure(d, 'SIPAS').estimate) })));
    expect(await page.locator('svg.bar-chart .target text').textContent()).toBe('Mục tiêu 85,0 %');
    expect(await page.locator('svg.bar-chart desc').textContent()).toMatch(/trên 8 địa bàn đạt mục tiêu/);
    expect(await page.locator('svg.bar-chart .error-bar').count()).toBe(8);

    const provinceSipas = figure(api.groups.find((g) => g.level === 'province')!, 'SIPAS').estimate!;
    const points = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(provinceSipas / 10);
    expect(await page.locator('.par-points strong').textContent()).toBe(`${points} / 10 điểm`);
    expect(await page.locator('.policies tbody tr').count()).toBe(9);
    expect(await page.locator('.trend thead th').allTextContents()).toEqual(expect.arrayContaining(['Địa bàn']));
    expect(await page.getByRole('button', { name: 'Công bố kết quả…' }).count()).toBe(0);
  });

  it('updates table and chart with the API’s figures when the index, the target and the level change', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await logInToResults(page, app.url(`/results?round=${ROUND}`), 'mai');
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
    await logInToResults(page, app.url(`/results?round=${ROUND}`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const before = await tableRows(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: 'SIPAS survey results' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await tableRows(page)).map((r) => r.figure)).toEqual(before.map((r) => r.figure.replace(',', '.')));
  });

  it('prints as an A4 report: the table and chart without the navigation and controls', async () => {
    await demoWithAnalyst();
    const page = await desk(app);
    await logInToResults(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.staff-header').isVisible()).toBe(false);
    expect(await page.locator('form.controls').isVisible()).toBe(false);
    expect(await page.locator('.downloads').isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('table.indices').isVisible()).toBe(true);
    expect(await page.locator('table.indices tbody tr').count()).toBe(9);
    expect(await page.locator('svg.bar-chart').isVisible()).toBe(true);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(pdf.length).toBeGreaterThan(20_000);
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // A4 landscape: 842 × 595 points.
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 594\.\d+\s*\]/);
  });
});
