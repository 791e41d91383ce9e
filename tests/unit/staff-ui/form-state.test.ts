import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import {
  entryPayload,
  initialState,
  keyingFields,
  missingRequired,
  pressKey,
  stateFromEntry,
  typeText,
  type Field,
  type FormState,
  type KeyingQuestionnaire,
} from '../../../survey-ui/src/staff/keying/form-state.ts';

const def = seededQuestionnaire('2024')!;
const q = localizeQuestionnaire(def, 'vi') as unknown as KeyingQuestionnaire;
const fields = keyingFields(q);
const at = (state: FormState) => fields[state.cursor]?.code;
const press = (state: FormState, ...keys: string[]) => keys.reduce((s, k) => pressKey(q, fields, s, k).state, state);

/**
 * Keys each field with `keysFor(field)` until the cursor reaches `code`. Bounded by the number of
 * fields, so a cursor that stops moving or skips past `code` fails the test instead of hanging it.
 */
function keyUntil(state: FormState, code: string, keysFor: (field: Field) => string[]): FormState {
  let s = state;
  for (let step = 0; step <= fields.length && at(s) !== code && s.cursor < fields.length; step++) s = press(s, ...keysFor(fields[s.cursor]));
  expect(at(s), `keying towards ${code}`).toBe(code);
  return s;
}
const blankUntil = (state: FormState, code: string) => keyUntil(state, code, () => ['0']);
/** "4" where the field's scale has a fourth option, else "1"; a multiple choice is then left with Tab. */
const fourOrFirst = (field: Field) => {
  const key = field.options.some((o) => o.key === '4') ? '4' : '1';
  return field.question.type === 'multi' ? [key, 'Tab'] : [key];
};

