import { useEffect, useRef, useState } from 'preact/hooks';
import { useMessages } from '../messages/catalogue.ts';

/**
 * The first thing keyed for each form: its serial number. Pre-filled with the next form the keyer
 * has not keyed and selected, so typing replaces it and Enter accepts it.
 */
export function SerialPrompt({ suggested, error, onSerial }: { suggested: number | undefined; error: string | undefined; onSerial: (typed: string) => void }) {
  const t = useMessages();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(suggested === undefined ? '' : String(suggested));
  useEffect(() => {
    setValue(suggested === undefined ? '' : String(suggested));
    requestAnimationFrame(() => input.current?.select());
  }, [suggested]);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      class="serial-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        onSerial(value);
      }}
    >
      <label for="serial">{t.serialLabel}</label>
      <input
        id="serial"
        ref={input}
        name="serial"
        inputMode="numeric"
        autocomplete="off"
        value={value}
        aria-describedby="serial-hint serial-error"
        aria-invalid={error ? true : undefined}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <p id="serial-hint" class="hint">
        {t.serialHint}
      </p>
      <p id="serial-error" class={error ? 'field-error' : 'visually-hidden'} role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}
