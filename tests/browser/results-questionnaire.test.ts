/**
 * The whole questionnaire on the dashboard (profile, harassment, informal payments, channels,
 * expectations) with the API's own shares and reliability, the round's target as a line and in the
 * tables, the printed report's rules, and the public page on a 360 px phone.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { setRoundStatus } from '../../db/queries/rounds.ts';
import { surveyRounds } from '../../db/schema/rounds.ts';
import { addStaff } from '../support/staff.ts';
import { loadDemo } from '../support/results.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { pdfPages } from './support/pdf-text.ts';
import { apiJson, percentVi } from './support/results.ts';
import { desk, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';
const PUBLISHED = 'DN-2024';

/** The demo's earlier round with responses, published (a reset reopens every round). */
async function publishedDemo() {
  const db = app.database().db;
  await loadDemo(db, 300, PUBLISHED);
  await setRoundStatus(db, PUBLISHED, 'published');
}

const collator = new Intl.Collator('vi');
/** Units in the page's order: by name, as Vietnamese sorts. */
const byName = (api: AnalysisResult) => (a: string, b: string) =>
  collator.compare(api.groups.find((g) => `${g.level}:${g.code}` === a)!.name, api.groups.find((g) => `${g.level}:${g.code}` === b)!.name);

type Group = AnalysisResult['groups'][number];

/** Every share cell the panels show: the question, the option, the figure and whether it is marked unreliable. */
async function shownShares(page: Page) {
  return page.locator('.questionnaire-panels').evaluate((root) => {
    const cells: Array<{ question: string; option: string; figure: string; unreliable: boolean }> = [];
    for (const table of root.querySelectorAll('table.choice')) {
      for (const row of table.querySelectorAll('tbody tr')) {
        const cell = row.querySelector('td')!;
        cells.push({
          question: table.getAttribute('data-question')!,
          option: row.getAttribute('data-option')!,
          figure: cell.querySelector('.figure')?.textContent ?? '',
          unreliable: cell.classList.contains('unreliable'),
        });
      }
    }
    for (const matrix of root.querySelectorAll('table.choice-matrix')) {
      const options = [...matrix.querySelectorAll('thead th')].slice(2).map((th) => th.textContent ?? '');
      for (const row of matrix.querySelectorAll('tbody tr')) {
        [...row.querySelectorAll('td')].slice(1).forEach((cell, k) =>
          cells.push({
            question: row.getAttribute('data-question')!,
            option: options[k],
            figure: cell.querySelector('.figure')?.textContent ?? '',
            unreliable: cell.classList.contains('unreliable'),
          }),
        );
      }
    }
    return cells;
  });
}

/** The shares the API gives a group, keyed as the page shows them (matrix columns by their label). */
function expectSharesOf(cells: Awaited<ReturnType<typeof shownShares>>, group: Group, labelOf: (question: string, option: string) => string) {
  expect(cells.length).toBeGreaterThan(50);
  for (const cell of cells) {
    const shares = group.options.find((o) => o.question === cell.question)!.shares;
    const share = shares.find((s) => String(s.option) === cell.option || labelOf(cell.question, String(s.option)) === cell.option)!;
    expect(share, `${cell.question} ${cell.option}`).toBeDefined();
    expect(cell.figure).toBe(percentVi(share.display ?? share.estimate));
    expect(cell.unreliable, `${cell.question} ${cell.option}`).toBe(!share.reliable);
  }
}

async function labelsOf(page: Page) {
  const q = await apiJson<{
    questions: Array<{ code: string; scale?: string }>;
    scales: Array<{ code: string; options: Array<{ value: string | number; label: string }> }>;
  }>(page, '/api/questionnaires/2024?lang=vi');
  return (question: string, option: string) => {
    const scale = q.scales.find((s) => s.code === q.questions.find((x) => x.code === question)?.scale);
    return scale?.options.find((o) => String(o.value) === option)?.label ?? option;
  };
}