describe('keyboard keying of a paper form', () => {
  it('lays fields out in the order of the paper form, starting with the profile', () => {
    expect(fields.slice(0, 3).map((f) => f.code)).toEqual(['sex', 'age_group', 'ethnicity']);
    expect(fields.filter((f) => f.question.role === 'satisfaction')).toHaveLength(33);
  });

  it('chooses options by their position and moves on, skipping hidden fields', () => {
    let s = initialState(q, fields);
    s = press(s, '1', '3', '1');
    expect(s.values.sex).toEqual({ kind: 'value', value: 'nam' });
    expect(s.values.age_group).toEqual({ kind: 'value', value: '35_49' });
    expect(at(s)).toBe('education'); // ethnicity_other is hidden for Kinh
    expect(s.values.ethnicity_other).toEqual({ kind: 'na' });
  });

  it('fills the service part as not applicable when no procedure was made, and skips it', () => {
    let s = blankUntil(initialState(q, fields), 'had_procedure');
    s = press(s, '2');
    expect(s.values.B1_1).toEqual({ kind: 'na' });
    expect(s.values.made_feedback).toEqual({ kind: 'na' });
    s = blankUntil(s, 'A4_2');
    s = press(s, '5');
    expect(s.values.harassment).toEqual({ kind: 'na' });
    expect(at(s)).toBe('prefer_submit');
  });

  it('opens the service part again, blank, when the keyer goes back and corrects the screening answer', () => {
    let s = blankUntil(initialState(q, fields), 'had_procedure');
    s = press(s, '2', 'Backspace');
    expect(at(s)).toBe('had_procedure');
    s = press(s, '1');
    expect(at(s)).toBe('made_feedback');
    expect(s.values.B1_1).toBeUndefined();
    expect(fields.filter((f) => f.section === fields.find((x) => x.code === 'B1_1')!.section).every((f) => s.values[f.code]?.kind !== 'na')).toBe(true);
  });

  it('refuses a key that is not an option, and "not applicable" on a field that applies', () => {
    const s = initialState(q, fields);
    expect(pressKey(q, fields, s, '7').error).toBe('not_an_option');
    expect(pressKey(q, fields, s, '.').error).toBe('field_applies');
    expect(pressKey(q, fields, s, '7').state).toBe(s);
  });

  it('refuses a 4 on a three-option question and stays on it', () => {
    const s = blankUntil(initialState(q, fields), 'interest_A3_1');
    const outcome = pressKey(q, fields, s, '4');
    expect(outcome.error).toBe('not_an_option');
    expect(at(outcome.state)).toBe('interest_A3_1');
  });

  it('toggles multiple choices and leaves them with Tab', () => {
    let s = blankUntil(initialState(q, fields), 'info_channels');
    s = press(s, '1', '6', '1', '6', '6');
    expect(s.values.info_channels).toEqual({ kind: 'value', value: ['internet'] });
    s = press(s, 'Tab');
    expect(at(s)).toBe('willingness');
  });

  it('keys the same ticks of a multiple choice as the same answer, in the order of the scale, as the phone sends them', () => {
    const start = blankUntil(initialState(q, fields), 'info_channels');
    const one = press(start, '6', '1', '3');
    const other = press(start, '3', '6', '1');
    expect(one.values.info_channels).toEqual(other.values.info_channels);
    const order = fields.find((f) => f.code === 'info_channels')!.options.map((o) => o.value);
    const keyed = (one.values.info_channels as { value: string[] }).value;
    expect(keyed).toEqual(order.filter((v) => keyed.includes(v as string)));
  });

  it('goes back with Backspace, never before the first field, and asks to save with Enter', () => {
    let s = press(initialState(q, fields), '1');
    s = press(s, 'Backspace');
    expect(at(s)).toBe('sex');
    expect(at(press(s, 'Backspace', 'ArrowUp'))).toBe('sex');
    expect(pressKey(q, fields, s, 'Enter').error).toBe('save');
  });

  it('names the required fields never keyed, and accepts one keyed blank because the paper left it blank', () => {
    let s = press(initialState(q, fields), '2');
    expect(missingRequired(fields, s).map((f) => f.code)).toEqual(['age_group', 'had_procedure']);
    s = blankUntil(s, 'had_procedure');
    expect(s.values.age_group).toEqual({ kind: 'blank' });
    s = press(s, '1');
    expect(missingRequired(fields, s).map((f) => f.code)).toEqual(['made_feedback']);
  });

  it('builds an entry the answers schema accepts, and reads one back', () => {
    let s = initialState(q, fields);
    s = press(s, '2', '1');
    s = blankUntil(s, 'had_procedure');
    s = press(s, '1', '2');
    s = keyUntil(s, 'comment', fourOrFirst);
    s = typeText(q, fields, s, '  Tốt  ', true);
    expect(s.cursor).toBe(fields.length);
    const entry = entryPayload(fields, s);
    expect(entry.profile).toEqual({ sex: 'nu', age_group: '18_25' });
    expect(entry.answers).toMatchObject({ had_procedure: 'yes', made_feedback: 'no', interest_A3_1: 'khong', A1_1: 4, B4_3: 4, comment: 'Tốt' });
    expect(entry.answers.B5_1).toBeUndefined();
    expect(answersSchema(def).safeParse(entry).success).toBe(true);
    expect(entryPayload(fields, stateFromEntry(q, fields, entry))).toEqual(entry);
  });

  it('whatever keys are pressed, the entry never answers a skipped question nor leaves the scale', () => {
    const keys = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'Tab', 'ArrowDown', 'ArrowUp', 'Backspace');
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 300 }), (sequence) => {
        const s = press(initialState(q, fields), ...sequence);
        expect(s.cursor).toBeGreaterThanOrEqual(0);
        expect(s.cursor).toBeLessThanOrEqual(fields.length);
        const parsed = answersSchema(def).safeParse(entryPayload(fields, s));
        const reasons = parsed.success ? [] : parsed.error.issues.map((i) => (i.code === 'custom' ? i.params?.reason : i.code));
        expect(reasons.filter((r) => r !== 'required')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
