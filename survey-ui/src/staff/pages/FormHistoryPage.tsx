import type { FormHistory } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { FormChangeList } from '../components/FormChangeList.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { loadQuestionnaire } from '../keying/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** One form: where it stands, its batch, and everything done to it, by whom and when, in words. */
export function FormHistoryPage({ round, serial }: { round: string; serial: number }) {
  const t = useMessages();
  const { api, language } = useStaff();
  const history = useLoad(() => api.get<FormHistory>(`/rounds/${encodeURIComponent(round)}/paper-forms/${serial}`), [round, serial]);
  const form = history.data;
  const version = form?.questionnaireVersion;
  const questionnaire = useLoad(() => (version ? loadQuestionnaire(api, version, language) : Promise.resolve(undefined)), [version, language]);
  return (
    <section>
      <h1 tabIndex={-1}>{t.historyTitle(serial)}</h1>
      {!form || !questionnaire.data ? (
        <Loading error={history.error ?? questionnaire.error} />
      ) : (
        <>
          <dl class="facts">
            <div>
              <dt>{t.status}</dt>
              <dd>{t.statuses[form.status]}</dd>
            </div>
            <div>
              <dt>{t.locality}</dt>
              <dd>{form.localityCode}</dd>
            </div>
            <div>
              <dt>{t.commune}</dt>
              <dd data-commune={form.communeCode ?? ''}>{form.communeCode ? `${form.communeName ?? ''} (${form.communeCode})` : t.communeUnknown}</dd>
            </div>
            {form.batch && (
              <div>
                <dt>{t.batch}</dt>
                <dd>
                  <Link href={`/staff/batches/${form.batch.id}`}>{form.batch.code}</Link>
                </dd>
              </div>
            )}
            {form.responseId && (
              <div>
                <dt>{t.responseId}</dt>
                <dd>
                  <code>{form.responseId}</code>
                </dd>
              </div>
            )}
          </dl>
          <h2>{t.changesTitle}</h2>
          <FormChangeList trail={form.trail} fields={questionnaire.data.fields} />
        </>
      )}
    </section>
  );
}
