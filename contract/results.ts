/** The results' JSON: the contract of `sipas analyze --format json` (analysis/estimation/results.ts). */
import { z } from 'zod';
import { LONELY_PSU_OPTIONS } from '../analysis/estimation/design.ts';
import { RELIABILITY_ISSUES } from '../analysis/estimation/intervals.ts';

const n = z.number().nullable();
export const EstimateView = z.object({
  estimate: n, se: n, ci_low: n, ci_high: n, ci_logit_low: n, ci_logit_high: n,
  n: z.number(), weight_sum: z.number(), deff: n, n_eff: z.number(), reliable: z.boolean(),
  psus: z.number().describe('PSUs with at least one respondent to this figure'),
  variance_estimable: z.boolean().describe('false: fewer than two PSUs (or only strata without a variance): se and intervals are null'),
  issues: z.array(z.enum(RELIABILITY_ISSUES)).describe('why the figure is not reliable; empty when it is'),
  missing_provinces: z.array(z.string()).optional().describe('figures over several provinces: provinces without a valid answer, left out'),
});
const OptionValue = z.union([z.string(), z.number()]);

export const IndexView = EstimateView.extend({
  index: z.string().describe('An item code, an element code, policy, service or SIPAS'),
  missing_components: z.array(z.string()).optional().describe('composites: components without a valid answer here, left out by re-weighting'),
});
export const GroupView = z.object({
  level: z.string(),
  code: z.string(),
  name: z.string(),
  indices: z.array(IndexView),
  items: z.array(z.object({ item: z.string(), mean: EstimateView, distribution: z.array(EstimateView.extend({ value: OptionValue, display: n })) })),
  options: z.array(z.object({ question: z.string(), kind: z.enum(['single', 'multi']), shares: z.array(EstimateView.extend({ option: OptionValue, display: n })) })),
});

export const AnalysisResultView = z.object({
  groups: z.array(GroupView),
  questionnaire: z.string(),
  method: z.object({
    estimator: z.string(),
    variance: z.string(),
    lonelyPsu: z.string(),
    confidence: z.number(),
    reliability: z.object({ minN: z.number(), maxHalfWidth: z.number(), minEffectiveN: z.number(), minPsus: z.number() }),
    lonelyPsuOption: z.enum(LONELY_PSU_OPTIONS).optional(),
    composites: z.string().optional(),
    weights: z.enum(['column', 'frame', 'raked', 'unweighted']),
  }),
  responses: z.object({
    counted: z.number().int().describe('Responses the figures rest on (accepted)'),
    heldForReview: z.number().int().describe('Flagged responses left out of every figure until a reviewer accepts or excludes them'),
    excluded: z.number().int().describe('Responses a reviewer excluded (kept, never counted)'),
  }).optional(),
});

export const RoundView = z.object({
  code: z.string(), name: z.string(), provinceCode: z.string(), periodStart: z.string(), periodEnd: z.string(),
  questionnaireVersion: z.string(), status: z.string(), demo: z.boolean(), publishedAt: z.string().nullable(),
});
