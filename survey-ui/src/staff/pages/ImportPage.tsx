import { useRef } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { useAction } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ImportProblems } from '../components/ImportProblems.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The round's template to download, and a keyed file to import: all rows or none, every error listed. */
export function ImportPage() {
  const t = useMessages();
  const { api, round } = useStaff();
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const base = round ? `/api/rounds/${encodeURIComponent(round.code)}` : '';
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!round || !file) return;
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
    await action.run(async () => {
      const result = await api.upload<{ imported: number; unchanged: number }>(`/rounds/${encodeURIComponent(round.code)}/imports`, file, type);
      return t.imported(result.imported, result.unchanged);
    });
  };
  const problems = action.error instanceof ApiError ? action.error.problems : [];
  return (
    <section>
      <h1 tabIndex={-1}>{t.importTitle}</h1>
      {!round ? (
        <p>{t.noRounds}</p>
      ) : (
        <>
          <div class="panel stack">
            <h2>{t.templateTitle}</h2>
            <p>{t.templateIntro}</p>
            <p class="row">
              <a class="button" href={`${base}/import-template?format=xlsx`} download>
                {t.downloadXlsx}
              </a>
              <a class="button" href={`${base}/import-template?format=csv`} download>
                {t.downloadCsv}
              </a>
            </p>
          </div>
          <form class="panel stack" onSubmit={submit} aria-labelledby="upload-title">
            <h2 id="upload-title">{t.uploadTitle}</h2>
            <p>{t.allOrNothing}</p>
            <label>
              <span>{t.file}</span>
              <input ref={input} name="file" type="file" required accept=".csv,.xlsx,text/csv" />
            </label>
            <ErrorNotice error={action.error} />
            <ImportProblems problems={problems} />
            <DoneNotice message={action.done} />
            <div>
              <button type="submit" class="button primary" disabled={action.busy}>
                {t.upload}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
