import type { Trend } from '../api/types.ts';
import { useMessages, type Language } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { byName, estimateOf } from '../model/localities.ts';
import { EstimateCell } from './EstimateCell.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** The charted index across rounds, oldest first, units as those in force at the latest round. */
export function TrendTable({
  trend,
  error,
  level,
  column,
  rule,
  formats,
  language,
}: {
  trend: Trend | undefined;
  error: unknown;
  level: string;
  column: IndexColumn | undefined;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
  language: Language;
}) {
  const t = useMessages();
  if (error)
    return (
      <section class="trend">
        <h2>{t.trendTitle}</h2>
        <ErrorNotice error={error} />
      </section>
    );
  if (!trend || !column) return null;
  const units = new Map<string, { key: string; level: string; code: string; name: string }>();
  for (const round of trend.rounds) {
    for (const g of round.groups) units.set(`${g.level}:${g.code}`, { key: `${g.level}:${g.code}`, level: g.level, code: g.code, name: g.name });
  }
  const ordered = [
    ...byName([...units.values()].filter((u) => u.level === 'province')),
    ...byName([...units.values()].filter((u) => u.level === level && level !== 'province')),
  ];
  return (
    <section class="trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{t.trendTitle}</h2>
      <p class="hint">{t.trendExplain(formats.date(trend.asOf))}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="trend-title">
        <table>
          <caption>{t.trendCaption(column.label)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.locality}</th>
              {trend.rounds.map((r) => (
                <th key={r.code} scope="col" class="num">
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.map((unit) => (
              <tr key={unit.key} class={unit.level === 'province' ? 'total' : undefined}>
                <th scope="row">{unit.name}</th>
                {trend.rounds.map((r) => {
                  const group = r.groups.find((g) => g.level === unit.level && g.code === unit.code);
                  if (r.problem)
                    return (
                      <td key={r.code} class="muted" title={r.problem[language]}>
                        {t.trendNoFigures}
                      </td>
                    );
                  return <EstimateCell key={r.code} estimate={group && estimateOf(group, column.code)} rule={rule} formats={formats} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
