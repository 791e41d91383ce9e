/** Driving the results pages: the API's own figures as the page's session sees them. */
import type { Page } from 'playwright-core';
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';

/** GET an API path with the page's cookies (the same session the dashboard uses). */
export function apiJson<T = AnalysisResult>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

export const percentVi = (value: number | null) =>
  value === null ? '—' : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** The SIPAS figure (first index column) and name of every locality row of the table, in page order. */
export async function tableRows(page: Page, index = 0) {
  return page.locator('table.indices tbody tr').evaluateAll(
    (rows, i) =>
      rows.map((row) => ({
        code: row.getAttribute('data-code'),
        name: row.querySelector('th')?.textContent ?? '',
        figure: row.querySelectorAll('td')[1 + i]?.querySelector('.figure')?.textContent ?? '',
        unreliable: row.querySelectorAll('td')[1 + i]?.classList.contains('unreliable') ?? false,
      })),
    index,
  );
}

/** Each bar of the chart, top to bottom: its locality and the value printed beside it. */
export async function chartBars(page: Page) {
  return page.locator('svg.bar-chart').evaluate((svg) =>
    [...svg.querySelectorAll('g.bar')].map((bar) => {
      const code = bar.getAttribute('data-code');
      return { code, value: svg.querySelector(`text.bar-value[data-code="${code}"]`)?.textContent ?? '' };
    }),
  );
}
