/**
 * What keyers type is what is stored, on the real screen: generated sequences of what a keyer can
 * do (keys, Vietnamese text, pastes, clicks; tests/support/keying-strokes.ts) are played in
 * Chromium on the keying screen of a 2024 and a 2022 form, and the entry stored in the database is
 * compared with what the screen's boxes showed when the form was saved.
 */
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localizeQuestionnaire } from '../../analysis/questionnaire/localize.ts';
import { entriesOfForm } from '../../db/queries/paper.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { createBatch, issueForms, markForms } from '../../server/domain/paper-forms/paper-forms.ts';
import { initialState, keyingFields, type KeyingQuestionnaire } from '../../survey-ui/src/staff/keying/form-state.ts';
import { openScreen, type KeyingContext } from '../../survey-ui/src/staff/keying/keyboard.ts';
import { playStroke, shownOn, showsStored, strokes, words, type Played, type Stroke } from '../support/keying-strokes.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { desk, focusIn, logIn, staffAccounts } from './support/staff.ts';

const app = useBrowserApp();
const seed = Number(process.env.KEYING_SEED ?? 2025);
/** Forms keyed from generated strokes per questionnaire, after one keyed from chosen strokes. */
const GENERATED_FORMS = 3;

const rounds = { '2024': DEMO_ROUND_CODE, '2022': 'DN-2022-GIAY' } as const;

/** A batch of forms 1–(GENERATED_FORMS + 1) of a round using `version`, for keyers minh and hoa. */
async function batchOf(version: keyof typeof rounds) {
  const db = app.database().db;
  if (version === '2022') {
    await insertRoundIfAbsent(db, {
      code: rounds['2022'],
      name: 'Khảo sát SIPAS 2022 (phiếu giấy)',
      provinceCodes: ['67'],
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      questionnaires: { citizen: '2022' },
      status: 'open',
    });
  }
  const people = await staffAccounts(db);
  const roundCode = rounds[version];
  const serials = `1-${GENERATED_FORMS + 1}`;
  await issueForms(db, people.manager.id, { roundCode, localityCode: '660', serials });
  await markForms(db, people.manager.id, { roundCode, serials, status: 'returned' });
  const batch = await createBatch(db, people.manager.id, { roundCode, code: 'L01', serials, firstKeyerId: people.first.id, secondKeyerId: people.second.id });
  return { keyerId: people.first.id, batchId: batch.id, roundId: (await findRoundByCode(db, roundCode))!.id };
}

/** The content of every box of the form, as the keyer sees it. */
const shownOnPage = (page: Page): Promise<Record<string, string>> =>
  page.$$eval('.keying-row', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.field!, r.querySelector('input')!.value])));

/** Keys of a US keyboard (Playwright's layout); Vietnamese letters come from an input method. */
const onKeyboard = (key: string) => key.length > 1 || /^[ -~]$/.test(key);

async function play(page: Page, context: KeyingContext, stroke: Stroke): Promise<void> {
  if (stroke.kind === 'click') {
    // What a click on a box does is give it the focus; done directly, it cannot land on the message that sticks to
    // the top of the screen, as a mouse aimed during a scroll can.
    await page.locator(`#field-${context.fields[stroke.field].code}`).focus();
    // The caret goes to the end of a text box, where the strokes type.
    await page.keyboard.press('End');
  } else if (stroke.kind === 'save-button') await page.getByRole('button', { name: 'Lưu phiếu (Enter)' }).click();
  else if (stroke.kind === 'paste' || !onKeyboard(stroke.key)) {
    // Pasted text, and letters an input method composes, reach the box that has the focus if it takes text
    // (Chromium's insertText would otherwise use the last selection on the page).
    const editable = await page.evaluate(() => document.activeElement instanceof HTMLInputElement && !document.activeElement.readOnly);
    if (editable) await page.keyboard.insertText(stroke.kind === 'paste' ? stroke.text : stroke.key);
  } else await page.keyboard.press(stroke.shiftKey ? `Shift+${stroke.key}` : stroke.key);
}

