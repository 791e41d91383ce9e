/**
 * What a keyer can do to the keying screen, as data: keys (digits, ".", ",", Tab, Shift+Tab, ↓, ↑,
 * Backspace, Enter, Esc), characters typed into text fields (Vietnamese with its diacritics, as
 * composed letters and as combining marks an input method sends), pasted text, clicks on fields
 * and on the save button. `playStroke` runs one through the screen's own pure code
 * (survey-ui/src/staff/keying/keyboard.ts) with the browser's part — a text box takes characters and
 * Backspace, up to its maxLength — done as the browser does it; the browser test plays the same
 * strokes on the real screen.
 */
import fc from 'fast-check';
import { fieldDisplay, formatValue } from '../../survey-ui/src/staff/keying/format.ts';
import type { Field, FormState } from '../../survey-ui/src/staff/keying/form-state.ts';
import { fieldChosen, inTextField, keyDown, requestSave, textTyped, type KeyingContext, type Screen } from '../../survey-ui/src/staff/keying/keyboard.ts';
import type { AnswerValue } from '../../analysis/questionnaire/skip.ts';

export type Stroke =
  | { kind: 'key'; key: string; shiftKey?: boolean }
  | { kind: 'paste'; text: string }
  | { kind: 'click'; field: number }
  | { kind: 'save-button' };

/** Letters a keyer types in free text: Vietnamese precomposed, ASCII, digits, spaces, punctuation. */
export const vietnameseLetters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠÂÊÔĂÁẾỆỒỮ'];
const asciiAndPunctuation = [...'abcxyzABCXYZ0123456789 .,;:-/()\'"?!%&'];
/** Combining marks, sent one by one (NFD) as some input methods do. */
const combiningMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b'];

const character = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...vietnameseLetters) },
  { weight: 3, arbitrary: fc.constantFrom(...asciiAndPunctuation) },
  { weight: 1, arbitrary: fc.constantFrom(...combiningMarks) },
);

/** Keys mostly forward, as keying goes, so that sequences reach the end of the form as well as its start. */
const formKey = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9') },
  { weight: 6, arbitrary: fc.constantFrom('0', 'Tab', 'ArrowDown') },
  { weight: 3, arbitrary: fc.constantFrom('.', ',', 'ArrowUp', 'Backspace') },
  { weight: 1, arbitrary: fc.constant('Enter') },
);

export function strokes(fieldCount: number, { escape = true, maxLength = 250 } = {}): fc.Arbitrary<Stroke[]> {
  const stroke: fc.Arbitrary<Stroke> = fc.oneof(
    { weight: 3000, arbitrary: formKey.map((key) => ({ kind: 'key' as const, key })) },
    { weight: 1200, arbitrary: character.map((key) => ({ kind: 'key' as const, key })) },
    { weight: 200, arbitrary: fc.constant({ kind: 'key' as const, key: 'Tab', shiftKey: true }) },
    {
      weight: 100,
      arbitrary: fc.string({ unit: fc.constantFrom(...vietnameseLetters, ' '), minLength: 1, maxLength: 30 }).map((text) => ({ kind: 'paste' as const, text })),
    },
    { weight: 100, arbitrary: fc.nat({ max: fieldCount - 1 }).map((field) => ({ kind: 'click' as const, field })) },
    // Saving or dropping the form ends it: rare, so that most sequences go far into the form.
    { weight: 5, arbitrary: fc.constant({ kind: 'save-button' as const }) },
    { weight: escape ? 1 : 0, arbitrary: fc.constant({ kind: 'key' as const, key: 'Escape' }) },
  );
  // Long sequences: a form has some eighty fields, and fast-check's default size would stay near its start.
  return fc.array(stroke, { maxLength, size: 'max' });
}

/** What the keyer sees on the screen, per field: the content of its box. */
export type Shown = Record<string, string>;

export const words = { vi: { notApplicable: 'Không áp dụng', blank: 'Để trống' }, en: { notApplicable: 'Not applicable', blank: 'Blank' } };

export function shownOn(context: KeyingContext, form: FormState, labels: { notApplicable: string; blank: string }): Shown {
  return Object.fromEntries(context.fields.map((f) => [f.code, fieldDisplay(context.fields, form, f, labels).value]));
}

/** A text box takes typed characters and Backspace (at its end, where the caret is), up to maxLength UTF-16 units. */
function typedInto(field: Field, text: string, stroke: Stroke): string {
  const room = (field.question.maxLength ?? 2000) - text.length;
  if (stroke.kind === 'paste') return text + [...stroke.text].filter((_, k, all) => all.slice(0, k + 1).join('').length <= room).join('');
  if (stroke.kind !== 'key') return text;
  if (stroke.key === 'Backspace') return [...text].slice(0, -1).join('');
  return stroke.key.length <= 2 && [...stroke.key].length === 1 && stroke.key.length <= room ? text + stroke.key : text;
}

export type Played = { screen: Screen; saved?: FormState; cancelled?: boolean };

/** One stroke on the screen: the form's reaction, and the browser's where the form leaves the key to it. */
export function playStroke(context: KeyingContext, screen: Screen, stroke: Stroke): Played {
  if (stroke.kind === 'click') return { screen: fieldChosen(context, screen, stroke.field) };
  const reaction =
    stroke.kind === 'save-button'
      ? requestSave(context, screen)
      : stroke.kind === 'paste'
        ? { kind: 'browser' as const }
        : keyDown(context, screen, { key: stroke.key, shiftKey: stroke.shiftKey });
  if (reaction.kind === 'cancel') return { screen, cancelled: true };
  if (reaction.kind === 'save') return { screen: reaction.screen, saved: reaction.screen.form };
  if (reaction.kind === 'screen') return { screen: reaction.screen };
  if (!inTextField(context, screen)) return { screen };
  const field = context.fields[screen.form.cursor];
  const before = fieldDisplay(context.fields, screen.form, field, words.vi).value;
  const after = typedInto(field, before, stroke);
  return { screen: after === before ? screen : textTyped(context, screen, after) };
}

/**
 * How a keyer finishes a form whatever state it is in: Enter until it saves; a required field the
 * form asks for is keyed blank (0), as a keyer does for a question the paper leaves empty.
 */
export function finishStrokes(context: KeyingContext, screen: Screen): { strokes: Stroke[]; played: Played } {
  const done: Stroke[] = [];
  let played: Played = { screen };
  for (let k = 0; k < context.fields.length * 3 && !played.saved; k++) {
    const stroke: Stroke = played.screen.note?.kind === 'missing_required' ? { kind: 'key', key: '0' } : { kind: 'key', key: 'Enter' };
    done.push(stroke);
    played = playStroke(context, played.screen, stroke);
  }
  return { strokes: done, played };
}

/**
 * Whether a box showing `shown` tells the keyer that the stored answer is `stored`: an option box
 * shows the chosen options ("2 · Nữ"), a text box the text itself; an answer not stored shows as an
 * empty box or as the words for blank and not applicable, and never as text in a text box.
 */
export function showsStored(field: Field, shown: string, stored: AnswerValue | undefined, labels: { notApplicable: string; blank: string }): boolean {
  if (field.question.type === 'text') return stored === undefined ? shown === '' : shown === stored;
  if (stored === undefined) return shown === '' || shown === labels.notApplicable || shown === labels.blank;
  return shown === formatValue(field, stored, '');
}
