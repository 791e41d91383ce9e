import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { setRoundStatus } from '../../db/queries/rounds.ts';
import { addStaff } from '../support/staff.ts';
import { loadDemo } from '../support/results.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson, percentVi, tableRows } from './support/results.ts';
import { desk, typeLogIn } from './support/staff.ts';
import { acknowledgeChecklist } from './support/rounds.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';

describe('publishing and the public results page', () => {
  it('tells the public politely that nothing, or a given round, is not yet published, and shows nothing of it', async () => {
    const page = await desk(app);
    await page.goto(app.url('/results/public'));
    await page.getByText('Hiện chưa có đợt khảo sát nào được công bố kết quả.').waitFor();
    expect(await page.locator('table.indices').count()).toBe(0);

    await loadDemo(app.database().db, 200); // its earlier round comes published; DN-2025-H1 does not
    await page.goto(app.url(`/results/public/${ROUND}`));
    await page.getByText(`Kết quả đợt ${ROUND} chưa được công bố. Xin vui lòng quay lại sau.`).waitFor();
    expect(await page.locator('table.indices').count()).toBe(0);
    expect(await page.locator('input[name=password]').count()).toBe(0);
  });

  it('lets a manager publish after confirming, and then shows the round to everyone with the province and locality indices', async () => {
    const db = app.database().db;
    await loadDemo(db, 300);
    await setRoundStatus(db, ROUND, 'closed');
    await addStaff(db, 'manager', 'lan');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}`), 'lan');
    await page.locator('table.indices tbody tr[data-code="660"]').waitFor();

    await page.getByRole('button', { name: 'Công bố kết quả…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(`Công bố kết quả đợt ${ROUND}?`);
    await page.getByRole('button', { name: 'Hủy' }).click();
    expect(await dialog.count()).toBe(0);
    expect((await apiJson<Array<{ code: string }>>(page, '/api/public/rounds')).map((r) => r.code)).not.toContain(ROUND);

    await page.getByRole('button', { name: 'Công bố kết quả…' }).click();
    await acknowledgeChecklist(page); // the warnings (unweighted, unreliable districts) read and ticked
    await page.getByText('Đã công bố kết quả.').waitFor();
    await page.getByRole('button', { name: 'Thu hồi công bố…' }).waitFor();

    const visitor = await desk(app);
    await visitor.goto(app.url(`/results/public/${ROUND}`));
    await visitor.locator('table.indices tbody tr[data-code="660"]').waitFor();
    const published = await apiJson<AnalysisResult>(visitor, `/api/public/rounds/${ROUND}/results?by=province,district,commune`);
    const rows = await tableRows(visitor);
    expect(rows).toHaveLength(1 + 8);
    const byCode = new Map(published.groups.map((g) => [g.code, g.indices.find((i) => i.index === 'SIPAS')!.estimate]));
    for (const row of rows) expect(row.figure).toBe(percentVi(byCode.get(row.code!)!));
    expect(await visitor.locator('svg.bar-chart g.bar').count()).toBe(8);
    expect(await visitor.locator('.downloads, .publish, .par').count()).toBe(0);
    expect(await visitor.locator('nav a[aria-current="page"]').textContent()).toBeTruthy();
  });
});
