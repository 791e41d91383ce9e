import { useState } from 'preact/hooks';
import type { CreateOfficeBody, Office, OfficeLevel } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

export const OFFICE_LEVELS: OfficeLevel[] = ['commune', 'province', 'district'];

/** A new office, or the name, locality and level of one already stored (`office` given). */
export function OfficeForm({ office, onSaved }: { office?: Office; onSaved: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const blank = { code: '', name: '', localityCode: '', level: 'commune' as OfficeLevel };
  const [form, setForm] = useState(office ? { code: office.code, name: office.name, localityCode: office.localityCode, level: office.level } : blank);
  const action = useAction();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      if (office) {
        const { code: _code, ...changes } = form;
        await api.send<Office>('PATCH', `/offices/${encodeURIComponent(office.code)}`, changes);
        return t.officeSaved(form.name);
      }
      await api.send<Office>('POST', '/offices', form satisfies CreateOfficeBody);
      return t.officeAdded(form.name);
    });
    if (ok) {
      if (!office) setForm({ ...blank, level: form.level, localityCode: form.localityCode });
      onSaved();
    }
  };
  const id = office ? `office-form-${office.code}` : 'office-form-new';
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{office ? t.editOfficeTitle(office.code) : t.addOfficeTitle}</h2>
      <div class="row">
        {!office && (
          <label>
            <span>{t.officeCode}</span>
            <input name="office-code" required maxLength={32} value={form.code} onInput={set('code')} autocomplete="off" />
          </label>
        )}
        <label>
          <span>{t.officeName}</span>
          <input name="office-name" required maxLength={200} value={form.name} onInput={set('name')} />
        </label>
        <label>
          <span>{t.officeLocality}</span>
          <input name="office-locality" required maxLength={16} value={form.localityCode} onInput={set('localityCode')} />
        </label>
        <label>
          <span>{t.officeLevel}</span>
          <select name="office-level" value={form.level} onChange={set('level')}>
            {OFFICE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t.officeLevels[level]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {office ? t.saveOffice : t.addOffice}
        </button>
      </div>
    </form>
  );
}
