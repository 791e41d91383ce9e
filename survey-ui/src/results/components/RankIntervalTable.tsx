import type { AnalysisResult, ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf } from '../model/localities.ts';
import type { RuleShown } from '../model/reliability-words.ts';
import { EstimateCell } from './EstimateCell.tsx';

type Ranking = NonNullable<AnalysisResult['rankings']>[number];

/**
 * The units of a level ranked by one index, each with its interval of plausible ranks (the server's
 * rankings: Bonferroni pairwise tests with the design covariance), how many units are significantly
 * above it, and its rank change since the previous comparable round. Figures are marked by the one
 * reliability rule.
 */
export function RankIntervalTable({
  rankings,
  groups,
  provinces = [],
  level,
  column,
  rule,
  formats,
}: {
  rankings: AnalysisResult['rankings'];
  groups: ResultGroup[];
  /** The provinces' groups, to name the province a ranking lies within. */
  provinces?: ResultGroup[];
  level: string;
  column: IndexColumn;
  rule: RuleShown;
  formats: NumberFormats;
}) {
  const t = useMessages();
  const shown = (rankings ?? []).filter((r: Ranking) => r.level === level && r.index === column.code);
  if (!rankings) return null;
  const byCode = new Map(groups.map((g) => [g.code, g]));
  return (
    <section class="rank-intervals" aria-labelledby="rank-intervals-title">
      <h2 id="rank-intervals-title">{t.rankIntervalTitle(column.label)}</h2>
      {shown.length === 0 && <p class="notice">{t.noRanking}</p>}
      {shown.map((ranking) => (
        <div key={ranking.within ?? 'all'}>
          <p class="hint">
            {t.rankIntervalExplain(ranking.within ? t.rankWithin(provinces.find((p) => p.code === ranking.within)?.name ?? ranking.within) : '')}
          </p>
          {/* biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page */}
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="rank-intervals-title">
            <table data-level={ranking.level} data-index={ranking.index}>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t.rank}
                  </th>
                  <th scope="col" class="num">
                    {t.rankPlausible}
                  </th>
                  <th scope="col">{t.locality}</th>
                  <th scope="col" class="num">
                    {t.value}
                  </th>
                  <th scope="col" class="num">
                    {t.significantlyAbove}
                  </th>
                  <th scope="col">{t.rankChange}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.units.map((u) => {
                  const group = byCode.get(u.code);
                  const change = u.rank_change;
                  return (
                    <tr key={u.code} data-code={u.code}>
                      <td class="num">{formats.count(u.rank)}</td>
                      <td class="num rank-range">{t.rankRange(formats.count(u.rank_low), formats.count(u.rank_high))}</td>
                      <th scope="row">{u.name}</th>
                      <EstimateCell estimate={group && estimateOf(group, column.code)} rule={rule} formats={formats} />
                      <td class="num">{formats.count(u.above)}</td>
                      <td class="rank-change">
                        {change === undefined || change === null
                          ? u.previous_rank === null || u.previous_rank === undefined
                            ? t.rankNoPrevious
                            : formats.count(u.previous_rank)
                          : change > 0
                            ? t.rankUp(formats.count(change))
                            : change < 0
                              ? t.rankDown(formats.count(-change))
                              : t.rankSame}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
