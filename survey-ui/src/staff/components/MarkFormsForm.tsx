import { useState } from 'preact/hooks';
import type { Changed, MarkFormsBody, Round } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const MARKS = ['returned', 'spoiled', 'unreturned'] as const;

/** Record which forms came back, which are spoiled, and which never returned. */
export function MarkFormsForm({ round }: { round: Round }) {
  const t = useMessages();
  const { api } = useStaff();
  const [serials, setSerials] = useState('');
  const [status, setStatus] = useState<(typeof MARKS)[number]>('returned');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const body: MarkFormsBody = { serials, status };
      const result = await api.send<Changed>('POST', `/rounds/${encodeURIComponent(round.code)}/paper-forms/status`, body);
      return t.marked(result.changed);
    });
    if (ok) setSerials('');
  };
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="mark-title">
      <h2 id="mark-title">{t.markTitle}</h2>
      <div class="row">
        <label>
          <span>{t.serials}</span>
          <input name="mark-serials" required value={serials} onInput={(e) => setSerials(e.currentTarget.value)} aria-describedby="mark-serials-hint" />
        </label>
        <label>
          <span>{t.markAs}</span>
          <select name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value as (typeof MARKS)[number])}>
            {MARKS.map((m) => (
              <option key={m} value={m}>
                {t.statuses[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="mark-serials-hint" class="hint">
        {t.serialsHint}
      </p>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.mark}
        </button>
      </div>
    </form>
  );
}
