import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { initialState, keyingFields, type KeyingQuestionnaire } from '../../../survey-ui/src/staff/keying/form-state.ts';
import { keyDown, openScreen, type Reaction, type Screen } from '../../../survey-ui/src/staff/keying/keyboard.ts';
import { printedNumber, questionOfPath } from '../../../survey-ui/src/staff/keying/printed-number.ts';

const q = localizeQuestionnaire(seededQuestionnaire('2024')!, 'vi') as unknown as KeyingQuestionnaire;
const fields = keyingFields(q);
const context = { questionnaire: q, fields };
const screenOf = (r: Reaction): Screen => {
  if (r.kind !== 'screen') throw new Error(`expected a screen, got ${r.kind}`);
  return r.screen;
};
const play = (screen: Screen, keys: string[]) => keys.reduce((s, key) => screenOf(keyDown(context, s, { key })), screen);

describe('dropping a form by keyboard', () => {
  it('asks on Esc and drops only on a second Esc', () => {
    const keyed = play(openScreen(initialState(q, fields)), ['2', '3', '1']);
    const asking = screenOf(keyDown(context, keyed, { key: 'Escape' }));
    expect(asking).toMatchObject({ confirmingDrop: true, note: { kind: 'confirm_drop' } });
    expect(asking.form).toBe(keyed.form);
    expect(keyDown(context, asking, { key: 'Escape' })).toEqual({ kind: 'cancel' });
  });

  it('goes on keying on Enter, keeping every value, and takes any other key as usual', () => {
    const keyed = play(openScreen(initialState(q, fields)), ['2', '3']);
    const asking = screenOf(keyDown(context, keyed, { key: 'Escape' }));
    const kept = screenOf(keyDown(context, asking, { key: 'Enter' }));
    expect(kept.confirmingDrop).toBeFalsy();
    expect(kept.form).toEqual(keyed.form);
    const digit = screenOf(keyDown(context, asking, { key: '1' }));
    expect(digit.form).toEqual(play(keyed, ['1']).form);
  });

  it('never drops a form on a single key, whatever was keyed before', () => {
    const keys = fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', 'Tab', 'ArrowUp', 'Backspace', 'Escape', 'Enter'), { maxLength: 60 });
    fc.assert(
      fc.property(keys, (presses) => {
        let screen = openScreen(initialState(q, fields));
        for (const key of presses) {
          const wasAsking = screen.confirmingDrop === true;
          const reaction = keyDown(context, screen, { key });
          if (reaction.kind === 'cancel') {
            expect(wasAsking && key === 'Escape').toBe(true);
            return;
          }
          if (reaction.kind === 'save' || reaction.kind === 'browser') return;
          screen = reaction.screen;
        }
      }),
    );
  });
});

describe('questions named as the paper prints them', () => {
  it('gives every question of the 2024 form a printed number, none of them an internal code', () => {
    for (const field of fields) {
      const number = printedNumber(field);
      expect(number, field.code).toBeTruthy();
      if (field.question.role !== 'satisfaction' && field.question.role !== 'expectation') expect(number).not.toBe(field.code);
    }
  });

  it('reads a field path the server names as the question, and leaves other paths alone', () => {
    expect(questionOfPath(fields, 'profile.sex')).toBe('I.1 Giới tính');
    expect(questionOfPath(fields, 'answers.willingness')).toBe('Câu 3 Ông/Bà có sẵn sàng góp ý kiến về các chính sách không?');
    expect(questionOfPath(fields, 'serial')).toBeUndefined();
    expect(questionOfPath(fields, 'answers.nothing')).toBeUndefined();
  });
});
