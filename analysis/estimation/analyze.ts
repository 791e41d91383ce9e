/**
 * From microdata (or a database's cell statistics) to published estimates, per domain of each
 * requested level. The method, in order:
 *  1. weights: the `weight` column, or design weights N_h / n_h from a frame;
 *  2. optionally raking to population margins, and the calibration-adjusted variance;
 *  3. Hájek ratio estimates per domain, Taylor-linearised with-replacement variances over the full
 *     stratified cluster design (design.ts, domain-estimates.ts);
 *  4. composites as fixed linear combinations of item indices; intervals and reliability (results.ts).
 */
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts';
import { prepareCalibration } from './calibration.ts';
import { samplingDesign, withLonelyPsu, type LonelyPsu } from './design.ts';
import { frameWeights } from './design-weights.ts';
import { estimateDomain, estimationContext, type DomainEstimates, type EstimationContext, type RawEstimate } from './domain-estimates.ts';
import { completeRule, type ReliabilityRule } from './intervals.ts';
import { combineProvinces } from './provinces.ts';
import { levelRankings, type RankedDomain, type Ranking, type RankingOptions } from './rankings.ts';
import { textColumn, type Microdata } from './microdata.ts';
import { defaultRakingOptions, marginBasis, marginVariables, rake, type MarginTotal, type RakingOptions, type RakingReport } from './raking.ts';
import { ratioSpecs } from './ratios.ts';
import { publish, publishInto, type AnalysisResult, type GroupResult, type IndexEstimate, type ItemDetail, type OptionShares } from './results.ts';
import { roundToHundred } from './rounding.ts';
import { accumulate, cellsOfRows, SLOT, statisticsLayout, type CalibrationStatistics, type StatisticsLayout, type SufficientStatistics } from './statistics.ts';
import { estimationPlan, withoutOptionQuestions } from './variables.ts';

/** The level that puts the whole sample in one domain. */
export const ALL_LEVEL = 'all';

export interface AnalysisOptions extends EstimationOptions {
  /** Domain levels: `all`, or a column of the data such as `province`, `district`, `commune`, `office`, `sex`. */
  levels: string[];
  /** Stratum → population: replaces the weight column by design weights N_h / n_h. */
  frame?: ReadonlyMap<string, number>;
  margins?: MarginTotal[];
  raking?: RakingOptions;
  /** Re-labels a unit code before grouping (an old unit as the unit that replaced it); null leaves the row out of that level. */
  unitOf?: (level: string, code: string) => string | null;
}

export class AnalysisInputError extends Error {}

const codeOrder = new Intl.Collator('vi', { numeric: true });

function weightsOf(data: Microdata, options: AnalysisOptions): Float64Array {
  if (options.frame) return frameWeights(textColumn(data, 'stratum'), options.frame);
  const missing = data.weights.findIndex((w) => Number.isNaN(w));
  if (missing >= 0) throw new AnalysisInputError(`row ${missing + 2} has no weight (give the weight column, or a frame with --frame)`);
  return data.weights;
}

function calibrationStatistics(
  layout: StatisticsLayout,
  data: Microdata,
  codes: Int32Array[],
  domainColumns: string[][],
  psuOfRow: Int32Array,
  psuCount: number,
  start: Float64Array,
  raked: Float64Array,
  margins: MarginTotal[],
): CalibrationStatistics {
  const variables = marginVariables(data.text, margins, data.size);
  const basis = marginBasis(variables);
  const p = basis.columns.length;
  // Rows with the same margin categories share one basis vector: number the combinations.
  const combination = new Int32Array(data.size);
  const combinationVectors: Float64Array[] = [];
  const seen = new Map<string, number>();
  const vector = new Float64Array(p);
  for (let i = 0; i < data.size; i++) {
    basis.basisOf(i, vector);
    const key = vector.join(',');
    let index = seen.get(key);
    if (index === undefined) {
      index = combinationVectors.length;
      seen.set(key, index);
      combinationVectors.push(Float64Array.from(vector));
    }
    combination[i] = index;
  }
  const crossProduct = new Float64Array(p * p);
  const psuMarginTotals = new Float64Array(psuCount * p);
  for (let i = 0; i < data.size; i++) {
    const m = combinationVectors[combination[i]];
    for (let a = 0; a < p; a++) {
      if (m[a] === 0) continue;
      psuMarginTotals[psuOfRow[i] * p + a] += raked[i];
      for (let b = 0; b < p; b++) crossProduct[a * p + b] += start[i] * m[a] * m[b];
    }
  }
  const { cellOfRow, cells } = cellsOfRows(combination, domainColumns);
  return {
    columns: basis.columns,
    crossProduct,
    psuMarginTotals,
    cells: cells.map((cell) => ({ domains: cell.domains, basis: combinationVectors[cell.psu] })),
    values: accumulate(layout, codes, start, cellOfRow, cells.length),
  };
}

