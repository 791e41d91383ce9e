import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Field, FormState, KeyingQuestionnaire } from '../keying/form-state.ts';
import { askToDrop, fieldChosen, keyDown, noteText, openScreen, requestSave, textTyped, type Reaction, type Screen } from '../keying/keyboard.ts';
import { useMessages } from '../messages/catalogue.ts';
import { KeyingFieldRow } from './KeyingFieldRow.tsx';

/**
 * The paper form, question by question in its printed order, keyed without a mouse: digits choose,
 * 0 leaves blank, skip logic fills skipped sections as not applicable, impossible keys are refused
 * with a message, Enter saves (keyboard/keyboard.ts decides what each key does). Keys are applied
 * to the latest state even before the screen redraws, so a fast typist never loses one.
 */
export function KeyingForm({
  questionnaire,
  fields,
  initial,
  serial,
  commune,
  correcting,
  saving,
  onSave,
  onCancel,
  onChange,
  restored = false,
}: {
  questionnaire: KeyingQuestionnaire;
  fields: Field[];
  initial: FormState;
  serial: number;
  /** The commune the form was filled in, as issued: the keyer checks it against the paper. */
  commune: string;
  correcting: boolean;
  saving: boolean;
  onSave: (state: FormState) => void;
  onCancel: () => void;
  /** Every change of what is keyed, so that the page can keep a draft that survives a reload. */
  onChange?: (state: FormState) => void;
  /** The form was opened from a draft kept on this computer. */
  restored?: boolean;
}) {
  const t = useMessages();
  const context = { questionnaire, fields };
  const [screen, setScreen] = useState(() => openScreen(initial));
  const latest = useRef(screen);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const end = useRef<HTMLDivElement>(null);
  const state = screen.form;

  const show = (next: Screen) => {
    if (next.form !== latest.current.form) onChange?.(next.form);
    latest.current = next;
    setScreen(next);
  };
  const keepKeying = () => show({ form: latest.current.form, confirmingSave: false });
  const react = (reaction: Reaction) => {
    if (reaction.kind === 'cancel') onCancel();
    else if (reaction.kind === 'screen') show(reaction.screen);
    else if (reaction.kind === 'save') {
      show(reaction.screen);
      onSave(reaction.screen.form);
    }
  };

  // The keyboard stays where the cursor is, also after a click on the save button asked to confirm:
  // keys then type into the box the screen marks as current, never into another element.
  useLayoutEffect(() => {
    const target = state.cursor < fields.length ? inputs.current[state.cursor] : end.current;
    if (target && document.activeElement !== target) target.focus();
  }, [screen, fields.length]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (saving) return;
    const reaction = keyDown(context, latest.current, event);
    if (reaction.kind === 'browser') {
      // Typing into a text box answers "keep keying" to the question whether to drop the form.
      if (latest.current.confirmingDrop) keepKeying();
      return;
    }
    event.preventDefault();
    react(reaction);
  };

  let section = '';
  const words = { notApplicable: t.cellNotApplicable, blank: t.cellBlank };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the form's fields take the keys; the wrapper only sees them bubble up (Esc, Enter)
    <div class="keying-form" onKeyDown={onKeyDown} data-serial={serial}>
      <h2 class="form-heading">{t.formHeading(serial)}</h2>
      <p class="form-commune" data-commune>
        {t.communeOfForm(commune)}
      </p>
      {correcting && <p class="notice">{t.correcting}</p>}
      {restored && <p class="notice">{t.draftRestored}</p>}
      <p class="keys-legend">{t.keysLegend}</p>
      <p class={screen.note ? 'keying-message' : 'visually-hidden'} role="alert" data-message>
        {screen.note ? noteText(t, screen.note) : ''}
      </p>
      {screen.confirmingDrop && (
        // The keyboard stays in the form's field and answers (Esc drops, Enter keeps keying); the buttons are for the mouse.
        <div class="row confirm-drop" data-confirm="drop">
          <button type="button" class="button danger" tabIndex={-1} onClick={onCancel}>
            {t.dropForm}
          </button>
          <button type="button" class="button" tabIndex={-1} onClick={keepKeying}>
            {t.keepKeying}
          </button>
        </div>
      )}
      {fields.map((field, index) => {
        const heading =
          field.section !== section ? (
            <h3 class="keying-section" key={`h-${field.section}`}>
              {field.section}
            </h3>
          ) : null;
        section = field.section;
        return [
          heading,
          <KeyingFieldRow
            key={field.code}
            fields={fields}
            state={state}
            field={field}
            index={index}
            words={words}
            inputRef={(el: HTMLInputElement | null) => {
              inputs.current[index] = el;
            }}
            onFocusField={(i) => show(fieldChosen(context, latest.current, i))}
            onText={(text) => show(textTyped(context, latest.current, text))}
          />,
        ];
      })}
      <div ref={end} tabIndex={0} class={`keying-end${state.cursor >= fields.length ? ' current' : ''}`}>
        {t.endOfForm}
      </div>
      <p class="row">
        <button type="button" class="button primary" disabled={saving} onClick={() => react(requestSave(context, latest.current))}>
          {t.saveForm}
        </button>
        <button type="button" class="button" onClick={() => show(askToDrop(latest.current))}>
          {t.cancelForm}
        </button>
      </p>
    </div>
  );
}
