import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../contract/plans.ts';
import { setRoundStatus } from '../../db/queries/rounds.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff } from '../support/staff.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { apiJson } from './support/results.ts';
import { moveRound } from './support/rounds.ts';
import { desk, typeLogIn } from './support/staff.ts';

const app = useBrowserApp();
const EARLIER = 'DN-2024';
const LATER = 'DN-2025-H1';

describe('the improvement plan, from a below-target index to the next round’s change', () => {
  it('plans a below-target index of round 1 with its actions, then shows its change and significance once round 2 is published', async () => {
    const db = app.database().db;
    await loadDemo(db, 300, EARLIER);
    await loadDemo(db, 300, LATER);
    await setRoundStatus(db, EARLIER, 'published');
    await setRoundStatus(db, LATER, 'closed');
    await addStaff(db, 'manager', 'lan');
    const page = await desk(app);
    await typeLogIn(page, app.url(`/staff/plans?round=${EARLIER}`), 'lan');
    await page.getByRole('heading', { name: 'Kế hoạch cải thiện chỉ số' }).waitFor();

    await page.getByRole('button', { name: 'Lập kế hoạch cho các chỉ số dưới mục tiêu hoặc giảm' }).click();
    await page.getByText(/Đã thêm \d+ chỉ số vào kế hoạch\./).waitFor();
    const first = page.locator('table.plan-entries tbody tr').first();
    const index = (await first.getAttribute('data-entry'))!;
    const planned = await apiJson<PlanView>(page, `/api/rounds/${EARLIER}/plans/67`);
    const entry = planned.entries.find((e) => e.index === index)!;
    expect(entry.reasons).toContain('below_target');
    expect(entry.estimate!).toBeLessThan(85);
    expect(await first.textContent()).toContain('Dưới mục tiêu');
    expect(await first.locator('td.plan-change').textContent()).toContain('Chưa có đợt sau được công bố');

    // The manager writes the actions with the keyboard only.
    await first.getByRole('button', { name: `Sửa ${index}` }).focus();
    await page.keyboard.press('Enter');
    const form = page.locator('form.plan-entry-form');
    await form.waitFor();
    await page.keyboard.type('Tập huấn kỹ năng giao tiếp cho công chức một cửa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Phó Chánh Văn phòng UBND tỉnh');
    await form.locator('input[name=deadline]').fill('2025-06-30');
    await form.locator('select[name=status]').selectOption('in_progress');
    await form.getByRole('button', { name: 'Lưu' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Đã lưu mục ${index}.`).waitFor();
    const row = page.locator(`table.plan-entries tbody tr[data-entry="${index}"]`);
    await row.locator('td.plan-actions', { hasText: 'Tập huấn kỹ năng giao tiếp cho công chức một cửa' }).waitFor();
    expect(await row.textContent()).toContain('Đang thực hiện');
    expect(await row.textContent()).toContain('30/06/2025');

    // Round 2 is published after the checklist is read.
    await page.goto(app.url(`/staff/rounds/${LATER}`));
    await moveRound(page, 'publish');

    await page.goto(app.url(`/staff/plans?round=${EARLIER}`));
    await page.getByText(`Đợt sau đã công bố: ${LATER}`).waitFor();
    const after = await apiJson<PlanView>(page, `/api/rounds/${EARLIER}/plans/67`);
    const followed = after.entries.find((e) => e.index === index)!;
    expect(followed.actions).toBe('Tập huấn kỹ năng giao tiếp cho công chức một cửa');
    expect(followed.followUp).toMatchObject({ round: LATER, comparable: true });
    const change = page.locator(`table.plan-entries tbody tr[data-entry="${index}"] td.plan-change`);
    const words = (await change.textContent())!;
    const number = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format;
    const difference = followed.followUp!.difference!;
    expect(words).toContain(`${LATER}: ${number(followed.followUp!.estimate!)} %`);
    expect(words).toContain(`${difference > 0 ? '+' : '−'}${number(Math.abs(difference))} điểm`);
    expect(words).toContain('KTC 95 %');
    const verdict = followed.followUp!.significant ? (difference > 0 ? 'tăng có ý nghĩa' : 'giảm có ý nghĩa') : 'thay đổi không có ý nghĩa thống kê';
    expect(words).toContain(verdict);
    expect(await change.getAttribute('data-significant')).toBe(String(followed.followUp!.significant));

    const report = await page.request.get(app.url(`/plan-report/${EARLIER}/67`));
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain('Tập huấn kỹ năng giao tiếp cho công chức một cửa');
  }, 180_000);
});
