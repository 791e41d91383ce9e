import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf } from '../model/localities.ts';
import { reliabilityProblems, shownInterval } from '../model/reliability.ts';
import { reasonText } from '../model/reliability-words.ts';

const WIDTH = 760;
const LABEL = 190;
const RIGHT = 60;
const ROW = 30;
const TOP = 28;
const BOTTOM = 30;

/**
 * One index across localities as horizontal bars (names stay readable), each with its 95 %
 * confidence interval as an error bar, and the province's target as a dashed line. The figures
 * are in the table above; the description says what the chart shows for those who cannot see it.
 */
export function IndexChart({
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
  const height = TOP + groups.length * ROW + BOTTOM;
  const x = (percent: number) => LABEL + ((WIDTH - LABEL - RIGHT) * Math.max(0, Math.min(100, percent))) / 100;
  const reached = groups.filter((g) => (estimateOf(g, column.code)?.estimate ?? -1) >= target).length;
  const targetText = formats.percent(target);
  return (
    <section class="chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{t.chartTitle(column.label)}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-svg-title chart-svg-desc" class="bar-chart">
        <title id="chart-svg-title">{t.chartTitle(column.label)}</title>
        <desc id="chart-svg-desc">{t.chartDescription(column.label, reached, groups.length, targetText)}</desc>
        {[0, 20, 40, 60, 80, 100].map((tick) => (
          <g key={tick} class="tick">
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - BOTTOM} />
            <text x={x(tick)} y={height - BOTTOM + 18} text-anchor="middle">
              {formats.count(tick)}
            </text>
          </g>
        ))}
        {groups.map((group, i) => {
          const e = estimateOf(group, column.code);
          const y = TOP + i * ROW;
          const value = e?.estimate ?? null;
          const problems = e ? reliabilityProblems(e) : [];
          const unreliable = !e || problems.length > 0;
          const ci = e ? shownInterval(e) : null;
          return (
            <g key={group.code} class={unreliable ? 'bar unreliable' : 'bar'} data-code={group.code}>
              <text x={LABEL - 8} y={y + ROW / 2 + 5} text-anchor="end" class="bar-label">
                {group.name}
              </text>
              {value !== null && (
                <>
                  <rect x={x(0)} y={y + 6} width={x(value) - x(0)} height={ROW - 12}>
                    <title>
                      {[
                        t.chartBar(group.name, formats.percent(value), formats.percent(ci?.low ?? null), formats.percent(ci?.high ?? null)),
                        ...problems.map((p) => reasonText(t, p, rule)),
                      ].join(' · ')}
                    </title>
                  </rect>
                  {ci && (
                    <g class="error-bar">
                      <line x1={x(ci.low)} x2={x(ci.high)} y1={y + ROW / 2} y2={y + ROW / 2} />
                      <line x1={x(ci.low)} x2={x(ci.low)} y1={y + 9} y2={y + ROW - 9} />
                      <line x1={x(ci.high)} x2={x(ci.high)} y1={y + 9} y2={y + ROW - 9} />
                    </g>
                  )}
                </>
              )}
            </g>
          );
        })}
        <g class="target">
          <line x1={x(target)} x2={x(target)} y1={TOP - 10} y2={height - BOTTOM} />
          <text x={x(target)} y={TOP - 14} text-anchor="middle">
            {t.chartTargetLabel(targetText)}
          </text>
        </g>
        {/* Values last, over the target line, so a line crossing a value never hides its digits. */}
        {groups.map((group, i) => {
          const e = estimateOf(group, column.code);
          if (!e || e.estimate === null) return null;
          return (
            <text
              key={group.code}
              data-code={group.code}
              x={x(Math.max(e.estimate, shownInterval(e)?.high ?? e.estimate)) + 6}
              y={TOP + i * ROW + ROW / 2 + 5}
              class="bar-value"
            >
              {formats.percent(e.estimate)}
            </text>
          );
        })}
      </svg>
    </section>
  );
}
