import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  goTo, isApplicable, KEYS, missingRequired, pressKey, typeText, type Field, type FormState, type KeyingQuestionnaire,
} from '../keying/form-state.ts';
import { useMessages } from '../messages/catalogue.ts';
import { KeyingFieldRow } from './KeyingFieldRow.tsx';

/** Keys the form takes; everything else (browser shortcuts, letters in text fields) passes through. */
const FORM_KEYS = new Set(['Enter', 'Escape', 'Tab', 'ArrowDown', 'ArrowUp', 'Backspace', KEYS.blank, KEYS.notApplicable, ',']);

/**
 * The paper form, question by question in its printed order, keyed without a mouse: digits choose,
 * 0 leaves blank, skip logic fills skipped sections as not applicable, impossible keys are refused
 * with a message, Enter saves. Keys are applied to the latest state even before the screen redraws,
 * so a fast typist never loses one.
 */
export function KeyingForm({ questionnaire, fields, initial, serial, correcting, saving, onSave, onCancel }: {
  questionnaire: KeyingQuestionnaire;
  fields: Field[];
  initial: FormState;
  serial: number;
  correcting: boolean;
  saving: boolean;
  onSave: (state: FormState) => void;
  onCancel: () => void;
}) {
  const t = useMessages();
  const [state, setState] = useState(initial);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const latest = useRef(initial);
  const confirmEarly = useRef(false);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const end = useRef<HTMLDivElement>(null);

  const apply = (next: FormState, note?: string) => {
    latest.current = next;
    setState(next);
    setMessage(note);
  };

  useLayoutEffect(() => {
    const target = state.cursor < fields.length ? inputs.current[state.cursor] : end.current;
    if (target && document.activeElement !== target) target.focus();
  }, [state.cursor, fields.length]);

  const save = () => {
    const current = latest.current;
    const missing = missingRequired(fields, current);
    if (missing.length > 0) {
      apply(goTo(fields, current, fields.indexOf(missing[0])), t.missingRequired(missing.map((f) => f.question.text).join('; ')));
      return;
    }
    const notKeyed = fields.filter((f) => isApplicable(current, f) && current.values[f.code] === undefined).length;
    if (current.cursor < fields.length && notKeyed > 0 && !confirmEarly.current) {
      confirmEarly.current = true;
      setMessage(t.confirmEarlySave(notKeyed));
      return;
    }
    onSave(current);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || saving) return;
    const current = latest.current;
    const field = fields[current.cursor];
    const inText = field?.question.type === 'text' && event.target === inputs.current[current.cursor];
    const key = event.key === ',' ? KEYS.notApplicable : event.key === 'Tab' && event.shiftKey ? 'ArrowUp' : event.key;
    if (key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (inText) {
      if (key !== 'Enter' && key !== 'Tab' && key !== 'ArrowUp' && key !== 'ArrowDown') return;
      event.preventDefault();
      const typed = typeText(questionnaire, fields, current, (event.target as HTMLInputElement).value, key !== 'ArrowUp');
      apply(key === 'ArrowUp' ? pressKey(questionnaire, fields, typed, 'ArrowUp').state : typed);
      return;
    }
    if (!FORM_KEYS.has(event.key) && !/^[1-9]$/.test(key)) {
      if (key.length === 1) {
        event.preventDefault();
        setMessage(field ? t.refusedKey(key, field.options.length) : t.endOfForm);
      }
      return;
    }
    event.preventDefault();
    if (key !== 'Enter') confirmEarly.current = false;
    const outcome = pressKey(questionnaire, fields, current, key);
    if (outcome.error === 'save') save();
    else if (outcome.error === 'not_an_option') setMessage(field ? t.refusedKey(key, field.options.length) : t.endOfForm);
    else if (outcome.error === 'field_applies') setMessage(t.fieldApplies);
    else apply(outcome.state, outcome.state.cursor >= fields.length ? t.endOfForm : undefined);
  };

  let section = '';
  return (
    <div class="keying-form" onKeyDown={onKeyDown} data-serial={serial}>
      <h2 class="form-heading">{t.formHeading(serial)}</h2>
      {correcting && <p class="notice">{t.correcting}</p>}
      <p class="keys-legend">{t.keysLegend}</p>
      <p class={message ? 'keying-message' : 'visually-hidden'} role="alert" data-message>{message ?? ''}</p>
      {fields.map((field, index) => {
        const heading = field.section !== section ? <h3 class="keying-section" key={`h-${field.section}`}>{field.section}</h3> : null;
        section = field.section;
        return [
          heading,
          <KeyingFieldRow
            key={field.code} field={field} index={index} cell={state.values[field.code]} current={index === state.cursor}
            inputRef={(el: HTMLInputElement | null) => { inputs.current[index] = el; }}
            onFocusField={(i) => { if (i !== latest.current.cursor) apply(goTo(fields, latest.current, i)); }}
          />,
        ];
      })}
      <div ref={end} tabIndex={0} class={`keying-end${state.cursor >= fields.length ? ' current' : ''}`}>{t.endOfForm}</div>
      <p class="row">
        <button type="button" class="button primary" disabled={saving} onClick={save}>{t.saveForm}</button>
        <button type="button" class="button" onClick={onCancel}>{t.cancelForm}</button>
      </p>
    </div>
  );
}
