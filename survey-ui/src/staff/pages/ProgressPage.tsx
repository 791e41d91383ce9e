import type { Progress } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Loading } from '../components/Loading.tsx';
import { StatusCounts } from '../components/StatusCounts.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** Where the round's paper forms stand: per locality against the sample target, per batch, per keyer. */
export function ProgressPage() {
  const t = useMessages();
  const { api, round, language } = useStaff();
  const progress = useLoad(
    () => (round ? api.get<Progress>(`/rounds/${encodeURIComponent(round.code)}/paper-progress`) : Promise.resolve(undefined)),
    [round?.code],
  );
  const percent = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const p = progress.data;
  return (
    <section>
      <h1 tabIndex={-1}>{t.progressTitle}</h1>
      {!round ? (
        <p>{t.noRounds}</p>
      ) : !p ? (
        <Loading error={progress.error} />
      ) : (
        <>
          <h2>{t.totalsTitle}</h2>
          <StatusCounts counts={p.totals} />

          <h2>{t.byLocality}</h2>
          {p.localities.length === 0 ? (
            <p>{t.noData}</p>
          ) : (
            <table data-table="localities">
              <thead>
                <tr>
                  <th scope="col">{t.locality}</th>
                  <th scope="col">{t.issuedCount}</th>
                  <th scope="col">{t.formStates}</th>
                  <th scope="col">{t.targetCount}</th>
                  <th scope="col">{t.verifiedOfTarget}</th>
                </tr>
              </thead>
              <tbody>
                {p.localities.map((l) => (
                  <tr key={l.localityCode} data-locality={l.localityCode}>
                    <th scope="row">
                      {l.localityName} <span class="muted">({l.localityCode})</span>
                    </th>
                    <td>{l.issued}</td>
                    <td>
                      <StatusCounts counts={l.statuses} />
                    </td>
                    <td>{l.target ?? '—'}</td>
                    <td>{l.verifiedShareOfTarget === null ? '—' : percent.format(l.verifiedShareOfTarget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>{t.byBatch}</h2>
          {p.batches.length === 0 ? (
            <p>{t.noData}</p>
          ) : (
            <table data-table="batches">
              <thead>
                <tr>
                  <th scope="col">{t.batch}</th>
                  <th scope="col">{t.formsCount}</th>
                  <th scope="col">{t.formStates}</th>
                  <th scope="col">{t.keyedCount}</th>
                </tr>
              </thead>
              <tbody>
                {p.batches.map((b) => (
                  <tr key={b.id} data-batch={b.code}>
                    <th scope="row">{b.code}</th>
                    <td>{b.forms}</td>
                    <td>
                      <StatusCounts counts={b.statuses} />
                    </td>
                    <td>
                      {t.keyedBy(b.firstKeyer.name, b.firstKeyer.keyed)}; {t.keyedBy(b.secondKeyer.name, b.secondKeyer.keyed)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>{t.byKeyer}</h2>
          {p.keyers.length === 0 ? (
            <p>{t.noData}</p>
          ) : (
            <table data-table="keyers">
              <thead>
                <tr>
                  <th scope="col">{t.keyers}</th>
                  <th scope="col">{t.keyedCount}</th>
                  <th scope="col">{t.perHour}</th>
                  <th scope="col">{t.compared}</th>
                  <th scope="col">{t.identical}</th>
                  <th scope="col">{t.agreement}</th>
                </tr>
              </thead>
              <tbody>
                {p.keyers.map((k) => (
                  <tr key={k.id} data-keyer={k.username}>
                    <th scope="row">{k.displayName}</th>
                    <td>{k.formsKeyed}</td>
                    <td>{k.formsPerHour === null ? '—' : decimal.format(k.formsPerHour)}</td>
                    <td>{k.formsCompared}</td>
                    <td>{k.formsIdentical}</td>
                    <td>{k.fieldAgreement === null ? '—' : percent.format(k.fieldAgreement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
