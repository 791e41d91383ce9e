/** The results' JSON: the contract of `sipas analyze --format json` (analysis/estimation/results.ts). */
import { z } from 'zod';
import { respondentTypes } from './questionnaires.ts';

/**
 * The method's vocabularies, as analysis/estimation names them (design.ts, intervals.ts);
 * tests/unit/architecture/contract-vocabularies.test.ts checks they agree, and the routes' return
 * types break the build if the analysis says something these do not.
 */
export const RELIABILITY_ISSUES = ['no_estimate', 'variance_not_estimable', 'few_respondents', 'low_effective_n', 'wide_interval'] as const;
export const LONELY_PSU_OPTIONS = ['adjust', 'average', 'remove', 'certainty', 'fail'] as const;

/**
 * The levels figures are given at: all (the whole set), national (every province of the round, each
 * weighted by its population: the same figure as `all`, named as the national one), province,
 * district, commune, or office (the one-stop office the citizen was served at; paper and online
 * responses belong to no office).
 */
export const RESULT_LEVELS = ['all', 'national', 'province', 'district', 'commune', 'office'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

/** `by=province,district`: one or more levels, each all, province, district or commune. */
export const LevelsQuery = z
  .string()
  .max(100)
  .default('all')
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.enum(RESULT_LEVELS)).min(1))
  .describe('all, national, province, district, commune or office; several separated by commas (province,district)');

/** Whose results: citizens' (the default) or organisations' — never pooled. */
const respondentType = z.enum(respondentTypes).default('citizen').describe('citizen (người dân, the default) or organisation (tổ chức, doanh nghiệp)');
export const RespondentTypeQuery = z.object({ respondentType });
/** The microdata: coded cells as codes (the exchange format `sipas analyze` reads) or as their Vietnamese labels. */
export const MicrodataQuery = RespondentTypeQuery.extend({
  values: z.enum(['codes', 'labels']).default('codes').describe('codes (the exchange format, the default) or labels (each answer in words, for reading)'),
});

// figures: rankings, year-on-year and the lonely-PSU choice, asked for in the query
const yes = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
const figureOptions = {
  rank: yes.describe('true: rank the units of every level but all/national by every index, with intervals of plausible ranks'),
  rankCoverage: z
    .enum(['individual', 'joint'])
    .default('individual')
    .describe('individual: each interval covers its rank with 95 %; joint: the intervals of all units together'),
  compare: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional()
    .describe('previous (the previous comparable round) or a round code: per figure the difference, its SE, 95 % interval and significance'),
};

/** Left out, the method's own rule applies (analysis/estimation/intervals.ts: 30 respondents, 10 points). */
export const ResultsQuery = z.object({
  by: LevelsQuery,
  minN: z.coerce.number().int().min(0).max(100_000).optional().describe('fewest respondents for a reliable figure'),
  maxHalfWidth: z.coerce.number().positive().max(100).optional().describe('widest reliable 95 % half-width, in points'),
  lonelyPsu: z
    .enum(LONELY_PSU_OPTIONS)
    .default('adjust')
    .describe("a stratum with one PSU, as R's survey.lonely.psu: adjust (default), average, remove, certainty, fail (refuse)"),
  respondentType,
  ...figureOptions,
});
export type ResultsQuery = z.output<typeof ResultsQuery>;
/** Results files (downloads): `long`, a row per unit and figure at full precision (the exchange format), or `wide`, the published report's tables. */
export const ResultFileQuery = ResultsQuery.extend({
  layout: z
    .enum(['long', 'wide'])
    .default('long')
    .describe(
      'long: a row per unit and figure, full precision; wide: units × indicators as the published report, rounded, with intervals and reliability marks',
    ),
});
export type ResultFileQuery = z.output<typeof ResultFileQuery>;
export const PublicResultsQuery = z.object({ by: LevelsQuery, respondentType, ...figureOptions });

const n = z.number().nullable();
export const EstimateView = z.object({
  estimate: n,
  se: n,
  ci_low: n,
  ci_high: n,
  ci_logit_low: n,
  ci_logit_high: n,
  n: z.number(),
  weight_sum: z.number(),
  deff: n,
  n_eff: z.number(),
  reliable: z.boolean(),
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
  options: z.array(
    z.object({ question: z.string(), kind: z.enum(['single', 'multi']), shares: z.array(EstimateView.extend({ option: OptionValue, display: n })) }),
  ),
});

export type EstimateView = z.output<typeof EstimateView>;
export type IndexView = z.output<typeof IndexView>;
export type GroupView = z.output<typeof GroupView>;