describe('the questionnaire on the dashboard', () => {
  it('shows profile, harassment, informal payments, channels and expectations with the API’s shares and reliability, for the province and for a district', async () => {
    const db = app.database().db;
    await loadDemo(db, 300);
    await addStaff(db, 'analyst', 'mai');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('.questionnaire-panels table.choice-matrix').first().waitFor();
    const api = await apiJson(page, `/api/rounds/${ROUND}/results?by=province,district`);
    const labelOf = await labelsOf(page);

    const panels = await page.locator('.question-panel').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-panel')));
    expect(panels).toEqual(expect.arrayContaining(['profile', 'service_opinion', 'expectations']));
    const text = (await page.locator('.questionnaire-panels').textContent()) ?? '';
    for (const words of [
      'Đặc điểm người trả lời',
      'Giới tính',
      'Câu 4. Công chức có gây phiền hà, sách nhiễu đối với Ông/Bà không?',
      'Câu 5. Ông/Bà có bị yêu cầu nộp thêm tiền ngoài phí, lệ phí theo quy định không?',
      'Câu 6. Ông/Bà muốn nộp hồ sơ, nhận kết quả bằng hình thức nào?',
      'Mong đợi: cơ quan nhà nước cần ưu tiên cải thiện',
      'Cải thiện thái độ phục vụ',
      'Rất nhiều',
    ])
      expect(text).toContain(words);
    const province = api.groups.find((g) => g.level === 'province')!;
    expectSharesOf(await shownShares(page), province, labelOf);

    // A district: fewer answers, so some shares are marked as not reliable enough.
    await page.locator('select[name=panels-unit]').selectOption('district:664');
    await page.locator('.panels-unit[data-unit="district:664"]').waitFor();
    const district = api.groups.find((g) => g.level === 'district' && g.code === '664')!;
    const cells = await shownShares(page);
    expectSharesOf(cells, district, labelOf);
    expect(cells.some((c) => c.unreliable)).toBe(true);
    expect(await page.locator('.questionnaire-panels dl.legend').count()).toBe(1);

    // One question across the units (informal payments first; here harassment), for the province and each district.
    await page.locator('select[name=by-unit-question]').selectOption('harassment');
    await page.locator('table.choice-units[data-question="harassment"]').waitFor();
    const rows = await page.locator('table.choice-units tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        unit: tr.getAttribute('data-unit')!,
        figures: [...tr.querySelectorAll('td .figure')].map((f) => f.textContent),
        unreliable: [...tr.querySelectorAll('td')].slice(1).map((td) => td.classList.contains('unreliable')),
      })),
    );
    expect(rows.map((r) => r.unit)).toEqual([
      'province:67',
      ...api.groups
        .filter((g) => g.level === 'district')
        .map((g) => `district:${g.code}`)
        .sort(byName(api)),
    ]);
    for (const row of rows) {
      const [level, code] = row.unit.split(':');
      const shares = api.groups.find((g) => g.level === level && g.code === code)!.options.find((o) => o.question === 'harassment')!.shares;
      expect(row.figures).toEqual(shares.map((s) => percentVi(s.display ?? s.estimate)));
      expect(row.unreliable).toEqual(shares.map((s) => !s.reliable));
    }
  });

  it('draws the round’s stored target as the chart’s line and says in the table which units meet it', async () => {
    const db = app.database().db;
    await loadDemo(db, 300);
    await db.update(surveyRounds).set({ target: 80 }).where(eq(surveyRounds.code, ROUND));
    await addStaff(db, 'analyst', 'mai');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('table.indices tbody tr[data-code="660"] td[data-target-status]').waitFor();
    expect(await page.locator('svg.bar-chart').getAttribute('data-target')).toBe('80');
    expect(await page.locator('svg.bar-chart g.target text').textContent()).toBe('Mục tiêu 80,0 %');

    const api = await apiJson(page, `/api/rounds/${ROUND}/results?by=province,district`);
    const statuses = await page
      .locator('table.indices tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.querySelector('td[data-target-status]')?.getAttribute('data-target-status')]));
    expect(statuses).toHaveLength(9);
    for (const [code, status] of statuses) {
      const sipas = api.groups.find((g) => g.code === code)!.indices.find((i) => i.index === 'SIPAS')!.estimate!;
      expect(status, code!).toBe(sipas >= 80 ? 'above' : 'below');
    }
    // The line stands where 80 % is on the axis: between the 60 and 100 ticks, at 80 / 100 of the way from 0.
    const [zero, hundred, line] = await page
      .locator('svg.bar-chart')
      .evaluate((svg) => [
        Number(svg.querySelectorAll('g.tick line')[0].getAttribute('x1')),
        Number(svg.querySelectorAll('g.tick line')[5].getAttribute('x1')),
        Number(svg.querySelector('g.target line')!.getAttribute('x1')),
      ]);
    expect((line - zero) / (hundred - zero)).toBeCloseTo(0.8, 5);
  });

  it('prints the report with table headers repeated on every page, rows and small tables never split, headings kept with their rows, and page numbers', async () => {
    const db = app.database().db;
    await loadDemo(db, 300);
    await addStaff(db, 'analyst', 'mai');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district`), 'mai');
    await page.locator('.questionnaire-panels table.choice-matrix').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const rules = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        thead: [...document.querySelectorAll('thead')].map((h) => getComputedStyle(h).display),
        rows: [...document.querySelectorAll('tbody tr')].map((r) => getComputedStyle(r).breakInside),
        choiceTable: style('table.choice').breakInside,
        panelHeading: style('.question-panel > h3').breakAfter,
        sectionHeading: style('.questionnaire-panels > h2').breakAfter,
        caption: style('table.indices caption').breakAfter,
        unitSelect: (document.querySelector('select[name=panels-unit]') as HTMLElement).offsetParent === null,
      };
    });
    expect(rules.thead.length).toBeGreaterThan(5);
    expect(new Set(rules.thead)).toEqual(new Set(['table-header-group']));
    expect(new Set(rules.rows)).toEqual(new Set(['avoid']));
    expect(rules).toMatchObject({ choiceTable: 'avoid', panelHeading: 'avoid', sectionHeading: 'avoid', caption: 'avoid' });
    expect(rules.unitSelect).toBe(true); // the unit chooser is not printed

    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, printed] of pages.entries()) {
      expect(printed.size[0]).toBeCloseTo(842, -1);
      expect(printed.text).toContain(`${i + 1} / ${pages.length}`);
    }
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toContain('Mong đợi: cơ quan nhà nước cần ưu tiên cải thiện');
    expect(text).toContain('Đặc điểm người trả lời');
  });
});

describe('the public page on a phone', () => {
  it('fits a 360 px screen without sideways scrolling, with chart text of at least 12 px, the key figures first and one reliability legend', async () => {
    await publishedDemo();
    const { page } = await app.phone();
    await page.goto(app.url(`/results/public/${PUBLISHED}`));
    await page.locator('svg.bar-chart.narrow g.bar').first().waitFor();
    expect(page.viewportSize()!.width).toBe(360);
    const api = await apiJson(page, `/api/public/rounds/${PUBLISHED}/results?by=province,district,commune`);

    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.document).toBeLessThanOrEqual(360);
    expect(widths.body).toBeLessThanOrEqual(360);

    // Every text of the chart as drawn on the screen: its font size times the drawing's scale.
    const sizes = await page.locator('svg.bar-chart').evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, px: Number.parseFloat(getComputedStyle(t).fontSize) * scale }));
    });
    expect(sizes.length).toBeGreaterThan(8);
    for (const s of sizes) expect(s.px, s.text ?? '').toBeGreaterThanOrEqual(12);
    // Nothing drawn beyond the screen's right edge.
    const right = await page
      .locator('svg.bar-chart')
      .evaluate((svg) => Math.max(...[...svg.querySelectorAll('text, rect')].map((e) => e.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(360);

    const province = api.groups.find((g) => g.level === 'province')!;
    const sipas = province.indices.find((i) => i.index === 'SIPAS')!;
    const card = page.locator('.figure-card[data-index="SIPAS"]');
    expect(await card.locator('.figure-value').textContent()).toContain(percentVi(sipas.estimate));
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await page.locator('dl.legend').count()).toBe(1);
  });

  it('prints on A4 with page numbers', async () => {
    await publishedDemo();
    const { page } = await app.phone();
    await page.goto(app.url(`/results/public/${PUBLISHED}`));
    await page.locator('table.indices tbody tr').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    for (const [i, printed] of pages.entries()) {
      expect([printed.size[0], printed.size[1]].sort((a, b) => a - b)[0]).toBeCloseTo(595, -1); // A4 either way round
      expect(printed.text).toContain(`${i + 1} / ${pages.length}`);
    }
    expect(pages.map((p) => p.text).join(' ')).toContain('Các chỉ số chính');
  });
});
