import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { ImportProblems } from './ImportProblems.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV or XLSX file sent to an import route: all rows or none, every problem listed. `children` go under the intro (e.g. the template to download). */
export function TableUploadForm<T>(props: {
  id: string;
  title: string;
  intro: string;
  path: string;
  done: (result: T) => string;
  onDone: () => void;
  button?: string;
  children?: ComponentChildren;
}) {
  const t = useMessages();
  const { api } = useStaff();
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    const ok = await action.run(async () => props.done(await api.upload<T>(props.path, file, /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv')));
    if (ok) props.onDone();
  };
  const problems = action.error instanceof ApiError ? action.error.problems : [];
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p>{props.intro}</p>
      {props.children}
      <label>
        <span>{t.file}</span>
        <input ref={input} name={`${props.id}-file`} type="file" required accept=".csv,.xlsx,text/csv" />
      </label>
      <ErrorNotice error={action.error} />
      <ImportProblems problems={problems} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {props.button ?? t.upload}
        </button>
      </div>
    </form>
  );
}
