import type { FormHistory } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { AuditTable } from '../components/AuditTable.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** One form: where it stands, its batch, and everything done to it, by whom and when. */
export function FormHistoryPage({ round, serial }: { round: string; serial: number }) {
  const t = useMessages();
  const { api } = useStaff();
  const history = useLoad(() => api.get<FormHistory>(`/rounds/${encodeURIComponent(round)}/paper-forms/${serial}`), [round, serial]);
  const form = history.data;
  return (
    <section>
      <h1 tabIndex={-1}>{t.historyTitle(serial)}</h1>
      {!form ? (
        <Loading error={history.error} />
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
          <AuditTable trail={form.trail} />
        </>
      )}
    </section>
  );
}
