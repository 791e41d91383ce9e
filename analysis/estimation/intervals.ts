/**
 * 95 % confidence intervals and the publication rule.
 *
 * Wald: p̂ ± z·se. Logit (for proportions): the Wald interval of logit(p̂), whose standard error is
 * se/(p̂(1 − p̂)) by the delta method, mapped back; it stays inside 0–100 and is asymmetric near the
 * ends, as R's `svyciprop(method = "logit", df = Inf)`. Both use the normal quantile.
 */
export const Z_975 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export function waldInterval(estimate: number, se: number, z = Z_975): Interval {
  return { low: estimate - z * se, high: estimate + z * se };
}

/** For a proportion in 0–1. At 0 or 1 the interval collapses onto the estimate. */
export function logitInterval(proportion: number, se: number, z = Z_975): Interval {
  if (proportion <= 0 || proportion >= 1) return { low: proportion, high: proportion };
  const centre = Math.log(proportion / (1 - proportion));
  const half = (z * se) / (proportion * (1 - proportion));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { low: expit(centre - half), high: expit(centre + half) };
}

export interface ReliabilityRule {
  /** Fewest respondents for a figure to be published. */
  minN: number;
  /** Widest acceptable Wald half-width, in percentage points. */
  maxHalfWidth: number;
}

export const defaultReliability: ReliabilityRule = { minN: 30, maxHalfWidth: 10 };

export function isReliable(n: number, halfWidthPoints: number, rule: ReliabilityRule = defaultReliability): boolean {
  return n >= rule.minN && halfWidthPoints <= rule.maxHalfWidth;
}

/** Kish's effective sample size: (Σw)² / Σw². */
export function kishEffectiveN(weightSum: number, squaredWeightSum: number): number {
  return squaredWeightSum > 0 ? (weightSum * weightSum) / squaredWeightSum : 0;
}
