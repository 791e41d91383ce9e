/**
 * Why a figure is not reliable enough to publish: read from the figure itself (`reliable`,
 * `variance_estimable`, `issues`), as the server's one rule decided it — never guessed from n.
 * Every table, chart, ranking, comparison and the public page mark figures through this module,
 * with one legend (ReliabilityLegend).
 */
import type { Estimate } from '../api/types.ts';

export type ReliabilityProblem = 'noData' | 'varianceNotEstimable' | 'fewRespondents' | 'lowEffectiveN' | 'wideInterval';

/** The order of the marks, as the rule checks them. */
export const RELIABILITY_PROBLEMS: readonly ReliabilityProblem[] = ['noData', 'varianceNotEstimable', 'fewRespondents', 'lowEffectiveN', 'wideInterval'];

const BY_ISSUE: Record<Estimate['issues'][number], ReliabilityProblem> = {
  no_estimate: 'noData',
  variance_not_estimable: 'varianceNotEstimable',
  few_respondents: 'fewRespondents',
  low_effective_n: 'lowEffectiveN',
  wide_interval: 'wideInterval',
};

type Figure = Pick<Estimate, 'estimate' | 'reliable' | 'variance_estimable' | 'issues'>;

/** Every reason a figure is not reliable (empty when it is). A figure whose variance cannot be estimated is never reliable. */
export function reliabilityProblems(e: Figure): ReliabilityProblem[] {
  const found = new Set((e.issues ?? []).map((issue) => BY_ISSUE[issue]));
  if (e.estimate === null) found.add('noData');
  else if (e.variance_estimable === false) found.add('varianceNotEstimable');
  // A figure the server did not call reliable always has a reason; should one be missing, the variance is the one to doubt.
  if (!e.reliable && found.size === 0) found.add('varianceNotEstimable');
  return RELIABILITY_PROBLEMS.filter((p) => found.has(p));
}

/** The first reason (the one to fix first), or null when the figure is reliable. */
export function reliabilityProblem(e: Figure): ReliabilityProblem | null {
  return reliabilityProblems(e)[0] ?? null;
}

export function isReliable(e: Figure): boolean {
  return reliabilityProblems(e).length === 0;
}

/**
 * The 95 % interval shown: the logit interval of a percentage (the documented method, the one the
 * rule's width is judged on), else the Wald interval; null without one.
 */
export function shownInterval(e: Pick<Estimate, 'ci_low' | 'ci_high' | 'ci_logit_low' | 'ci_logit_high'>): { low: number; high: number } | null {
  if (e.ci_logit_low !== null && e.ci_logit_high !== null) return { low: e.ci_logit_low, high: e.ci_logit_high };
  if (e.ci_low !== null && e.ci_high !== null) return { low: e.ci_low, high: e.ci_high };
  return null;
}

/** Half the shown 95 % interval, in points; null without an interval. */
export function marginOfError(e: Pick<Estimate, 'ci_low' | 'ci_high' | 'ci_logit_low' | 'ci_logit_high'>): number | null {
  const ci = shownInterval(e);
  return ci === null ? null : (ci.high - ci.low) / 2;
}
