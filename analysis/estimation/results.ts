/**
 * The published shape of the estimates (the contract of `sipas analyze --format json` and of the
 * results API): percentages 0–100 at full precision; rounding is for display only.
 */
import { isReliable, kishEffectiveN, logitInterval, waldInterval, Z_975, type ReliabilityRule } from './intervals.ts';
import type { RawEstimate } from './domain-estimates.ts';
import type { RakingReport } from './raking.ts';

export interface EstimateFields {
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_logit_low: number | null;
  ci_logit_high: number | null;
  n: number;
  weight_sum: number;
  deff: number | null;
  n_eff: number;
  reliable: boolean;
}

export interface IndexEstimate extends EstimateFields {
  /** An item code, an element code, `policy`, `service` or the overall index (`SIPAS`). */
  index: string;
}

export interface ItemDetail {
  item: string;
  /** Weighted mean score on the 1–5 scale. */
  mean: EstimateFields;
  /** Weighted share (%) of each valid answer; `display` is rounded to add up to 100. */
  distribution: Array<EstimateFields & { value: number | string; display: number | null }>;
}

export interface OptionShares {
  question: string;
  kind: 'single' | 'multi';
  shares: Array<EstimateFields & { option: number | string; display: number | null }>;
}

export interface GroupResult {
  level: string;
  code: string;
  name: string;
  indices: IndexEstimate[];
  items: ItemDetail[];
  options: OptionShares[];
}

export interface AnalysisResult {
  groups: GroupResult[];
  questionnaire: string;
  method: {
    estimator: string;
    variance: string;
    lonelyPsu: string;
    confidence: number;
    reliability: ReliabilityRule;
    /** Where the weights came from: a weight column, a frame (N_h / n_h), raking, or none at all. */
    weights: 'column' | 'frame' | 'raked' | 'unweighted';
  };
  raking?: RakingReport;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * A raw estimate in published form: a `percent` (an index or a share, from a fraction, with the
 * logit interval) or a `score` (a mean on the answer scale, judged reliable on n alone).
 */
export function publish(raw: RawEstimate, kind: 'percent' | 'score', rule: ReliabilityRule): EstimateFields {
  const scale = kind === 'percent' ? 100 : 1;
  const defined = Number.isFinite(raw.value);
  const se = defined ? Math.sqrt(Math.max(raw.variance, 0)) : Number.NaN;
  const wald = waldInterval(raw.value, se);
  const logit = kind === 'percent' && defined ? logitInterval(raw.value, se) : { low: Number.NaN, high: Number.NaN };
  const halfWidth = kind === 'percent' ? Z_975 * se * scale : 0;
  return {
    estimate: finite(raw.value * scale),
    se: finite(se * scale),
    ci_low: finite(wald.low * scale),
    ci_high: finite(wald.high * scale),
    ci_logit_low: finite(logit.low * scale),
    ci_logit_high: finite(logit.high * scale),
    n: raw.n,
    weight_sum: raw.weightSum,
    deff: defined && raw.srsVariance > 0 ? finite(raw.variance / raw.srsVariance) : null,
    n_eff: kishEffectiveN(raw.weightSum, raw.squaredWeightSum),
    reliable: defined && Number.isFinite(halfWidth) && isReliable(raw.n, halfWidth, rule),
  };
}
