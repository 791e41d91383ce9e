/**
 * What keyers type is what is stored: for the 2022 and 2024 questionnaires, in Vietnamese and in
 * English, any sequence of what a keyer can do on the keying screen — option keys, "0", ".", Tab,
 * arrows, Backspace, Enter, Esc, Vietnamese text with its diacritics, pastes, clicks — ends, when
 * the form is saved, with an entry whose every answer is exactly what the form's boxes showed, and
 * which the server's own answer check stores unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import type { AnswerValue } from '../../../analysis/questionnaire/skip.ts';
import { seededQuestionnaires } from '../../../db/seed/questionnaires/index.ts';
import { paperAnswersSchema, validateAnswers } from '../../../server/domain/responses/responses.ts';
import { fieldDisplay } from '../../../survey-ui/src/staff/keying/format.ts';
import { entryPayload, initialState, keyingFields, type KeyingQuestionnaire } from '../../../survey-ui/src/staff/keying/form-state.ts';
import { openScreen, type KeyingContext } from '../../../survey-ui/src/staff/keying/keyboard.ts';
import { en } from '../../../survey-ui/src/staff/messages/en.ts';
import { vi } from '../../../survey-ui/src/staff/messages/vi.ts';
import { finishStrokes, playStroke, shownOn, showsStored, strokes, words, type Played } from '../../support/keying-strokes.ts';

const catalogues = { vi, en };

function contextOf(def: QuestionnaireDefinition, language: 'vi' | 'en'): KeyingContext {
  const questionnaire = localizeQuestionnaire(def, language) as unknown as KeyingQuestionnaire;
  return { questionnaire, fields: keyingFields(questionnaire) };
}

/** What the server stores of an entry sent as JSON: the route's body, then the answer check of the questionnaire. */
function storedBy(def: QuestionnaireDefinition, sent: { profile: Record<string, AnswerValue>; answers: Record<string, AnswerValue> }) {
  const wire = JSON.parse(JSON.stringify(sent));
  return validateAnswers(def, wire, paperAnswersSchema(def));
}

describe.each(seededQuestionnaires().flatMap((def) => (['vi', 'en'] as const).map((language) => ({ def, language, version: def.version }))))(
  'keying questionnaire $version in $language',
  ({ def, language }) => {
    const context = contextOf(def, language);
    const labels = words[language];

    it('uses the catalogue’s words for blank and not applicable', () => {
      expect(labels).toEqual({ notApplicable: catalogues[language].cellNotApplicable, blank: catalogues[language].cellBlank });
    });

    it('stores, for any keys a keyer presses, exactly what the form showed, for every question type', () => {
      const typesStored = new Set<string>();
      const otherTextStored = new Set<string>();
      fc.assert(
        fc.property(strokes(context.fields.length), (sequence) => {
          let played: Played = { screen: openScreen(initialState(context.questionnaire, context.fields)) };
          let formBefore = played.screen.form;
          for (const stroke of sequence) {
            formBefore = played.screen.form;
            played = playStroke(context, played.screen, stroke);
            if (played.saved || played.cancelled) break;
            // While typing, a text box shows what was typed and nothing else: never a label left from before.
            for (const field of context.fields.filter((f) => f.question.type === 'text')) {
              const shown = fieldDisplay(context.fields, played.screen.form, field, labels).value;
              const form = played.screen.form;
              const typing = form.draft !== undefined && context.fields[form.cursor] === field;
              const cell = form.values[field.code];
              if (!typing) expect(shown).toBe(cell?.kind === 'value' ? cell.value : '');
            }
          }
          if (played.cancelled) return;
          if (!played.saved) {
            formBefore = played.screen.form;
            played = finishStrokes(context, played.screen).played;
          }
          const shownBefore = shownOn(context, formBefore, labels);
          expect(played.saved, 'the form can always be saved').toBeDefined();

          const sent = entryPayload(context.fields, played.saved!);
          const stored = storedBy(def, sent);
          expect(stored).toEqual(sent);
          const shownAtSave = shownOn(context, played.saved!, labels);
          for (const field of context.fields) {
            const value = stored[field.group][field.code];
            expect(
              showsStored(field, shownAtSave[field.code], value, labels),
              `${field.code}: shown "${shownAtSave[field.code]}", stored ${JSON.stringify(value)}`,
            ).toBe(true);
            // Just before saving, the text being typed read the same, but for spaces at its ends and its Unicode form.
            const before = shownBefore[field.code];
            if (field.question.type === 'text') expect(value ?? '').toBe(before.normalize('NFC').trim());
            if (value !== undefined) {
              typesStored.add(field.question.type);
              if (field.question.showIf && field.question.type === 'text') otherTextStored.add(field.code);
            }
          }
        }),
        { numRuns: 300 },
      );
      // The property said something about every kind of question, "other (specify)" included.
      // Every kind the version has (the organisations' form has no multiple choice), and each of its "other (specify)" fields.
      expect([...typesStored].sort()).toEqual([...new Set(def.questions.map((q) => q.type))].sort());
      expect([...otherTextStored].sort()).toEqual(
        def.questions
          .filter((q) => q.type === 'text' && q.showIf)
          .map((q) => q.code)
          .sort(),
      );
      if (def.version === '2024') expect([...otherTextStored].sort()).toEqual(['ethnicity_other', 'info_channels_other']);
    });
  },
);

