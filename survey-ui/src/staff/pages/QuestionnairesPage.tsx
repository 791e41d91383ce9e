import { useRef } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import type { QuestionnaireStored, QuestionnaireVersion } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { ImportProblems } from '../components/ImportProblems.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Questionnaire versions for admins: each with whom it asks, the rounds and responses that use it;
 * the template to start from; an upload (XLSX template or JSON) whose every problem is listed by
 * sheet, row and column; a preview as a citizen sees it; downloads as JSON or XLSX.
 */
export function QuestionnairesPage() {
  const t = useMessages();
  const { api } = useStaff();
  const versions = useLoad(() => api.get<QuestionnaireVersion[]>('/questionnaire-versions'), []);
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    // A JSON file is sent as a file (bytes), like the workbook, so that its problems are listed the same way.
    const type = /\.xlsx$/i.test(file.name) ? XLSX : 'application/octet-stream';
    await action.run(async () => {
      const stored = await api.upload<QuestionnaireStored>('/questionnaire-versions', file, type);
      versions.reload();
      return t.questionnaireStored(stored.version, stored.outcome);
    });
  };
  const problems = action.error instanceof ApiError ? action.error.problems : [];
  const base = '/api/questionnaire-versions';
  return (
    <section>
      <h1 tabIndex={-1}>{t.questionnairesTitle}</h1>
      <div class="panel stack">
        <h2>{t.questionnaireTemplateTitle}</h2>
        <p>{t.questionnaireTemplateIntro}</p>
        <p class="row">
          <a class="button" href={`${base}/template.xlsx`} download>
            {t.questionnaireTemplateDownload}
          </a>
        </p>
      </div>
      <form class="panel stack" onSubmit={submit} aria-labelledby="questionnaire-upload-title">
        <h2 id="questionnaire-upload-title">{t.questionnaireUploadTitle}</h2>
        <p>{t.questionnaireUploadIntro}</p>
        <label>
          <span>{t.file}</span>
          <input ref={input} name="file" type="file" required accept=".xlsx,.json,application/json" />
        </label>
        <ErrorNotice error={action.error} />
        <ImportProblems problems={problems} bySheet testId="questionnaire-problems" />
        <DoneNotice message={action.done} />
        <div>
          <button type="submit" class="button primary" disabled={action.busy}>
            {t.upload}
          </button>
        </div>
      </form>
      <h2>{t.questionnaireVersionsTitle}</h2>
      {!versions.data ? (
        <Loading error={versions.error} />
      ) : (
        <table data-testid="questionnaire-versions">
          <thead>
            <tr>
              <th scope="col">{t.questionnaireVersion}</th>
              <th scope="col">{t.questionnaireTitle}</th>
              <th scope="col">{t.respondentTypeCol}</th>
              <th scope="col">{t.questionnaireRounds}</th>
              <th scope="col">{t.questionnaireResponses}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <td>
                  <code>{v.version}</code>
                  {v.locked && <span class="muted"> · {t.questionnaireLocked}</span>}
                </td>
                <td>{v.title}</td>
                <td>{t.respondentTypes[v.respondentType]}</td>
                <td>{v.rounds.join(', ')}</td>
                <td>{v.responses}</td>
                <td class="row">
                  <a class="button" href={`/s/preview/${encodeURIComponent(v.version)}`} target="_blank" rel="noopener">
                    {t.questionnairePreview}
                  </a>
                  <a class="button" href={`${base}/${encodeURIComponent(v.version)}/file?format=json`} download>
                    JSON
                  </a>
                  <a class="button" href={`${base}/${encodeURIComponent(v.version)}/file?format=xlsx`} download>
                    XLSX
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
