import { useState } from 'preact/hooks';
import { useMessages } from '../messages/catalogue.ts';
import { navigate } from '../routing/router.ts';
import { useStaff } from '../session/context.ts';

/** Jump to one form's state and audit trail by its serial number. */
export function FormLookup() {
  const t = useMessages();
  const { round } = useStaff();
  const [serial, setSerial] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (round && /^\d+$/.test(serial.trim())) navigate(`/staff/forms/${encodeURIComponent(round.code)}/${serial.trim()}`);
  };
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t.lookupTitle}</h2>
      <div class="row">
        <label>
          <span>{t.serial}</span>
          <input name="lookup-serial" inputMode="numeric" pattern="[0-9]+" required value={serial} onInput={(e) => setSerial(e.currentTarget.value)} />
        </label>
      </div>
      <div>
        <button type="submit" class="button">
          {t.lookup}
        </button>
      </div>
    </form>
  );
}
