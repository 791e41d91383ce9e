import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf, parPoints } from '../model/localities.ts';
import { EstimateCell } from './EstimateCell.tsx';
import { ReliabilityLegend } from './ReliabilityLegend.tsx';
import { TargetCell } from './TargetCell.tsx';

/** Localities × indices: the province first, then each locality; SIPAS's PAR INDEX points at the end. */
export function IndexTable({
  province,
  localities,
  level,
  columns,
  rule,
  formats,
  showPar = true,
  target = null,
}: {
  province: ResultGroup | undefined;
  localities: ResultGroup[];
  level: string;
  columns: IndexColumn[];
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
  showPar?: boolean;
  /** The round's target for the overall index: a column says whether each unit meets it. */
  target?: number | null;
}) {
  const t = useMessages();
  const overall = columns[0]?.code;
  const row = (group: ResultGroup, name: string, total: boolean) => {
    const sipas = estimateOf(group, overall)?.estimate ?? null;
    return (
      <tr key={`${group.level}:${group.code}`} class={total ? 'total' : undefined} data-code={group.code}>
        <th scope="row">{name}</th>
        <td class="num">{formats.count(estimateOf(group, overall)?.n ?? 0)}</td>
        {columns.map((c) => (
          <EstimateCell key={c.code} estimate={estimateOf(group, c.code)} rule={rule} formats={formats} />
        ))}
        {showPar && <td class="num">{formats.points(sipas === null ? null : parPoints(sipas))}</td>}
        {target !== null && <TargetCell estimate={estimateOf(group, overall)} target={target} />}
      </tr>
    );
  };
  return (
    <section class="results-table" aria-labelledby="index-table-title">
      <h2 id="index-table-title">{t.tableTitle}</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="index-table-title">
        <table class="indices">
          <caption>{t.tableCaption(t.levels[level] ?? level)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.locality}</th>
              <th scope="col" class="num">
                {t.respondents}
              </th>
              {columns.map((c) => (
                <th key={c.code} scope="col" class="num">
                  <abbr title={c.label}>{c.short}</abbr>
                </th>
              ))}
              {showPar && (
                <th scope="col" class="num">
                  {t.parColumn}
                </th>
              )}
              {target !== null && <th scope="col">{t.targetColumn}</th>}
            </tr>
          </thead>
          <tbody>
            {province && row(province, province.name, true)}
            {localities.map((g) => row(g, g.name, false))}
          </tbody>
        </table>
      </div>
      <ReliabilityLegend rule={rule} />
      {target !== null && <p class="hint target-legend">{t.targetLegend(formats.percent(target))}</p>}
    </section>
  );
}