describe('typing paper forms on the real keying screen', () => {
  for (const version of ['2024', '2022'] as const) {
    it(`stores exactly what the screen showed, whatever the keyer typed (questionnaire ${version})`, { timeout: 240_000 }, async () => {
      const questionnaire = localizeQuestionnaire(seededQuestionnaire(version)!, 'vi') as unknown as KeyingQuestionnaire;
      const context: KeyingContext = { questionnaire, fields: keyingFields(questionnaire) };
      const { keyerId, batchId, roundId } = await batchOf(version);
      const k = (...keys: string[]): Stroke[] => keys.map((key) => ({ kind: 'key', key }));
      // The first form: "other" ethnic group and information channel, typed after their option was chosen.
      // A procedure, and every question from the complaint to the interests left blank.
      const at = (code: string) => context.fields.findIndex((f) => f.code === code);
      const blanks = Array.from({ length: at('info_channels') - at('made_feedback') }, () => '0');
      const directed: Stroke[] = k('2', '3', '2', ...'Ê Đê', 'Tab', '3', '3', '1', '1', '1', ...blanks, '7', 'Tab', ...'Zalo nhóm xã', 'Tab');
      const generated = fc.sample(strokes(context.fields.length, { escape: false, maxLength: 160 }), {
        numRuns: GENERATED_FORMS,
        seed: seed + Number(version),
      });

      const page = await desk(app);
      await logIn(page, app.url(`/staff/keying/${batchId}`), 'minh');
      for (const [index, sequence] of [directed, ...generated].entries()) {
        const serial = index + 1;
        await focusIn(page, '.serial-prompt');
        await page.keyboard.press('Control+A');
        await page.keyboard.type(String(serial));
        await page.keyboard.press('Enter');
        await focusIn(page, '.keying-form');

        // The screen's own code says when a stroke saves; the page must agree, and show what it says in every box.
        let model: Played = { screen: openScreen(initialState(questionnaire, context.fields)) };
        let shown: Record<string, string> = {};
        const strokesLeft = [...sequence];
        for (let step = 0; !model.saved; step++) {
          const stroke: Stroke =
            strokesLeft.shift() ?? (model.screen.note?.kind === 'missing_required' ? { kind: 'key', key: '0' } : { kind: 'key', key: 'Enter' });
          expect(step, `form ${serial} saved within its strokes`).toBeLessThan(sequence.length + context.fields.length * 3);
          const saves = stroke.kind === 'save-button' || (stroke.kind === 'key' && stroke.key === 'Enter');
          if (saves) shown = await shownOnPage(page);
          await play(page, context, stroke);
          model = playStroke(context, model.screen, stroke);
          if (saves && !model.saved) expect(await shownOnPage(page), `form ${serial}, step ${step}`).toEqual(shownOn(context, model.screen.form, words.vi));
        }
        await page.getByText(`Đã lưu phiếu số ${serial}.`).waitFor();

        const entry = (await entriesOfForm(app.database().db, roundId, serial)).find((e) => e.keyerId === keyerId)!;
        for (const field of context.fields) {
          const stored = (entry[field.group] as Record<string, string | number | Array<string | number>>)[field.code];
          // The save button takes text still being typed, as Tab would: trimmed, in NFC.
          const box = field.question.type === 'text' ? shown[field.code].normalize('NFC').trim() : shown[field.code];
          expect(showsStored(field, box, stored, words.vi), `form ${serial}, ${field.code}: shown "${box}", stored ${JSON.stringify(stored)}`).toBe(true);
        }
        if (serial === 1)
          expect([entry.profile, entry.answers]).toMatchObject([{ ethnicity: 'khac', ethnicity_other: 'Ê Đê' }, { info_channels_other: 'Zalo nhóm xã' }]);
      }
    });
  }
});
