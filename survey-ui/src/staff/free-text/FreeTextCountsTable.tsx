import { useState } from 'preact/hooks';
import type { FreeTextCounts } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { filterQuery, type FreeTextFilterValues } from './filters.ts';

type Level = FreeTextCounts['by'];

interface Props {
  round: string;
  filters: FreeTextFilterValues;
  /** Changes whenever tags change, so the counts are read again. */
  version: number;
}

/** Answers per category in each district, commune, province or office, within the filters. */
export function FreeTextCountsTable({ round, filters, version }: Props) {
  const t = useMessages();
  const { api } = useStaff();
  const [by, setBy] = useState<Level>('district');
  const counts = useLoad(
    () => api.get<FreeTextCounts>(`/rounds/${encodeURIComponent(round)}/free-text/counts${filterQuery(filters, { by })}`),
    [round, by, filterQuery(filters), version],
  );
  return (
    <section aria-labelledby="ft-counts">
      <h2 id="ft-counts">{t.ftCountsTitle}</h2>
      <label>
        <span>{t.ftCountsBy} </span>
        <select name="by" value={by} onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value as Level)}>
          {(['district', 'commune', 'province', 'office'] as const).map((level) => (
            <option key={level} value={level}>
              {t.ftLevels[level]}
            </option>
          ))}
        </select>
      </label>
      {!counts.data ? (
        <Loading error={counts.error} />
      ) : (
        <table class="free-text-counts">
          <thead>
            <tr>
              <th scope="col">{t.ftLevels[by]}</th>
              {counts.data.categories.map((c) => (
                <th scope="col" key={c.id}>
                  {c.name}
                </th>
              ))}
              <th scope="col">{t.ftUntagged}</th>
              <th scope="col">{t.ftTotal}</th>
            </tr>
          </thead>
          <tbody>
            {counts.data.rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{r.code === '' ? t.ftNoPlace : r.name}</th>
                {r.counts.map((n, k) => (
                  <td key={counts.data!.categories[k].id}>{n}</td>
                ))}
                <td>{r.untagged}</td>
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
