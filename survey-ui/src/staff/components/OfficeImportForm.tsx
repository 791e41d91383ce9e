import { useRef } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import type { OfficesImported } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { ImportProblems } from './ImportProblems.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template to download and a list of offices to import: all rows or none, every problem listed. */
export function OfficeImportForm({ onImported }: { onImported: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
    const ok = await action.run(async () => {
      const result = await api.upload<OfficesImported>('/offices/imports', file, type);
      return t.officesImported(result.added, result.updated, result.unchanged);
    });
    if (ok) onImported();
  };
  const problems = action.error instanceof ApiError ? action.error.problems : [];
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="offices-import-title">
      <h2 id="offices-import-title">{t.officesImportTitle}</h2>
      <p>{t.officesImportIntro}</p>
      <p class="row">
        <a class="button" href="/api/offices/template?format=xlsx" download>
          {t.downloadXlsx}
        </a>
        <a class="button" href="/api/offices/template?format=csv" download>
          {t.downloadCsv}
        </a>
      </p>
      <label>
        <span>{t.file}</span>
        <input ref={input} name="offices-file" type="file" required accept=".csv,.xlsx,text/csv" />
      </label>
      <ErrorNotice error={action.error} />
      <ImportProblems problems={problems} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.officesImportButton}
        </button>
      </div>
    </form>
  );
}
