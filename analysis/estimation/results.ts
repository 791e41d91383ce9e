/**
 * The published shape of the estimates (the contract of `sipas analyze --format json` and of the
 * results API): percentages 0–100 at full precision; rounding is for display only.
 */
import { kishEffectiveN, logitInterval, reliabilityIssues, Z_975, type ReliabilityIssue, type ReliabilityRule } from './intervals.ts';
import type { LonelyPsu } from './design.ts';
import type { RawEstimate } from './domain-estimates.ts';
import type { RakingReport } from './raking.ts';
import type { Ranking } from './rankings.ts';

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
  /** PSUs with at least one respondent to this figure in the domain. */
  psus: number;
  /** False when the variance cannot be estimated (fewer than two PSUs, …): se and intervals are then null. */
  variance_estimable: boolean;
  /** Why the figure is not reliable (empty when it is), in the order of the rule (intervals.ts). */
  issues: ReliabilityIssue[];
  /** Figures over several provinces only: provinces of the group without a valid answer, left out (provinces.ts). */
  missing_provinces?: string[];
}

export interface IndexEstimate extends EstimateFields {
  /** An item code, an element code, `policy`, `service` or the overall index (`SIPAS`). */
  index: string;
  /** Composites only: components without a valid answer in the domain, left out by re-weighting (composites.ts). */
  missing_components?: string[];
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
  /** Per level: how many domains, and how many respondents have no code there (they are in no domain of it). */
  levels?: Array<{ level: string; domains: number; respondents_outside: number }>;
  method: {
    estimator: string;
    variance: string;
    /** The lonely-PSU rule in words; `lonelyPsuOption` names it as R's survey.lonely.psu. */
    lonelyPsu: string;
    lonelyPsuOption?: LonelyPsu;
    confidence: number;
    reliability: Required<ReliabilityRule>;
    /** What composites do with empty components: `reweight` or `require`. */
    composites?: string;
    /** Where the weights came from: a weight column, a frame (N_h / n_h), raking, or none at all. */
    weights: 'column' | 'frame' | 'raked' | 'unweighted';
    /** Data covering several provinces: how figures over several provinces are formed (provinces.ts). */
    provinces?: { rule: string; populations: Record<string, number>; source: string };
  };
  raking?: RakingReport;
  /** With ranking asked for: each ranked level's units by every index, with rank intervals (rankings.ts). */
  rankings?: Ranking[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * A raw estimate in published form: a `percent` (an index or a share, from a fraction, judged by its
 * logit interval) or a `score` (a mean on the answer scale, judged without an interval width).
 * Where the variance cannot be estimated, the standard error, intervals and design effect are null.
 */
export function publish(raw: RawEstimate, kind: 'percent' | 'score', rule: Required<ReliabilityRule>): EstimateFields {
  return publishInto({} as EstimateFields, raw, kind, rule);
}

/**
 * The same, written into `target` (an object already holding its label, e.g. `{ index }`): a
 * national round publishes over a million figures, and each copy of an object costs.
 */
export function publishInto<T extends EstimateFields>(target: T, raw: RawEstimate, kind: 'percent' | 'score', rule: Required<ReliabilityRule>): T {
  const scale = kind === 'percent' ? 100 : 1;
  const value = raw.value;
  const defined = Number.isFinite(value);
  const varianceEstimable = defined && raw.psus >= rule.minPsus && raw.measured && Number.isFinite(raw.variance);
  const se = varianceEstimable ? Math.sqrt(Math.max(raw.variance, 0)) : Number.NaN;
  let logitLow = Number.NaN;
  let logitHigh = Number.NaN;
  if (kind === 'percent' && varianceEstimable) {
    const logit = logitInterval(value, se);
    logitLow = logit.low;
    logitHigh = logit.high;
  }
  const nEff = raw.effectiveN ?? kishEffectiveN(raw.weightSum, raw.squaredWeightSum);
  const issues = reliabilityIssues(
    {
      defined,
      varianceEstimable,
      n: raw.n,
      effectiveN: nEff,
      halfWidth: kind === 'percent' ? ((logitHigh - logitLow) / 2) * scale : null,
    },
    rule,
  );
  target.estimate = finite(value * scale);
  target.se = finite(se * scale);
  target.ci_low = finite((value - Z_975 * se) * scale);
  target.ci_high = finite((value + Z_975 * se) * scale);
  target.ci_logit_low = finite(logitLow * scale);
  target.ci_logit_high = finite(logitHigh * scale);
  target.n = raw.n;
  target.weight_sum = raw.weightSum;
  target.deff = varianceEstimable && raw.srsVariance > 0 ? finite(raw.variance / raw.srsVariance) : null;
  target.n_eff = nEff;
  target.reliable = issues.length === 0;
  target.psus = raw.psus;
  target.variance_estimable = varianceEstimable;
  target.issues = issues as ReliabilityIssue[]; // a shared frozen list (intervals.ts)
  if (raw.missingProvinces) target.missing_provinces = raw.missingProvinces;
  return target;
}
