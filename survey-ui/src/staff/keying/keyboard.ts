/**
 * The keying screen's keyboard as a pure function of what the screen holds: which keys the form
 * takes, what each one does, what the keyer is told, and when the form is to be saved. The
 * component only forwards key presses, the text of a text field and clicks on fields, so every
 * sequence of keys a keyer can make runs through this same code in the tests.
 */
import type { Messages } from '../messages/catalogue.ts';
import {
  commitDraft,
  editText,
  goTo,
  isApplicable,
  KEYS,
  missingRequired,
  pressKey,
  textOf,
  typeText,
  type Field,
  type FormState,
  type KeyingQuestionnaire,
} from './form-state.ts';
import { questionLabel } from './printed-number.ts';

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** What the keyer is told under the form's heading. */
export type Note =
  | { kind: 'refused_key'; key: string; options: number; question: string }
  | { kind: 'field_applies' }
  | { kind: 'end_of_form' }
  | { kind: 'missing_required'; labels: string[] }
  | { kind: 'confirm_early_save'; notKeyed: number }
  | { kind: 'confirm_drop' };

export interface Screen {
  form: FormState;
  note?: Note;
  /** Enter was pressed once before the end with fields not keyed: a second Enter saves. */
  confirmingSave: boolean;
  /** Esc (or the drop button) asked whether to drop the form: Esc again drops it, Enter or any other key keeps keying. */
  confirmingDrop?: boolean;
}

export type Reaction =
  /** Not the form's key: the browser does what it does (typing into a text field, shortcuts). */
  | { kind: 'browser' }
  | { kind: 'screen'; screen: Screen }
  /** Send `entryPayload(fields, screen.form)`. */
  | { kind: 'save'; screen: Screen }
  | { kind: 'cancel' };

export interface KeyingContext {
  questionnaire: KeyingQuestionnaire;
  fields: Field[];
}

const FORM_KEYS = new Set(['Enter', 'Escape', 'Tab', 'ArrowDown', 'ArrowUp', 'Backspace', KEYS.blank, KEYS.notApplicable, ',']);
const TEXT_FIELD_KEYS = new Set(['Enter', 'Tab', 'ArrowUp', 'ArrowDown']);

export function openScreen(form: FormState): Screen {
  return { form, confirmingSave: false };
}

/** Whether the keyboard is in a text box: the current field is free text (where the browser types). */
export function inTextField({ fields }: KeyingContext, screen: Screen): boolean {
  return fields[screen.form.cursor]?.question.type === 'text';
}

/**
 * Enter (or the save button): refused while a required field was never keyed (the cursor goes
 * there); asked once more while fields before the end were not keyed; otherwise the form is saved.
 */
export function requestSave({ questionnaire, fields }: KeyingContext, screen: Screen): Reaction {
  const form = commitDraft(questionnaire, fields, screen.form);
  const missing = missingRequired(fields, form);
  if (missing.length > 0) {
    const at = goTo(questionnaire, fields, form, fields.indexOf(missing[0]));
    return { kind: 'screen', screen: { form: at, confirmingSave: false, note: { kind: 'missing_required', labels: missing.map(questionLabel) } } };
  }
  const notKeyed = fields.filter((f) => isApplicable(form, f) && form.values[f.code] === undefined).length;
  if (form.cursor < fields.length && notKeyed > 0 && !screen.confirmingSave) {
    return { kind: 'screen', screen: { form, confirmingSave: true, note: { kind: 'confirm_early_save', notKeyed } } };
  }
  return { kind: 'save', screen: { form, confirmingSave: false } };
}

/**
 * One key pressed on the form. In a text field the browser types (letters, digits, ".", Backspace)
 * and the field's text arrives through `textTyped`; Tab, Enter and ↓ take the text and move on, ↑
 * takes it and goes back. Elsewhere: 1–9 choose, 0 leaves blank, "." (or ",") marks not applicable
 * where skip logic allows it, Tab/↓ and Shift+Tab/↑/Backspace move, Enter saves, Esc drops the form.
 */
