import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { addStaff } from '../support/staff.ts';
import { loadDemo } from '../support/results.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson, percentVi } from './support/results.ts';
import { desk, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const ROUND = 'DN-2025-H1';

interface Figures {
  rankings: Array<{ level: string; index: string; units: Array<{ code: string; name: string; rank: number; rank_low: number; rank_high: number }> }>;
  comparison: {
    previous: string;
    previousName: string;
    differences: Array<{ level: string; code: string; name: string; index: string; difference: number | null; significant: boolean | null }>;
  };
  groups: Array<{ level: string; code: string; indices: Array<{ index: string; reliable: boolean; variance_estimable: boolean }> }>;
}

async function twoRounds() {
  const db = app.database().db;
  await loadDemo(db, 400);
  await loadDemoResponses(db, (await findRoundByCode(db, 'DN-2024'))!, 400, 2);
  await db.execute(sql`update survey_rounds set status = 'published' where code = 'DN-2024'`);
  await addStaff(db, 'analyst', 'mai');
}

describe('the dashboard’s rankings and year-on-year', () => {
  it('ranks the districts with their intervals of plausible ranks and shows each district’s change since the previous round, as the API gives them', async () => {
    await twoRounds();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=district&index=SIPAS`), 'mai');
    await page.locator('.rank-intervals tbody tr').first().waitFor();
    const api = await apiJson<Figures>(page, `/api/rounds/${ROUND}/results?by=province,district&rank=true&compare=previous`);
    const ranking = api.rankings.find((r) => r.level === 'district' && r.index === 'SIPAS')!;
    const shown = await page
      .locator('.rank-intervals tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.querySelector('.rank-range')?.textContent ?? '']));
    const range = (u: { rank_low: number; rank_high: number }) => (u.rank_low === u.rank_high ? String(u.rank_low) : `${u.rank_low}–${u.rank_high}`);
    expect(shown).toEqual(ranking.units.map((u) => [u.code, range(u)]));
    // A unit's rank lies in its interval, and intervals are wider than a point: ranks are uncertain.
    expect(ranking.units.some((u) => u.rank_low < u.rank_high)).toBe(true);

    expect(await page.locator('.yoy h2').textContent()).toContain(api.comparison.previousName);
    const yoy = await page
      .locator('.yoy tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-significant'), r.querySelectorAll('td')[2]?.textContent ?? '']),
      );
    const sipas = api.comparison.differences.filter((d) => d.index === 'SIPAS');
    const province = sipas.filter((d) => d.level === 'province');
    const districts = sipas.filter((d) => d.level === 'district').sort((a, b) => new Intl.Collator('vi').compare(a.name, b.name));
    expect(yoy).toEqual(
      [...province, ...districts].map((d) => [
        d.code,
        String(d.significant),
        d.difference === null ? '—' : `${d.difference > 0 ? '+' : ''}${percentVi(d.difference)}`,
      ]),
    );
  });

  it('shows office figures, marking those whose variance cannot be estimated with their own mark', async () => {
    await twoRounds();
    const page = await desk(app);
    await typeLogIn(page, app.url(`/results?round=${ROUND}&level=office&index=SIPAS`), 'mai');
    await page.locator('table.indices tbody tr').nth(3).waitFor();
    const api = await apiJson<Figures>(page, `/api/rounds/${ROUND}/results?by=province,office`);
    const offices = api.groups.filter((g) => g.level === 'office');
    expect(offices.length).toBeGreaterThan(10);
    const cells = await page
      .locator('table.indices tbody tr[data-code]')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.querySelectorAll('td')[1]?.getAttribute('data-reliable') ?? '']));
    for (const office of offices) {
      const sipas = office.indices.find((i) => i.index === 'SIPAS')!;
      const cell = cells.find(([code]) => code === office.code);
      expect(cell?.[1], office.code).toBe(sipas.reliable && sipas.variance_estimable ? 'true' : 'false');
    }
    expect(await page.locator('.legend').first().textContent()).toContain('không ước lượng được sai số');
  });
});
