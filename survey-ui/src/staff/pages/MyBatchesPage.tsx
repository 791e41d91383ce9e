import { useEffect, useRef } from 'preact/hooks';
import type { BatchSummary } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { StatusCounts } from '../components/StatusCounts.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** A keyer's assigned batches only; the first one's action has focus, so Enter starts work. */
export function MyBatchesPage() {
  const t = useMessages();
  const { api } = useStaff();
  const batches = useLoad(() => api.get<BatchSummary[]>('/batches'), []);
  const list = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('a')?.focus();
  }, [batches.data]);
  return (
    <section>
      <h1 tabIndex={-1}>{t.myBatchesTitle}</h1>
      {!batches.data ? (
        <Loading error={batches.error} />
      ) : batches.data.length === 0 ? (
        <p>{t.noAssignedBatches}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.batch}</th>
              <th scope="col">{t.round}</th>
              <th scope="col">{t.myPart}</th>
              <th scope="col">{t.formStates}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody ref={list}>
            {batches.data.map((b) => (
              <tr key={b.id} data-batch={b.code}>
                <th scope="row">{b.code}</th>
                <td>{b.round}</td>
                <td>{b.myPart ? t.parts[b.myPart] : ''}</td>
                <td>
                  <StatusCounts counts={b.statuses} />
                </td>
                <td>
                  {b.myPart === 'reconciler' ? (
                    <Link class="button small" href={`/staff/batches/${b.id}`}>
                      {t.reconcileBatch(b.code)}
                    </Link>
                  ) : (
                    <Link class="button small primary" href={`/staff/keying/${b.id}`}>
                      {t.startKeying(b.code)}
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
