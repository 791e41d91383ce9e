import { useState } from 'preact/hooks';
import type { CreateLocalityBody, Unit, UnitLevel } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const LEVELS: UnitLevel[] = ['commune', 'district', 'province', 'village'];

/** A new administrative unit, or the name, parent and validity of one stored (`unit` given). */
export function UnitForm({ unit, parentCode, onSaved }: { unit?: Unit; parentCode?: string; onSaved: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const start = {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    level: unit?.level ?? ('commune' as UnitLevel),
    parentCode: unit?.parentCode ?? parentCode ?? '',
    validFrom: unit?.validFrom ?? '2025-07-01',
    validTo: unit?.validTo ?? '',
  };
  const [form, setForm] = useState(start);
  const action = useAction();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = { name: form.name, parentCode: form.parentCode || null, validFrom: form.validFrom, validTo: form.validTo || null };
    const ok = await action.run(async () => {
      if (unit) await api.send<Unit>('PATCH', `/localities/${encodeURIComponent(unit.code)}`, fields);
      else await api.send<Unit>('POST', '/localities', { ...fields, code: form.code, level: form.level } satisfies CreateLocalityBody);
      return t.unitSaved(form.name);
    });
    if (ok) onSaved();
  };
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">{unit ? t.editUnitTitle(unit.code) : t.addUnitTitle}</h2>
      <div class="row">
        {!unit && (
          <label>
            <span>{t.unitCode}</span>
            <input name="unit-code" required maxLength={16} value={form.code} onInput={set('code')} autocomplete="off" />
          </label>
        )}
        <label>
          <span>{t.unitName}</span>
          <input name="unit-name" required maxLength={200} value={form.name} onInput={set('name')} />
        </label>
        {!unit && (
          <label>
            <span>{t.unitLevel}</span>
            <select name="unit-level" value={form.level} onChange={set('level')}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t.unitLevels[level]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t.unitParent}</span>
          <input name="unit-parent" maxLength={16} value={form.parentCode} onInput={set('parentCode')} />
        </label>
        <label>
          <span>{t.validFrom}</span>
          <input name="unit-valid-from" type="date" required value={form.validFrom} onInput={set('validFrom')} />
        </label>
        <label>
          <span>{t.validTo}</span>
          <input name="unit-valid-to" type="date" value={form.validTo} onInput={set('validTo')} />
        </label>
      </div>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {unit ? t.saveOffice : t.addUnit}
        </button>
      </div>
    </form>
  );
}
