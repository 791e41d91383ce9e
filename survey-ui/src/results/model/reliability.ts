/** Why a figure is not reliable enough to publish, by the rule the results were computed with. */
import type { Estimate } from '../api/types.ts';

export type ReliabilityProblem = 'noData' | 'fewRespondents' | 'wideInterval';

export function reliabilityProblem(e: Estimate, rule: { minN: number }): ReliabilityProblem | null {
  if (e.reliable) return null;
  if (e.estimate === null) return 'noData';
  // The server flags a figure for either reason; few respondents is the one to fix first.
  return e.n < rule.minN ? 'fewRespondents' : 'wideInterval';
}

/** Half the 95 % confidence interval, in points; null without an interval. */
export function marginOfError(e: Estimate): number | null {
  return e.ci_low === null || e.ci_high === null ? null : (e.ci_high - e.ci_low) / 2;
}