/** Reduces microdata to cell statistics (after weighting and raking) and estimates every domain. */
export function analyzeMicrodata(def: QuestionnaireDefinition, data: Microdata, options: AnalysisOptions): AnalysisResult {
  const { statistics, raking } = microdataStatistics(def, data, options);
  const result = estimateFromStatistics(def, statistics, options);
  return {
    ...result,
    method: { ...result.method, weights: raking ? 'raked' : options.frame ? 'frame' : 'column' },
    ...(raking ? { raking } : {}),
  };
}

/** Microdata → the cell statistics of the requested levels (weights from the column or a frame, raked if asked). */
export function microdataStatistics(
  def: QuestionnaireDefinition,
  data: Microdata,
  options: AnalysisOptions,
): { statistics: SufficientStatistics; raking?: RakingReport } {
  // Option questions without a column in the data are left out rather than reported as empty.
  // The data may have been read for another plan (e.g. the whole questionnaire, analysed over the
  // items two versions share): columns are matched by code.
  const fullPlan = estimationPlan(def);
  const column = data.variables ? new Map(data.variables.map((code, j) => [code, j])) : undefined;
  const columnOf = fullPlan.variables.map((v, j) => (column ? column.get(v.code) : j));
  fullPlan.variables.slice(0, fullPlan.itemCount).forEach((v, j) => {
    if (columnOf[j] === undefined) throw new AnalysisInputError(`the data have no column for item ${v.code}`);
  });
  const keep = columnOf.map((at) => at !== undefined && data.present[at]);
  const layout = statisticsLayout(withoutOptionQuestions(fullPlan, keep));
  const codes = columnOf.flatMap((at, j) => (j < fullPlan.itemCount || keep[j] ? [data.codes[at!]] : []));
  const start = weightsOf(data, options);
  const provinces = data.text.get('province');
  const noProvince = provinces ? provinces.indexOf('') : -1;
  if (noProvince >= 0) throw new AnalysisInputError(`row ${noProvince + 2} has no province`);
  const { design, psuOfRow } = samplingDesign(textColumn(data, 'stratum'), textColumn(data, 'psu'), provinces);
  const unitOf = options.unitOf;
  const domainColumns = options.levels.map((level) =>
    level === ALL_LEVEL
      ? new Array<string>(data.size).fill(ALL_LEVEL)
      : unitOf
        ? textColumn(data, level).map((code) => (code === '' ? '' : (unitOf(level, code) ?? '')))
        : textColumn(data, level),
  );
  options.levels.forEach((level) => {
    if (level !== ALL_LEVEL && !data.text.has(level)) throw new AnalysisInputError(`the data have no column "${level}" to group by`);
  });

  let weights = start;
  let raking: RakingReport | undefined;
  let calibration: CalibrationStatistics | undefined;
  if (options.margins && options.margins.length > 0) {
    const raked = rake(start, marginVariables(data.text, options.margins, data.size), options.raking ?? defaultRakingOptions);
    weights = raked.weights;
    raking = raked.report;
    calibration = calibrationStatistics(layout, data, codes, domainColumns, psuOfRow, design.psuCount, start, weights, options.margins);
  }
  const { cellOfRow, cells } = cellsOfRows(psuOfRow, domainColumns);
  const statistics: SufficientStatistics = {
    layout,
    design,
    levels: options.levels,
    cells,
    values: accumulate(layout, codes, weights, cellOfRow, cells.length),
    calibration,
  };
  return { statistics, raking };
}

function cellsByDomain(cells: ReadonlyArray<{ domains: string[] }>, level: number): Map<string, number[]> {
  const byDomain = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    const code = cell.domains[level];
    if (code === '') return;
    const list = byDomain.get(code);
    if (list) list.push(index);
    else byDomain.set(code, [index]);
  });
  return byDomain;
}

export interface EstimationOptions {
  reliability?: ReliabilityRule;
  /** A domain's display name (e.g. a locality's name from its code). */
  nameOf?: (level: string, code: string) => string | undefined;
  /** What a stratum with a single PSU contributes to a variance (design.ts); default `adjust`. */
  lonelyPsu?: LonelyPsu;
  /** Province → population, for figures over several provinces; default: the sum of its respondents' weights. */
  provincePopulations?: ReadonlyMap<string, number>;
  /** Rank the units of these levels by every index, with intervals of plausible ranks (rankings.ts). */
  rank?: RankingOptions;
  /**
   * `all` (default): every index, and per item its mean score and distribution, and the option shares;
   * `indices`: the indices only (items' and composites'), e.g. for an overview of thousands of communes
   * and offices — a fifth of the figures, each computed exactly as in `all`.
   */
  figures?: 'all' | 'indices';
}

