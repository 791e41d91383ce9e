import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf } from '../model/localities.ts';
import { marginOfError, reliabilityProblem, shownInterval } from '../model/reliability.ts';

/**
 * The overall index and the part indices of the whole round as large figures that wrap on a phone,
 * each with its margin of error and 95 % interval: what a reader needs without scrolling a table.
 */
export function KeyFigures({ group, columns, formats }: { group: ResultGroup | undefined; columns: IndexColumn[]; formats: NumberFormats }) {
  const t = useMessages();
  if (!group) return null;
  const shown = columns.slice(0, 3);
  return (
    <section class="key-figures" aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">
        {t.keyFigures}: {group.name}
      </h2>
      <ul class="plain figure-cards">
        {shown.map((c) => {
          const e = estimateOf(group, c.code);
          const problem = e ? reliabilityProblem(e) : 'noData';
          const moe = e ? marginOfError(e) : null;
          const ci = e ? shownInterval(e) : null;
          return (
            <li key={c.code} class={problem ? 'figure-card unreliable' : 'figure-card'} data-index={c.code}>
              <span class="figure-name">{c.label}</span>
              <span class="figure-value">
                {formats.percent(e?.estimate ?? null)}
                {e?.estimate != null && ' %'}
                {problem && problem !== 'noData' && <sup class="mark">{t.reliabilityMarks[problem]}</sup>}
              </span>
              {moe !== null && ci && (
                <span class="figure-ci">
                  {t.marginOfError(formats.percent(moe))} · {t.ciText(formats.percent(ci.low), formats.percent(ci.high))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
