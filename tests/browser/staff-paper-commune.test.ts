import { describe, expect, it } from 'vitest';
import { upsertLocalities } from '../../db/queries/localities.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { createBatch, markForms } from '../../server/domain/paper-forms/paper-forms.ts';
import { paperResponse } from '../support/paper-forms.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { desk, focusIn, keyPaperForm, logIn, staffAccounts } from './support/staff.ts';

const app = useBrowserApp();

const commune = (code: string, name: string, parentCode: string) => ({
  code,
  name,
  level: 'commune' as const,
  parentCode,
  validFrom: '2020-01-01',
  validTo: null,
});

describe('a paper form carries the commune it is filled in, from issue to the verified response', () => {
  it('a manager issues forms to a commune of Gia Nghĩa; keyers see it; the verified response has it as its PSU', { timeout: 120_000 }, async () => {
    const db = app.database().db;
    await upsertLocalities(db, [
      commune('24611', 'Phường Nghĩa Đức', '660'),
      commune('24612', 'Phường Nghĩa Thành', '660'),
      commune('24700', 'Xã Quảng Sơn', '661'),
    ]);
    const { manager, first, second } = await staffAccounts(db);

    const lan = await desk(app);
    await logIn(lan, app.url('/staff'), 'lan');
    await lan.waitForURL('**/staff/forms');
    await lan.selectOption('select[name=locality]', '660');
    // Only the communes of the chosen district are offered.
    await expect
      .poll(() => lan.locator('select[name=commune] option').allTextContents())
      .toEqual(['— Chọn xã/phường (nếu biết) —', 'Phường Nghĩa Đức (24611)', 'Phường Nghĩa Thành (24612)']);
    await lan.selectOption('select[name=commune]', '24611');
    await lan.fill('input[name=issue-serials]', '1');
    await lan.getByRole('button', { name: 'Phát phiếu' }).click();
    await lan.getByText('Đã phát 1 phiếu.').waitFor();

    await markForms(db, manager.id, { roundCode: DEMO_ROUND_CODE, serials: '1', status: 'returned' });
    const batch = await createBatch(db, manager.id, {
      roundCode: DEMO_ROUND_CODE,
      code: 'L01',
      serials: '1',
      firstKeyerId: first.id,
      secondKeyerId: second.id,
    });

    for (const username of ['minh', 'hoa']) {
      const keyer = await desk(app);
      await logIn(keyer, app.url(`/staff/keying/${batch.id}`), username);
      if (username === 'minh') {
        // Enter on the serial the prompt offers, once the prompt holds the keyboard (a busy machine draws it late).
        await focusIn(keyer, '.serial-prompt');
        await keyer.keyboard.press('Enter');
        await keyer.locator('.keying-form').waitFor();
        expect(await keyer.locator('[data-commune]').textContent()).toBe('Xã/phường nơi điền phiếu: Phường Nghĩa Đức (24611)');
        await keyer.keyboard.press('Escape');
        await keyer.keyboard.press('Escape');
      }
      await keyPaperForm(keyer, 1, { procedure: true });
    }

    const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
    expect(await paperResponse(db, round.id, 1)).toMatchObject({ channel: 'paper', districtCode: '660', communeCode: '24611' });
    await lan.goto(app.url(`/staff/batches/${batch.id}`));
    expect(await lan.locator('tr[data-serial="1"] [data-commune]').textContent()).toBe('Phường Nghĩa Đức (24611)');
    await lan.goto(app.url(`/staff/forms/${DEMO_ROUND_CODE}/1`));
    expect(await lan.locator('dd[data-commune]').textContent()).toBe('Phường Nghĩa Đức (24611)');
  });
});