/** N_p per province of the design: given, or the sum of the weights of its respondents (provinces.ts). */
function provincePopulations(statistics: SufficientStatistics, given?: ReadonlyMap<string, number>): Float64Array {
  const { design, layout, cells, values } = statistics;
  const populations = new Float64Array(design.provinces.length);
  if (given) {
    design.provinces.forEach((code, p) => {
      const n = given.get(code);
      if (n === undefined || !(n > 0) || !Number.isFinite(n)) throw new AnalysisInputError(`no positive population for province "${code}"`);
      populations[p] = n;
    });
    return populations;
  }
  cells.forEach((cell, c) => {
    populations[design.provinceOfPsu[cell.psu]] += values[c * layout.width + layout.respondentsOffset + SLOT.weight];
  });
  return populations;
}

/** Estimates for every domain of every level from cell statistics. */
export function estimateFromStatistics(def: QuestionnaireDefinition, statistics: SufficientStatistics, options: EstimationOptions = {}): AnalysisResult {
  const { layout, cells, values, calibration } = statistics;
  const rule = completeRule(options.reliability);
  const lonelyPsu = options.lonelyPsu ?? 'adjust';
  const design = withLonelyPsu(statistics.design, lonelyPsu);
  if (calibration && design.provinces.length > 1) {
    throw new AnalysisInputError(
      'raking applies to one province at a time: rake each province to its own margins (sipas rake), then analyse the weight column',
    );
  }
  const specs = options.figures === 'indices' ? ratioSpecs(layout).filter((spec) => spec.kind === 'index') : ratioSpecs(layout);
  const prepared = calibration ? prepareCalibration(calibration, layout.width, design.psuCount) : undefined;
  const context = estimationContext(
    layout,
    specs,
    design,
    values,
    Int32Array.from(cells, (c) => c.psu),
    prepared,
    layout.plan.emptyComponents,
  );
  const populations = provincePopulations(statistics, options.provincePopulations);
  const groups: GroupResult[] = [];
  const coverage: AnalysisResult['levels'] = [];
  const rankings: Ranking[] = [];
  // The index figures (items' indices, then composites), as the groups list them: captured for covariances.
  const indexColumns = [...context.itemIndexSpec, ...layout.plan.composites.map((_, c) => specs.length + c)];
  statistics.levels.forEach((level, l) => {
    const ranked = options.rank?.levels.includes(level) ? ([] as RankedDomain[]) : undefined;
    const byDomain = cellsByDomain(cells, l);
    const calibrationByDomain = calibration ? cellsByDomain(calibration.cells, l) : undefined;
    let outside = 0;
    cells.forEach((cell, c) => {
      if (cell.domains[l] === '') outside += values[c * layout.width + layout.respondentsOffset + SLOT.count];
    });
    coverage.push({ level, domains: byDomain.size, respondents_outside: outside });
    for (const code of [...byDomain.keys()].sort(codeOrder.compare)) {
      const { estimates, provinces } = estimateGroup(
        context,
        populations,
        byDomain.get(code)!,
        calibrationByDomain?.get(code) ?? [],
        rule.minPsus,
        ranked ? indexColumns : undefined,
      );
      const group = groupResult(layout, specs, estimates, rule, level, code, options.nameOf?.(level, code) ?? (level === ALL_LEVEL ? 'Toàn bộ mẫu' : code));
      groups.push(group);
      ranked?.push({ group, provinces, influence: estimates.influence });
    }
    if (ranked) rankings.push(...levelRankings(design, level, ranked, options.rank?.coverage));
  });
  const several = design.provinces.length > 1;
  return {
    groups,
    questionnaire: def.version,
    levels: coverage,
    ...(options.rank ? { rankings } : {}),
    method: {
      estimator: 'Hájek (ratio) estimator of each index; composites are linear combinations of item indices',
      variance:
        'Taylor linearisation, with-replacement PSUs within strata (R survey: svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE)); domains over the full design; raked weights: calibration residuals',
      lonelyPsu: LONELY_PSU_RULES[lonelyPsu],
      lonelyPsuOption: lonelyPsu,
      confidence: 0.95,
      reliability: rule,
      composites:
        layout.plan.emptyComponents === 'reweight'
          ? 'reweight: a composite is the weighted mean of its components with a valid answer in the domain, weights rescaled to add up to one; the components left out are listed in missing_components'
          : 'require: a composite is empty where one of its components has no valid answer',
      weights: 'column',
      ...(several
        ? {
            provinces: {
              rule: 'figures over several provinces: Σ W_p θ_p with W_p = N_p / Σ N_q over the provinces with a valid answer; V = Σ W_p² V_p (provinces are independent strata, each with its own design)',
              populations: Object.fromEntries(design.provinces.map((code, p) => [code, populations[p]])),
              source: options.provincePopulations ? 'given' : "sum of the weights of the province's respondents",
            },
          }
        : {}),
    },
  };
}

