import type { BatchDetail } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { may } from '../session/may.ts';

/**
 * The forms of one batch and their state. Those who oversee every batch and the batch's reconciler
 * open the forms waiting for reconciliation; those who track paper forms also open each one's history.
 */
export function BatchPage({ id }: { id: number }) {
  const t = useMessages();
  const { api, session } = useStaff();
  const batch = useLoad(() => api.get<BatchDetail>(`/batches/${id}`), [id]);
  const b = batch.data;
  const reconciles = may(session, 'forms.reconcile') && (may(session, 'batches.oversee') || b?.myPart === 'reconciler');
  const tracks = may(session, 'paper.track');
  return (
    <section>
      <h1 tabIndex={-1}>{b ? t.batchTitle(b.code) : t.batch}</h1>
      {!b ? (
        <Loading error={batch.error} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.serial}</th>
              <th scope="col">{t.locality}</th>
              <th scope="col">{t.commune}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {b.forms.map((f) => (
              <tr key={f.serial} data-serial={f.serial} data-status={f.status}>
                <th scope="row">{f.serial}</th>
                <td>{f.localityCode}</td>
                <td data-commune={f.communeCode ?? ''}>{f.communeCode ? `${f.communeName ?? ''} (${f.communeCode})` : t.communeUnknown}</td>
                <td>{t.statuses[f.status]}</td>
                <td class="actions">
                  {reconciles && f.status === 'keyed_twice' && (
                    <Link class="button small primary" href={`/staff/batches/${b.id}/forms/${f.serial}/reconcile`}>
                      {t.reconcileAction}
                    </Link>
                  )}
                  {tracks && (
                    <Link class="button small" href={`/staff/forms/${encodeURIComponent(b.round)}/${f.serial}`}>
                      {t.historyAction}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