export function keyDown(context: KeyingContext, screen: Screen, press: KeyPress): Reaction {
  const { questionnaire, fields } = context;
  if (press.ctrlKey || press.metaKey || press.altKey) return { kind: 'browser' };
  const form = screen.form;
  const field = fields[form.cursor];
  const key = press.key === ',' ? KEYS.notApplicable : press.key === 'Tab' && press.shiftKey ? 'ArrowUp' : press.key;
  if (screen.confirmingDrop) {
    if (key === 'Escape') return { kind: 'cancel' };
    // Enter answers "keep keying"; any other key does too, and then does what it always does.
    const kept: Screen = { form, confirmingSave: false };
    return key === 'Enter' ? { kind: 'screen', screen: kept } : keyDown(context, kept, press);
  }
  if (key === 'Escape') return { kind: 'screen', screen: askToDrop(screen) };

  if (inTextField(context, screen)) {
    if (!TEXT_FIELD_KEYS.has(key)) return { kind: 'browser' };
    const taken = typeText(questionnaire, fields, form, textOf(fields, form, field), key !== 'ArrowUp');
    // Enter on the last field to key is the end of the form: it saves, as Enter there always does.
    if (key === 'Enter' && taken.cursor >= fields.length) return requestSave(context, { form: taken, confirmingSave: false });
    const moved = key === 'ArrowUp' ? pressKey(questionnaire, fields, taken, 'ArrowUp').state : taken;
    return { kind: 'screen', screen: { form: moved, confirmingSave: false, note: moved.cursor >= fields.length ? { kind: 'end_of_form' } : undefined } };
  }

  const refused = (): Note => (field ? { kind: 'refused_key', key, options: field.options.length, question: questionLabel(field) } : { kind: 'end_of_form' });
  if (!FORM_KEYS.has(press.key) && !/^[1-9]$/.test(key)) {
    // Any other character is refused on the spot rather than typed into the read-only box.
    return key.length === 1 ? { kind: 'screen', screen: { ...screen, note: refused() } } : { kind: 'browser' };
  }
  const confirming = key === 'Enter' && screen.confirmingSave;
  const outcome = pressKey(questionnaire, fields, form, key);
  if (outcome.error === 'save') return requestSave(context, { form: outcome.state, confirmingSave: confirming });
  if (outcome.error === 'not_an_option') return { kind: 'screen', screen: { form: outcome.state, confirmingSave: false, note: refused() } };
  if (outcome.error === 'field_applies') return { kind: 'screen', screen: { form: outcome.state, confirmingSave: false, note: { kind: 'field_applies' } } };
  const next = outcome.state;
  return { kind: 'screen', screen: { form: next, confirmingSave: false, note: next.cursor >= fields.length ? { kind: 'end_of_form' } : undefined } };
}

/** Esc never drops a form at once: the screen asks, and the keyboard answers. */
export function askToDrop(screen: Screen): Screen {
  return { form: screen.form, confirmingSave: false, confirmingDrop: true, note: { kind: 'confirm_drop' } };
}

/** The text box of the current field now holds `text` (typed, deleted, pasted or composed by an input method). */
export function textTyped({ fields }: KeyingContext, screen: Screen, text: string): Screen {
  const form = editText(fields, screen.form, text);
  return form === screen.form ? screen : { ...screen, form };
}

/** A click (or the focus) on a field moves the cursor there, taking the text being typed first. */
export function fieldChosen({ questionnaire, fields }: KeyingContext, screen: Screen, index: number): Screen {
  if (index === screen.form.cursor) return screen;
  return { form: goTo(questionnaire, fields, screen.form, index), confirmingSave: false };
}

/** The note in the keyer's language. */
export function noteText(t: Messages, note: Note): string {
  switch (note.kind) {
    case 'refused_key':
      return t.refusedKey(note.key, note.options, note.question);
    case 'field_applies':
      return t.fieldApplies;
    case 'end_of_form':
      return t.endOfForm;
    case 'missing_required':
      return t.missingRequired(note.labels.join('; '));
    case 'confirm_early_save':
      return t.confirmEarlySave(note.notKeyed);
    case 'confirm_drop':
      return t.confirmDrop;
  }
}