export const LONELY_PSU_RULES: Record<LonelyPsu, string> = {
  adjust: 'adjust: a stratum with one PSU contributes its squared PSU total (centred at the grand mean), as survey.lonely.psu = "adjust"',
  average:
    'average: a stratum with one PSU contributes nothing and the province\'s variance is scaled by its strata / its strata with two PSUs or more, as survey.lonely.psu = "average"',
  remove: 'remove: a stratum with one PSU contributes nothing, as survey.lonely.psu = "remove"',
  certainty: 'certainty: a stratum with one PSU is taken as sampled with certainty and contributes nothing, as survey.lonely.psu = "certainty"',
  fail: 'fail: a design with a stratum of one PSU is refused, as survey.lonely.psu = "fail"',
};

/** One group's estimates: within one province directly, over several as their stratified combination. */
function estimateGroup(
  context: EstimationContext,
  populations: Float64Array,
  cellIndices: readonly number[],
  calibrationCells: readonly number[],
  minPsus: number,
  capture?: readonly number[],
): { estimates: DomainEstimates; provinces: number[] } {
  const { design } = context;
  const byProvince = new Map<number, number[]>();
  for (const c of cellIndices) {
    const p = design.provinceOfPsu[context.cellPsu[c]];
    const list = byProvince.get(p);
    if (list) list.push(c);
    else byProvince.set(p, [c]);
  }
  if (byProvince.size === 1) return { estimates: estimateDomain(context, cellIndices, calibrationCells, capture), provinces: [...byProvince.keys()] };
  const parts = [...byProvince]
    .sort(([a], [b]) => codeOrder.compare(design.provinces[a], design.provinces[b]))
    .map(([p, list]) => ({ province: design.provinces[p], population: populations[p], estimates: estimateDomain(context, list) }));
  const combine = (pick: (e: DomainEstimates) => RawEstimate[]) =>
    pick(parts[0].estimates).map((_, k) =>
      combineProvinces(
        parts.map((part) => ({ province: part.province, population: part.population, estimate: pick(part.estimates)[k] })),
        minPsus,
      ),
    );
  return { estimates: { ratios: combine((e) => e.ratios), composites: combine((e) => e.composites) }, provinces: [...byProvince.keys()] };
}

/** Displayed shares of a single answer add up to 100 (rounding.ts); those of a multiple choice do not. */
function showRounded(shares: Array<{ estimate: number | null; display: number | null }>, addUp: boolean): void {
  for (const s of shares) s.display = null;
  if (shares.some((s) => s.estimate === null)) return;
  const shown = addUp ? roundToHundred(shares.map((s) => s.estimate!)) : shares.map((s) => Math.round(s.estimate! * 10) / 10);
  shares.forEach((s, k) => (s.display = shown[k]));
}

/** Items first in questionnaire order, then elements, parts and the overall index. */
function groupResult(
  layout: StatisticsLayout,
  specs: ReturnType<typeof ratioSpecs>,
  estimates: DomainEstimates,
  rule: Required<ReliabilityRule>,
  level: string,
  code: string,
  name: string,
): GroupResult {
  const plan = layout.plan;
  const indices: GroupResult['indices'] = [];
  const items: GroupResult['items'] = [];
  const options: GroupResult['options'] = [];
  for (let e = 0; e < specs.length; e++) {
    const spec = specs[e];
    const variable = plan.variables[spec.variable];
    const raw = estimates.ratios[e];
    if (spec.kind === 'index') indices.push(publishInto({ index: variable.code } as IndexEstimate, raw, 'percent', rule));
    else if (spec.kind === 'mean') items.push({ item: variable.code, mean: publish(raw, 'score', rule), distribution: [] });
    else if (variable.kind === 'rating') {
      items[items.length - 1].distribution.push(
        publishInto({ value: variable.categories[spec.category] } as ItemDetail['distribution'][number], raw, 'percent', rule),
      );
    } else {
      if (spec.category === 0) options.push({ question: variable.code, kind: variable.kind === 'multi' ? 'multi' : 'single', shares: [] });
      options[options.length - 1].shares.push(
        publishInto({ option: variable.categories[spec.category] } as OptionShares['shares'][number], raw, 'percent', rule),
      );
    }
  }
  plan.composites.forEach((composite, c) => {
    const raw = estimates.composites[c];
    const figure = publishInto({ index: composite.code } as IndexEstimate, raw, 'percent', rule);
    figure.missing_components = raw.missing ?? [];
    indices.push(figure);
  });
  for (const item of items) showRounded(item.distribution, true);
  for (const option of options) showRounded(option.shares, option.kind === 'single');
  return { level, code, name, indices, items, options };
}
