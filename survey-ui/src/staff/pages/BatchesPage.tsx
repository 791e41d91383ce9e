import type { BatchSummary } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { CreateBatchForm } from '../components/CreateBatchForm.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { StatusCounts } from '../components/StatusCounts.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { may } from '../session/may.ts';

/** The round's batches with their keyers and where their forms stand; a new batch from returned forms. */
export function BatchesPage() {
  const t = useMessages();
  const { api, round, session } = useStaff();
  const batches = useLoad(() => (round ? api.get<BatchSummary[]>(`/batches?round=${encodeURIComponent(round.code)}`) : Promise.resolve([])), [round?.code]);
  return (
    <section>
      <h1 tabIndex={-1}>{t.batchesTitle}</h1>
      {!round ? (
        <p>{t.noRounds}</p>
      ) : (
        <>
          {!batches.data ? (
            <Loading error={batches.error} />
          ) : batches.data.length === 0 ? (
            <p>{t.noBatches}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.batch}</th>
                  <th scope="col">{t.keyers}</th>
                  <th scope="col">{t.reconciler}</th>
                  <th scope="col">{t.formsCount}</th>
                  <th scope="col">{t.formStates}</th>
                </tr>
              </thead>
              <tbody>
                {batches.data.map((b) => (
                  <tr key={b.id} data-batch={b.code}>
                    <th scope="row">
                      <Link href={`/staff/batches/${b.id}`}>{b.code}</Link>
                    </th>
                    <td>{b.keyers.join(', ')}</td>
                    <td>{b.reconciler ?? '—'}</td>
                    <td>{b.forms}</td>
                    <td>
                      <StatusCounts counts={b.statuses} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {may(session, 'paper.manage') && <CreateBatchForm round={round} onCreated={batches.reload} />}
        </>
      )}
    </section>
  );
}
