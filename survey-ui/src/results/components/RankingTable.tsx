import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { ranking } from '../model/localities.ts';
import { EstimateCell } from './EstimateCell.tsx';

/** Localities from the highest figure of the charted index, and whether each meets the target. */
export function RankingTable({
  groups,
  column,
  target,
  rule,
  formats,
}: {
  groups: ResultGroup[];
  column: IndexColumn;
  target: number;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  return (
    <section class="ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t.rankingTitle(column.label)}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t.rank}
            </th>
            <th scope="col">{t.locality}</th>
            <th scope="col" class="num">
              {t.value}
            </th>
            <th scope="col">{t.meetsTarget}</th>
          </tr>
        </thead>
        <tbody>
          {ranking(groups, column.code).map((r) => (
            <tr key={r.group.code}>
              <td class="num">{r.rank}</td>
              <th scope="row">{r.group.name}</th>
              <EstimateCell estimate={r.estimate} rule={rule} formats={formats} />
              <td class={r.estimate.estimate! >= target ? 'state-ok' : 'state-off'}>{r.estimate.estimate! >= target ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
