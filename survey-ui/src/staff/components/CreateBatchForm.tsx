import { useState } from 'preact/hooks';
import type { NewBatch, NewBatchBody, Progress, Round, StaffUser } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const collator = new Intl.Collator('vi');

/** Group returned forms into a batch for two different keyers, and optionally a third to reconcile. */
export function CreateBatchForm({ round, onCreated }: { round: Round; onCreated: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const users = useLoad(() => api.get<StaffUser[]>('/users'), []);
  const waiting = useLoad(() => api.get<Progress>(`/rounds/${encodeURIComponent(round.code)}/paper-progress`), [round.code]);
  const [form, setForm] = useState({ code: '', serials: '', first: '', second: '', reconciler: '' });
  const action = useAction();
  const keyers = (users.data ?? []).filter((u) => u.role === 'keyer' && u.active).sort((a, b) => collator.compare(a.displayName, b.displayName));
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const body: NewBatchBody = {
        code: form.code,
        serials: form.serials,
        firstKeyerId: Number(form.first),
        secondKeyerId: Number(form.second),
        ...(form.reconciler ? { reconcilerId: Number(form.reconciler) } : {}),
      };
      const batch = await api.send<NewBatch>('POST', `/rounds/${encodeURIComponent(round.code)}/batches`, body);
      return t.batchCreated(batch.code);
    });
    if (ok) {
      setForm({ ...form, code: '', serials: '' });
      waiting.reload();
      onCreated();
    }
  };
  const keyerSelect = (name: 'first' | 'second' | 'reconciler', label: string, optional: boolean) => (
    <label>
      <span>{label}</span>
      <select name={name} required={!optional} value={form[name]} onChange={set(name)}>
        <option value="">{optional ? t.nobody : t.chooseKeyer}</option>
        {keyers.map((k) => (
          <option key={k.id} value={String(k.id)}>
            {k.displayName} ({k.username})
          </option>
        ))}
      </select>
    </label>
  );
  const list = waiting.data?.returnedNotBatched ?? '';

  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="create-batch-title">
      <h2 id="create-batch-title">{t.createBatchTitle}</h2>
      {waiting.data && (
        <p class="waiting">
          {list ? t.waitingForBatch(list) : t.noneWaitingForBatch}{' '}
          {list && (
            <button type="button" class="button small" onClick={() => setForm({ ...form, serials: list })}>
              {t.useThese}
            </button>
          )}
        </p>
      )}
      <div class="row">
        <label>
          <span>{t.batchCode}</span>
          <input name="batch-code" required value={form.code} onInput={set('code')} />
        </label>
        <label>
          <span>{t.serials}</span>
          <input name="batch-serials" required value={form.serials} onInput={set('serials')} aria-describedby="batch-serials-hint" />
        </label>
      </div>
      <p id="batch-serials-hint" class="hint">
        {t.serialsHint}
      </p>
      <div class="row">
        {keyerSelect('first', t.firstKeyer, false)}
        {keyerSelect('second', t.secondKeyer, false)}
        {keyerSelect('reconciler', t.reconcilerOptional, true)}
      </div>
      <ErrorNotice error={users.error ?? action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.createBatch}
        </button>
      </div>
    </form>
  );
}
