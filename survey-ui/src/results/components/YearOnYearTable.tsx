import type { AnalysisResult } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { byName } from '../model/localities.ts';

type Comparison = NonNullable<AnalysisResult['comparison']>;
type Difference = Comparison['differences'][number];

/**
 * One index against the previous comparable round, unit by unit (the whole round or province
 * first): both figures, the difference with its 95 % interval (independent samples) and whether it
 * is significant — "cannot tell" where a standard error cannot be estimated — the previous units
 * each row is counted from, and the differences between the two questionnaire versions.
 */
export function YearOnYearTable({
  comparison,
  level,
  column,
  formats,
}: {
  comparison: AnalysisResult['comparison'];
  level: string;
  column: IndexColumn;
  formats: NumberFormats;
}) {
  const t = useMessages();
  if (comparison === undefined) return null;
  if (comparison === null)
    return (
      <section class="yoy" aria-labelledby="yoy-title">
        <h2 id="yoy-title">{t.yoyTitle(column.label, '—')}</h2>
        <p class="notice">{t.yoyNone}</p>
      </section>
    );
  const rows = comparison.differences.filter((d) => d.index === column.code);
  const top = rows.filter((d) => d.level !== level);
  const units = byName(rows.filter((d) => d.level === level));
  const ordered: Difference[] = [...top, ...units];
  const significance = (d: Difference) => (d.significant === null ? t.yoyUnknown : d.significant ? t.yoyYes : t.yoyNo);
  return (
    <section class="yoy" aria-labelledby="yoy-title">
      <h2 id="yoy-title">{t.yoyTitle(column.label, comparison.previousName)}</h2>
      <p class="hint">{t.yoyMethod}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="yoy-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.locality}</th>
              <th scope="col" class="num">
                {t.yoyPrevious}
              </th>
              <th scope="col" class="num">
                {t.yoyNow}
              </th>
              <th scope="col" class="num">
                {t.yoyDifference}
              </th>
              <th scope="col" class="num">
                {t.yoyInterval}
              </th>
              <th scope="col">{t.yoySignificant}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((d) => (
              <tr
                key={`${d.level}:${d.code}`}
                class={[d.level !== level ? 'total' : '', d.reliable ? '' : 'unreliable'].filter(Boolean).join(' ') || undefined}
                data-code={d.code}
                data-significant={String(d.significant)}
              >
                <th scope="row">
                  {d.name}
                  {d.previous_units.length > 0 && d.previous_units.join(',') !== d.code && (
                    <span class="hint"> ({t.yoyFrom(d.previous_units.join(', '))})</span>
                  )}
                </th>
                <td class="num">{formats.percent(d.previous)}</td>
                <td class="num">{formats.percent(d.estimate)}</td>
                <td class="num">{d.difference === null ? '—' : `${d.difference > 0 ? '+' : ''}${formats.percent(d.difference)}`}</td>
                <td class="num">{d.ci_low === null || d.ci_high === null ? '—' : t.rankRange(formats.percent(d.ci_low), formats.percent(d.ci_high))}</td>
                <td>{significance(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t.yoyVersions(comparison.versions.current, comparison.versions.previous)}</summary>
        {comparison.versions.differences.length === 0 ? (
          <p>{t.yoyVersionsSame}</p>
        ) : (
          <ul>
            {comparison.versions.differences.map((v) => (
              <li key={`${v.code}:${v.kind}`}>
                <b>{v.code}</b>: {v.detail}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
