import { useState } from 'preact/hooks';
import type { Mapping, MappingBody } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** The old → new mappings from or to one unit: add one, remove one (each audited). */
export function UnitMappings({ code }: { code: string }) {
  const t = useMessages();
  const { api } = useStaff();
  const mappings = useLoad(() => api.get<Mapping[]>(`/locality-mappings?code=${encodeURIComponent(code)}`), [code]);
  const [form, setForm] = useState({ oldCode: code, newCode: '', effectiveFrom: '2025-07-01' });
  const action = useAction();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const add = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await api.send<Mapping>('POST', '/locality-mappings', form satisfies MappingBody);
      mappings.reload();
      return t.mappingSaved(form.oldCode, form.newCode);
    });
  };
  const remove = (m: Mapping) =>
    action.run(async () => {
      await api.send('DELETE', `/locality-mappings/${encodeURIComponent(m.oldCode)}/${encodeURIComponent(m.newCode)}`);
      mappings.reload();
      return t.mappingRemoved(m.oldCode, m.newCode);
    });
  return (
    <form class="panel stack" onSubmit={add} aria-labelledby="mappings-title">
      <h2 id="mappings-title">{t.mappingsOf(code)}</h2>
      {mappings.data && mappings.data.length > 0 && (
        <ul>
          {mappings.data.map((m) => (
            <li key={`${m.oldCode}-${m.newCode}`} data-mapping={`${m.oldCode}-${m.newCode}`}>
              {m.oldCode} → {m.newCode} ({m.effectiveFrom}){' '}
              <button type="button" class="button small" disabled={action.busy} onClick={() => void remove(m)}>
                {t.removeMapping}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <label>
          <span>{t.oldCode}</span>
          <input name="mapping-old" required maxLength={16} value={form.oldCode} onInput={set('oldCode')} />
        </label>
        <label>
          <span>{t.newCode}</span>
          <input name="mapping-new" required maxLength={16} value={form.newCode} onInput={set('newCode')} />
        </label>
        <label>
          <span>{t.effectiveFrom}</span>
          <input name="mapping-from" type="date" required value={form.effectiveFrom} onInput={set('effectiveFrom')} />
        </label>
      </div>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.addMapping}
        </button>
      </div>
    </form>
  );
}
