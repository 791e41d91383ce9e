/**
 * The dashboard of a round with citizens and organisations: a switch between the two, each showing
 * only its own figures (the organisations' without a policy part), and downloads of the one shown.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { addStaff } from '../support/staff.ts';
import { storeResponsesOf } from '../support/version-responses.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson, percentVi, tableRows } from './support/results.ts';
import { desk, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';

describe('the results dashboard of a round with citizens and organisations', () => {
  it('switches between citizens and organisations, never showing them pooled', { timeout: 90_000 }, async () => {
    const db = app.database().db;
    const round = (await findRoundByCode(db, ROUND))!;
    await storeResponsesOf(db, round, seededQuestionnaire('2024')!, 60, { seed: 3 });
    await storeResponsesOf(db, round, seededQuestionnaire('2024-to-chuc')!, 45, { seed: 4 });
    await addStaff(db, 'analyst', 'mai');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=province`), 'mai');
    await page.locator('[data-testid=respondent-switch]').waitFor();
    await page.locator('table.indices tbody tr').first().waitFor();
    const citizens = await apiJson<AnalysisResult>(page, `/api/rounds/${ROUND}/results?by=province`);
    const sipas = (r: AnalysisResult) => r.groups.find((g) => g.level === 'province')!.indices.find((i) => i.index === 'SIPAS')!.estimate;
    expect((await tableRows(page))[0].figure).toBe(percentVi(sipas(citizens)));

    await page.getByLabel('Tổ chức, doanh nghiệp').check();
    const organisations = await apiJson<AnalysisResult>(page, `/api/rounds/${ROUND}/results?by=province&respondentType=organisation`);
    await expect.poll(async () => (await tableRows(page))[0]?.figure).toBe(percentVi(sipas(organisations)));
    expect(await page.locator('table.indices thead').textContent()).not.toMatch(/A1/);
    expect(page.url()).toMatch(/respondent=organisation/);
    expect(await page.locator('a[href*="microdata.csv"]').first().getAttribute('href')).toMatch(/respondentType=organisation/);
  });
});