describe('an "other (specify)" field', () => {
  const def = seededQuestionnaires().find((q) => q.version === '2024')!;
  const context = contextOf(def, 'vi');
  const keys = (...list: string[]) => list.map((key) => ({ kind: 'key' as const, key }));

  it('opens empty when its option is chosen, and stores only what the keyer types into it', () => {
    let played: Played = { screen: openScreen(initialState(context.questionnaire, context.fields)) };
    const shown = () => fieldDisplay(context.fields, played.screen.form, context.fields.find((f) => f.code === 'ethnicity_other')!, words.vi);
    expect(shown()).toEqual({ value: '', placeholder: 'Không áp dụng' });
    for (const stroke of keys('2', '3', '2', ...'Ê Đê')) played = playStroke(context, played.screen, stroke);
    expect(shown()).toEqual({ value: 'Ê Đê', placeholder: '' });
    for (const stroke of keys('Tab', 'ArrowUp', 'ArrowUp', '1', 'ArrowUp', '2')) played = playStroke(context, played.screen, stroke);
    // Kinh, then back to "other": the text typed for the other group went with it.
    expect(shown()).toEqual({ value: '', placeholder: '' });
    for (const stroke of keys(...'Mnông', 'Tab')) played = playStroke(context, played.screen, stroke);
    expect(entryPayload(context.fields, played.screen.form).profile).toEqual({ sex: 'nu', age_group: '35_49', ethnicity: 'khac', ethnicity_other: 'Mnông' });
  });

  it('keeps text being typed when the keyer clicks another field or the save button', () => {
    let played: Played = { screen: openScreen(initialState(context.questionnaire, context.fields)) };
    for (const stroke of keys('2', '3', '2', ...' Ê Đê ')) played = playStroke(context, played.screen, stroke);
    played = playStroke(context, played.screen, { kind: 'click', field: 0 });
    expect(played.screen.form.values.ethnicity_other).toEqual({ kind: 'value', value: 'Ê Đê' });
    played = playStroke(context, played.screen, { kind: 'click', field: 3 });
    for (const stroke of keys('Backspace', 'Backspace', ...'Ba Na')) played = playStroke(context, played.screen, stroke);
    played = playStroke(context, played.screen, { kind: 'save-button' });
    // Not saved (whether a procedure was made is required), but the text is taken, not lost.
    expect(played.screen.note).toMatchObject({ kind: 'missing_required' });
    expect(played.screen.form.values.ethnicity_other).toEqual({ kind: 'value', value: 'Ê Ba Na' });
  });
});
