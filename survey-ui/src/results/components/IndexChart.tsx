import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf } from '../model/localities.ts';
import { reliabilityProblems, shownInterval } from '../model/reliability.ts';
import { reasonText } from '../model/reliability-words.ts';
import { useElementWidth } from './use-element-width.ts';

/** Widest drawing (the stylesheet's max-width of the chart), and the width below which names go above their bars. */
const MAX_WIDTH = 960;
const NARROW = 520;
const RIGHT = 60;
const TOP = 28;
const BOTTOM = 30;

/** Where things go at a given width: names beside the bars on a desk, above them on a phone. */
function chartLayout(width: number) {
  const narrow = width < NARROW;
  return narrow
    ? { narrow, label: 8, row: 46, barTop: 20, barHeight: 18 }
    : { narrow, label: Math.min(190, Math.round(width * 0.3)), row: 30, barTop: 6, barHeight: 18 };
}

/**
 * One index across localities as horizontal bars (names stay readable), each with its 95 %
 * confidence interval as an error bar, and the round's target as a dashed line (none when no target
 * is set). Drawn at the width it is shown at, so its text stays at the stylesheet's size on a
 * phone. The figures are in the table above; the description says what the chart shows for those
 * who cannot see it.
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
  target: number | null;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const { ref, width: measured } = useElementWidth<HTMLElement>(760);
  const width = Math.min(measured, MAX_WIDTH);
  const layout = chartLayout(width);
  const ROW = layout.row;
  const height = TOP + groups.length * ROW + BOTTOM;
  const x = (percent: number) => layout.label + ((width - layout.label - RIGHT) * Math.max(0, Math.min(100, percent))) / 100;
  const reached = target === null ? 0 : groups.filter((g) => (estimateOf(g, column.code)?.estimate ?? -1) >= target).length;
  const targetText = target === null ? '' : formats.percent(target);
  const barMiddle = layout.barTop + layout.barHeight / 2;
  return (
    <section class="chart" aria-labelledby="chart-title" ref={ref}>
      <h2 id="chart-title">{t.chartTitle(column.label)}</h2>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="chart-svg-title chart-svg-desc"
        class={layout.narrow ? 'bar-chart narrow' : 'bar-chart'}
        data-target={target ?? undefined}
      >
        <title id="chart-svg-title">{t.chartTitle(column.label)}</title>
        <desc id="chart-svg-desc">
          {target === null ? t.chartDescriptionNoTarget(column.label, groups.length) : t.chartDescription(column.label, reached, groups.length, targetText)}
        </desc>
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
              {layout.narrow ? (
                <text x={layout.label} y={y + 14} class="bar-label">
                  {group.name}
                </text>
              ) : (
                <text x={layout.label - 8} y={y + barMiddle + 5} text-anchor="end" class="bar-label">
                  {group.name}
                </text>
              )}
              {value !== null && (
                <>
                  <rect x={x(0)} y={y + layout.barTop} width={x(value) - x(0)} height={layout.barHeight}>
                    <title>
                      {[
                        t.chartBar(group.name, formats.percent(value), formats.percent(ci?.low ?? null), formats.percent(ci?.high ?? null)),
                        ...problems.map((p) => reasonText(t, p, rule)),
                      ].join(' · ')}
                    </title>
                  </rect>
                  {ci && (
                    <g class="error-bar">
                      <line x1={x(ci.low)} x2={x(ci.high)} y1={y + barMiddle} y2={y + barMiddle} />
                      <line x1={x(ci.low)} x2={x(ci.low)} y1={y + layout.barTop + 3} y2={y + layout.barTop + layout.barHeight - 3} />
                      <line x1={x(ci.high)} x2={x(ci.high)} y1={y + layout.barTop + 3} y2={y + layout.barTop + layout.barHeight - 3} />
                    </g>
                  )}
                </>
              )}
            </g>
          );
        })}
        {target !== null && (
          <g class="target">
            <line x1={x(target)} x2={x(target)} y1={TOP - 10} y2={height - BOTTOM} />
            <text x={x(target)} y={TOP - 14} text-anchor={x(target) > width - 90 ? 'end' : 'middle'}>
              {t.chartTargetLabel(targetText)}
            </text>
          </g>
        )}
        {/* Values last, over the target line, so a line crossing a value never hides its digits. */}
        {groups.map((group, i) => {
          const e = estimateOf(group, column.code);
          if (!e || e.estimate === null) return null;
          return (
            <text
              key={group.code}
              data-code={group.code}
              x={x(Math.max(e.estimate, shownInterval(e)?.high ?? e.estimate)) + 6}
              y={TOP + i * ROW + barMiddle + 5}
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
