/**
 * 95 % confidence intervals and the one publication rule every table, chart, download, the public
 * page and the codebook apply.
 *
 * Wald: p̂ ± z·se. Logit (for proportions): the Wald interval of logit(p̂), whose standard error is
 * se/(p̂(1 − p̂)) by the delta method, mapped back; it stays inside 0–100 and is asymmetric near the
 * ends, as R's `svyciprop(method = "logit", df = Inf)`. Both use the normal quantile. Indices and
 * shares (items, composites, distributions, option shares) are proportions: their documented
 * interval is the logit one; mean scores use Wald.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export const Z_975 = 1.959963984540054;

/** The standard normal quantile, as R's `qnorm`. */
export function zQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

export interface Interval {
  low: number;
  high: number;
}

/** For a proportion in 0–1. At 0 or 1 the interval collapses onto the estimate. */
export function logitInterval(proportion: number, se: number, z = Z_975): Interval {
  if (proportion <= 0 || proportion >= 1) return { low: proportion, high: proportion };
  const centre = Math.log(proportion / (1 - proportion));
  const half = (z * se) / (proportion * (1 - proportion));
  return { low: 1 / (1 + Math.exp(half - centre)), high: 1 / (1 + Math.exp(-centre - half)) };
}

/**
 * A figure is published as reliable only when all of these hold:
 *  1. it has an estimate (someone gave a valid answer);
 *  2. its variance can be estimated: respondents in at least `minPsus` PSUs (2), one of them in a
 *     stratum that measures variance under the lonely-PSU option. A standard error of exactly 0
 *     because everyone is in one PSU is "cannot estimate", never "certain": it is published as null;
 *  3. at least `minN` respondents (30) and a Kish effective sample size of at least
 *     `minEffectiveN` (30);
 *  4. for proportions, its 95 % logit interval is at most `maxHalfWidth` points (10) either side on
 *     average: (high − low) / 2.
 * Whatever fails is listed, in this order, as the figure's `issues`.
 */
export interface ReliabilityRule {
  /** Fewest respondents for a figure to be published. */
  minN: number;
  /** Widest acceptable half-width of the 95 % interval (logit for proportions), in percentage points. */
  maxHalfWidth: number;
  /** Smallest Kish effective sample size (default 30). */
  minEffectiveN?: number;
  /** Fewest PSUs with respondents for a variance to be estimable (default 2). */
  minPsus?: number;
}

export const defaultReliability: Required<ReliabilityRule> = { minN: 30, maxHalfWidth: 10, minEffectiveN: 30, minPsus: 2 };

export function completeRule(rule: ReliabilityRule | undefined): Required<ReliabilityRule> {
  return { ...defaultReliability, ...Object.fromEntries(Object.entries(rule ?? {}).filter(([, v]) => v !== undefined)) };
}

export const RELIABILITY_ISSUES = ['no_estimate', 'variance_not_estimable', 'few_respondents', 'low_effective_n', 'wide_interval'] as const;
export type ReliabilityIssue = (typeof RELIABILITY_ISSUES)[number];

export interface ReliabilityFacts {
  defined: boolean;
  varianceEstimable: boolean;
  n: number;
  effectiveN: number;
  /** Half the width of the documented interval in points; null for figures judged without it (scores). */
  halfWidth: number | null;
}

export function reliabilityIssues(facts: ReliabilityFacts, r: Required<ReliabilityRule> = defaultReliability): readonly ReliabilityIssue[] {
  if (!facts.defined) return ISSUE_LISTS[1];
  let mask = 0;
  if (!facts.varianceEstimable) mask |= 2;
  if (facts.n < r.minN) mask |= 4;
  // Kish's n of equal weights is n itself up to rounding (30 may come out as 29.999999999999996).
  if (!(facts.effectiveN >= r.minEffectiveN * (1 - 1e-12))) mask |= 8;
  if (facts.varianceEstimable && facts.halfWidth !== null && !(facts.halfWidth <= r.maxHalfWidth)) mask |= 16;
  return ISSUE_LISTS[mask];
}

/** Every combination of issues as one shared, frozen list (bit k = RELIABILITY_ISSUES[k]). */
const ISSUE_LISTS: ReadonlyArray<readonly ReliabilityIssue[]> = Array.from({ length: 32 }, (_, mask) =>
  Object.freeze(RELIABILITY_ISSUES.filter((_, k) => mask & (1 << k))),
);

/** Kish's effective sample size: (Σw)² / Σw². */
export function kishEffectiveN(weightSum: number, squaredWeightSum: number): number {
  return squaredWeightSum > 0 ? (weightSum * weightSum) / squaredWeightSum : 0;
}
