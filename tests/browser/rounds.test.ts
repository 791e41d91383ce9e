import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/queries/audit.ts';
import { findRoundByCode, setRoundStatus } from '../../db/queries/rounds.ts';
import { saveQuestionnaire } from '../../db/queries/questionnaires.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { addTestProvinces } from '../support/provinces.ts';
import { loadDemo } from '../support/results.ts';
import { vietnamDay } from '../support/rounds.ts';
import { addStaff } from '../support/staff.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { createRound, fillSamplePlan, moveRound } from './support/rounds.ts';
import { desk, logIn } from './support/staff.ts';

const app = useBrowserApp();

describe('a survey manager running a round from the browser', () => {
  it('creates a round over two provinces with two questionnaires and walks it open → closed → published', async () => {
    const db = app.database().db;
    await addTestProvinces(db);
    await saveQuestionnaire(db, { ...seededQuestionnaire('2024')!, version: 'org-2026', respondentType: 'organisation', title: { vi: 'Phiếu tổ chức (thử)' } });
    await addStaff(db, 'manager', 'lan');
    const page = await desk(app);
    await logIn(page, app.url('/staff'), 'lan');

    await createRound(page, {
      code: 'HN-LD-2026',
      name: 'Khảo sát SIPAS 2026 — Hà Nội và Lâm Đồng',
      year: 2026,
      provinces: ['01', '68'],
      periodStart: vietnamDay(-5),
      periodEnd: vietnamDay(30),
      citizen: '2024',
      organisation: 'org-2026',
      target: 85,
    });
    const stored = (await findRoundByCode(db, 'HN-LD-2026'))!;
    expect(stored).toMatchObject({ provinceCodes: ['01', '68'], questionnaires: { citizen: '2024', organisation: 'org-2026' }, target: 85, status: 'draft' });

    await fillSamplePlan(page, [
      { kind: 'locality', code: '00004', wanted: 40 },
      { kind: 'office', code: 'MC-LD', wanted: 25 },
    ]);
    // The names come with the round read again after saving.
    await page.locator('form.sample-plan tbody tr[data-unit="00004"]', { hasText: 'Phường Ba Đình' }).waitFor();

    await moveRound(page, 'open');
    await moveRound(page, 'close');
    expect(await page.locator('button[data-transition="close-keying"]').count()).toBe(1);
    await moveRound(page, 'publish');
    expect(await page.locator('form.round-form').count()).toBe(0);

    const trail = await auditTrail(db, 'round', 'HN-LD-2026');
    expect(trail.map((e) => e.action)).toEqual([
      'create_round',
      'set_sample_plan',
      'open_round',
      'close_round',
      'publish_results',
      'acknowledge_publish_warnings',
    ]);
    await page.locator('nav a[href="/staff/rounds"]').click();
    expect(await page.locator('tr[data-round="HN-LD-2026"] [data-status]').textContent()).toBe('Đã công bố');
  });

  it('names a wrong field in Vietnamese and creates nothing', async () => {
    const db = app.database().db;
    await addStaff(db, 'manager', 'lan');
    const page = await desk(app);
    await logIn(page, app.url('/staff/rounds'), 'lan');
    const form = page.locator('form.round-form');
    await form.locator('input[name=code]').fill('SAI-2026');
    await form.locator('input[name=name]').fill('Đợt sai ngày');
    await form.locator('input[name=periodStart]').fill('2026-06-30');
    await form.locator('input[name=periodEnd]').fill('2026-01-01');
    await form.locator('input[name=province][value="68"]').check();
    await form.locator('select[name=citizen]').selectOption('2024');
    await form.getByRole('button', { name: 'Tạo đợt' }).click();
    await form.locator('.notice.error').waitFor();
    expect(await form.locator('.notice.error').textContent()).toContain('Ngày kết thúc (01/01/2026) phải từ ngày bắt đầu (30/06/2026) trở đi');
    expect(await findRoundByCode(db, 'SAI-2026')).toBeUndefined();
  });

  it('draws the round’s target beside the overall index, for analysts and on the public page', async () => {
    const db = app.database().db;
    await loadDemo(db, 300);
    await addStaff(db, 'manager', 'lan');
    const page = await desk(app);
    await logIn(page, app.url('/staff/rounds/DN-2025-H1'), 'lan');
    const form = page.locator('form.round-form');
    await form.locator('input[name=target]').fill('90');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await form.getByText('Đã lưu thay đổi.').waitFor();

    await page.goto(app.url('/results?round=DN-2025-H1'));
    const mark = page.locator('.target-mark');
    await mark.waitFor();
    expect(await mark.getAttribute('data-target')).toBe('90');
    expect(await mark.textContent()).toMatch(/Mục tiêu: .+ đạt từ 90,0 % trở lên\. (Đã đạt|Chưa đạt)/);
    // The chart's target line starts at the round's target.
    expect(new URL(page.url()).searchParams.get('target')).toBe('90');

    await setRoundStatus(db, 'DN-2025-H1', 'published');
    const visitor = await desk(app);
    await visitor.goto(app.url('/results/public/DN-2025-H1'));
    await visitor.locator('.target-mark').waitFor();
    expect(await visitor.locator('.target-mark').getAttribute('data-target')).toBe('90');
  });
});