// figures: rankings with intervals of plausible ranks, and the comparison with the previous round
export const RankingView = z.object({
  level: z.string(),
  index: z.string(),
  within: z.string().nullable().describe('the province whose units are ranked among themselves; null for a ranking of provinces'),
  coverage: z.enum(['individual', 'joint']),
  critical_z: z.number(),
  comparisons: z.number(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      estimate: z.number(),
      rank: z.number().describe('1 = highest'),
      rank_low: z.number().describe('best plausible rank'),
      rank_high: z.number().describe('worst plausible rank'),
      above: z.number().describe('units significantly higher'),
      below: z.number().describe('units significantly lower'),
      reliable: z.boolean(),
      previous_rank: z.number().nullable().optional(),
      rank_change: z.number().nullable().optional().describe('previous rank − rank: positive = moved up'),
    }),
  ),
  unranked: z.array(z.string()),
});
export type RankingView = z.output<typeof RankingView>;

export const DifferenceView = z.object({
  level: z.string(),
  code: z.string(),
  name: z.string(),
  index: z.string(),
  estimate: n,
  previous: n,
  difference: n,
  se: n,
  ci_low: n,
  ci_high: n,
  z: n,
  p_value: n,
  significant: z.boolean().nullable().describe('null: a standard error cannot be estimated, nothing can be said'),
  reliable: z.boolean().describe('both figures reliable'),
  previous_units: z.array(z.string()).describe('the previous round’s units this unit is counted from'),
});
export type DifferenceView = z.output<typeof DifferenceView>;

export const ComparisonView = z.object({
  current: z.string(),
  previous: z.string(),
  previousName: z.string(),
  versions: z.object({
    current: z.string(),
    previous: z.string(),
    identical: z.boolean(),
    commonItems: z.array(z.string()),
    differences: z.array(z.object({ code: z.string(), kind: z.string(), detail: z.string() })),
  }),
  method: z.string(),
  differences: z.array(DifferenceView),
  new_units: z.array(z.object({ level: z.string(), code: z.string() })),
  rank_changes: z.array(
    z.object({
      level: z.string(),
      index: z.string(),
      within: z.string().nullable(),
      code: z.string(),
      rank: z.number(),
      previous_rank: z.number().nullable(),
      rank_change: z.number().nullable(),
    }),
  ),
});
export type ComparisonView = z.output<typeof ComparisonView>;

export const AnalysisResultView = z.object({
  groups: z.array(GroupView),
  questionnaire: z.string(),
  target: z.number().nullable().optional().describe("The round's target for the overall index, in percent (null: none set)"),
  method: z.object({
    estimator: z.string(),
    variance: z.string(),
    lonelyPsu: z.string(),
    confidence: z.number(),
    reliability: z.object({ minN: z.number(), maxHalfWidth: z.number(), minEffectiveN: z.number(), minPsus: z.number() }),
    lonelyPsuOption: z.enum(LONELY_PSU_OPTIONS).optional(),
    composites: z.string().optional(),
    weights: z.enum(['column', 'frame', 'raked', 'unweighted']),
    provinces: z
      .object({ rule: z.string(), populations: z.record(z.string(), z.number()), source: z.string() })
      .optional()
      .describe('a round over several provinces: how figures over several provinces (the national one) weight them'),
    design: z.string().optional().describe('the sampling design of stored responses: strata, PSUs, weights'),
  }),
  respondentType: z.enum(respondentTypes).optional().describe('Whose answers the figures rest on'),
  respondentTypes: z.array(z.enum(respondentTypes)).optional().describe('The respondent types the round has figures for'),
  responses: z
    .object({
      counted: z.number().int().describe('Responses the figures rest on (accepted)'),
      heldForReview: z.number().int().describe('Flagged responses left out of every figure until a reviewer accepts or excludes them'),
      excluded: z.number().int().describe('Responses a reviewer excluded (kept, never counted)'),
    })
    .optional(),
  // figures
  rankings: z.array(RankingView).optional().describe('with rank=true: every ranked level by every index'),
  comparison: ComparisonView.nullable()
    .optional()
    .describe('with compare=previous or a round code: the year-on-year differences; null when there is no comparable round'),
});
export type AnalysisResultView = z.output<typeof AnalysisResultView>;

export const TrendQuery = z.object({
  by: LevelsQuery,
  rounds: z.string().max(2000).optional().describe('only these round codes, separated by commas'),
  respondentType,
});

/** One round in the trend: its indices with units relabelled as those in force at the end of the latest round. */
export const TrendRoundView = z.object({
  code: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  questionnaire: z.string(),
  weights: AnalysisResultView.shape.method.shape.weights.nullable(),
  groups: z.array(GroupView.pick({ level: true, code: true, name: true, indices: true })),
  problem: z.object({ vi: z.string(), en: z.string() }).nullable().describe('Why the round has no figures (e.g. an incomplete frame)'),
});
export type TrendRoundView = z.output<typeof TrendRoundView>;

export const TrendView = z.object({ asOf: z.string(), respondentType: z.enum(respondentTypes), rounds: z.array(TrendRoundView) });
export type TrendView = z.output<typeof TrendView>;
