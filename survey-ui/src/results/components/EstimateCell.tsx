import type { Estimate } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { marginOfError, reliabilityProblem } from '../model/reliability.ts';

/** One figure: the percentage, its margin of error, and a mark with the reason when it is not reliable. */
export function EstimateCell({
  estimate,
  rule,
  formats,
}: {
  estimate: Estimate | undefined;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  if (!estimate) return <td class="num">—</td>;
  const problem = reliabilityProblem(estimate, rule);
  const moe = marginOfError(estimate);
  const reason =
    problem === 'noData'
      ? t.reliability.noData
      : problem === 'fewRespondents'
        ? t.reliability.fewRespondents(rule.minN)
        : problem === 'wideInterval'
          ? t.reliability.wideInterval(rule.maxHalfWidth)
          : undefined;
  const ci = estimate.ci_low !== null && estimate.ci_high !== null ? t.ciText(formats.percent(estimate.ci_low), formats.percent(estimate.ci_high)) : undefined;
  return (
    <td class={problem ? 'num unreliable' : 'num'} title={[ci, reason].filter(Boolean).join(' · ') || undefined}>
      <span class="figure">{formats.percent(estimate.estimate)}</span>
      {moe !== null && <span class="moe">{t.marginOfError(formats.percent(moe))}</span>}
      {problem && problem !== 'noData' && (
        <sup class="mark">
          <abbr title={reason}>{t.reliabilityMarks[problem]}</abbr>
        </sup>
      )}
    </td>
  );
}
