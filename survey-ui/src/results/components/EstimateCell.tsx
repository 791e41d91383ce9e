import type { Estimate } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { marginOfError, reliabilityProblems, shownInterval } from '../model/reliability.ts';
import { reasonText, type RuleShown } from '../model/reliability-words.ts';

/** One figure: the percentage, its margin of error, and a mark for each reason it is not reliable (read from the figure's issues). */
export function EstimateCell({ estimate, rule, formats }: { estimate: Estimate | undefined; rule: RuleShown; formats: NumberFormats }) {
  const t = useMessages();
  if (!estimate) return <td class="num">—</td>;
  const problems = reliabilityProblems(estimate);
  const marked = problems.filter((p) => p !== 'noData');
  const moe = marginOfError(estimate);
  const reasons = problems.map((p) => reasonText(t, p, rule));
  // A composite re-weighted over the components with answers here says which it left out (the SIPAS rule).
  const missing = 'missing_components' in estimate ? (estimate.missing_components as string[] | undefined) : undefined;
  if (missing && missing.length > 0) reasons.push(t.missingComponents(missing.join(', ')));
  const interval = shownInterval(estimate);
  const ci = interval ? t.ciText(formats.percent(interval.low), formats.percent(interval.high)) : undefined;
  return (
    <td
      class={problems.length > 0 ? 'num unreliable' : 'num'}
      title={[ci, ...reasons].filter(Boolean).join(' · ') || undefined}
      data-reliable={problems.length === 0 ? 'true' : 'false'}
    >
      <span class="figure">{formats.percent(estimate.estimate)}</span>
      {moe !== null && <span class="moe">{t.marginOfError(formats.percent(moe))}</span>}
      {missing && missing.length > 0 && (
        <sup class="mark missing">
          <abbr title={t.missingComponents(missing.join(', '))}>*</abbr>
        </sup>
      )}
      {marked.length > 0 && (
        <sup class="mark">
          <abbr title={marked.map((p) => reasonText(t, p, rule)).join(' · ')}>{marked.map((p) => t.reliabilityMarks[p]).join(',')}</abbr>
        </sup>
      )}
    </td>
  );
}
