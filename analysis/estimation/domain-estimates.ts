/**
 * Estimates for one domain (e.g. one district) from the cells that belong to it, with variances
 * over the *full* design: PSUs without a member of the domain keep their place with a zero total,
 * so a domain estimate is not a re-run on the subset as if it were the whole sample.
 *
 * Composite indices (element, part, overall) are linear combinations θ = Σ a_j p_j of item
 * indices; their linearised variable is Σ a_j z_j, so their variance comes from the same PSU totals.
 * Where a component has no valid answer in the domain (nobody there made a complaint, so the
 * feedback items are empty), the SIPAS rule of the questionnaire version applies (composites.ts):
 * by default the composite is the weighted mean of the components present, its weights rescaled to
 * add up to one, and the components left out are listed with the figure.
 */
import { calibratedAdjustment, type PreparedCalibration } from './calibration.ts';
import { compositeCoefficients, compositeTree, type CompositeTree } from './composites.ts';
import { influenceOf, type Influence } from './domain-covariance.ts';
import { fullScope, measuresVariance, psuScope, psuVariance, type PsuScope, type SamplingDesign } from './design.ts';
import { ratioNumerator, type RatioSpec } from './ratios.ts';
import { SLOT, type StatisticsLayout } from './statistics.ts';

/** A point estimate with its sampling variance, as fractions (not yet percentages). */
export interface RawEstimate {
  value: number;
  variance: number;
  /** Variance under simple random sampling (with replacement) of the same respondents, for the design effect. */
  srsVariance: number;
  n: number;
  weightSum: number;
  squaredWeightSum: number;
  /** PSUs holding at least one respondent to this figure in the domain. */
  psus: number;
  /** Whether one of those PSUs lies in a stratum that measures variance under the lonely-PSU option. */
  measured: boolean;
  /** Composites: components without a valid answer in the domain, left out by the re-weighting rule. */
  missing?: string[];
  /** Figures over several provinces: their effective sample size (provinces.ts), in place of Kish's of the weights. */
  effectiveN?: number;
  /** Figures over several provinces: the provinces left out for want of a valid answer. */
  missingProvinces?: string[];
}

export interface DomainEstimates {
  ratios: RawEstimate[];
  composites: RawEstimate[];
  /** With `capture`: the PSU totals of the captured figures (for covariances between domains). */
  influence?: Influence;
}

export interface EstimationContext {
  layout: StatisticsLayout;
  specs: RatioSpec[];
  design: SamplingDesign;
  values: Float64Array;
  cellPsu: Int32Array;
  calibration?: PreparedCalibration;
  tree: CompositeTree;
  /** Index in `specs` of each item's index ratio. */
  itemIndexSpec: number[];
  /** Per PSU: 1 when its stratum measures variance (design.ts, measuresVariance). */
  psuMeasures: Uint8Array;
  /** Scratch: PSU sums and PSU totals of linearised variables; per PSU the last domain that touched it. */
  psuSums: Float64Array;
  totals: Float64Array;
  stamp: Int32Array;
  domains: number;
}

export function estimationContext(
  layout: StatisticsLayout,
  specs: RatioSpec[],
  design: SamplingDesign,
  values: Float64Array,
  cellPsu: Int32Array,
  calibration?: PreparedCalibration,
  emptyComponents: 'reweight' | 'require' = 'reweight',
): EstimationContext {
  const plan = layout.plan;
  const itemIndexSpec = new Array<number>(plan.itemCount);
  specs.forEach((spec, e) => {
    if (spec.kind === 'index') itemIndexSpec[spec.variable] = e;
  });
  const psuMeasures = new Uint8Array(design.psuCount);
  for (const stratum of design.strata) if (measuresVariance(design, stratum)) psuMeasures.fill(1, stratum.first, stratum.first + stratum.count);
  // One column per ratio and composite, and one for the design-effect variable (compositeSrsVariance).
  const stride = specs.length + plan.composites.length + 1;
  return {
    layout,
    specs,
    design,
    values,
    cellPsu,
    calibration,
    tree: compositeTree(plan, emptyComponents),
    itemIndexSpec,
    psuMeasures,
    psuSums: new Float64Array(design.psuCount * layout.width),
    totals: new Float64Array(design.psuCount * stride),
    stamp: new Int32Array(design.psuCount),
    domains: 0,
  };
}

function srsVarianceOfRatio(spec: RatioSpec, ratio: number, count: number, sums: Float64Array): number {
  if (count < 2) return Number.NaN;
  if (spec.kind !== 'mean') return (ratio * (1 - ratio)) / (count - 1);
  // σ̂² = n/(n−1) · Σ w (x − m)² / Σ w, over the valid answers; Var_srs = σ̂² / n.
  let squares = 0;
  for (const term of spec.numerator) squares += sums[term.slot] * (term.coefficient - ratio) ** 2;
  return squares / sums[spec.denominator] / (count - 1);
}

/** PSUs of the domain with respondents counted at `countSlot`, and whether one of them measures variance. */
function psuPresence(ctx: EstimationContext, touched: readonly number[], countSlot: number): { psus: number; measured: boolean } {
  const width = ctx.layout.width;
  let psus = 0;
  let measured = false;
  for (const k of touched) {
    if (ctx.psuSums[k * width + countSlot] > 0) {
      psus++;
      if (ctx.psuMeasures[k]) measured = true;
    }
  }
  return { psus, measured };
}

/**
 * Lonely PSUs `average`: (strata) / (strata with two PSUs or more), over the strata where the figure
 * has respondents counted at `countSlot` — the strata of the rows R's subset keeps. With calibrated
 * weights R keeps every row, so the province's strata count. 1 for the other options.
 */
function averageScale(ctx: EstimationContext, touched: readonly number[], countSlot: number): number {
  const { design, layout } = ctx;
  if (design.lonelyPsu !== 'average' || touched.length === 0) return 1;
  if (ctx.calibration) return design.provinceScale[design.provinceOfPsu[touched[0]]];
  const strata = new Set<number>();
  for (const k of touched) if (ctx.psuSums[k * layout.width + countSlot] > 0) strata.add(design.stratumOfPsu[k]);
  let ok = 0;
  for (const h of strata) if (design.strata[h].count > 1) ok++;
  return ok > 0 ? strata.size / ok : Number.NaN;
}

/**
 * `capture`: figure columns (ratio spec indices, or specs.length + composite index) whose PSU totals
 * to keep, for covariances with other domains (domain-covariance.ts).
 */
export function estimateDomain(
  ctx: EstimationContext,
  cellIndices: readonly number[],
  calibrationCells?: readonly number[],
  capture?: readonly number[],
): DomainEstimates {
  const { layout, specs, design, values, cellPsu, psuSums, totals } = ctx;
  const width = layout.width;
  const ratioCount = specs.length;
  const stride = ratioCount + layout.plan.composites.length + 1;

  // Sums over the domain, and per PSU.
  const sums = new Float64Array(width);
  const touched: number[] = [];
  const stamp = ++ctx.domains;
  for (const cell of cellIndices) {
    const k = cellPsu[cell];
    if (ctx.stamp[k] !== stamp) {
      ctx.stamp[k] = stamp;
      touched.push(k);
      psuSums.fill(0, k * width, (k + 1) * width);
    }
    const from = cell * width;
    for (let s = 0; s < width; s++) {
      sums[s] += values[from + s];
      psuSums[k * width + s] += values[from + s];
    }
  }

  // Ratios and the PSU totals of their linearised variables. Without calibration only the PSUs the
  // domain touches have non-zero totals, and only they are visited (see PsuScope).
  if (ctx.calibration) totals.fill(0);
  else for (const k of touched) totals.fill(0, k * stride, (k + 1) * stride);
  const scope: PsuScope = ctx.calibration ? fullScope(design) : psuScope(design, touched);
  const ratio = new Float64Array(ratioCount);
  for (let e = 0; e < ratioCount; e++) {
    const spec = specs[e];
    const denominator = sums[spec.denominator];
    if (!(denominator > 0)) {
      ratio[e] = Number.NaN;
      continue;
    }
    const r = ratioNumerator(spec, sums) / denominator;
    ratio[e] = r;
    for (const k of touched) {
      const at = k * width;
      totals[k * stride + e] = (ratioNumerator(spec, psuSums, at) - r * psuSums[at + spec.denominator]) / denominator;
    }
  }
  if (ctx.calibration && calibrationCells) calibratedAdjustment(ctx.calibration, specs, ratio, sums, calibrationCells, totals, stride);

  const designVariance = new Float64Array(ratioCount);
  const ratios: RawEstimate[] = specs.map((spec, e) => {
    const offset = layout.variableOffsets[spec.variable];
    const count = sums[offset + SLOT.count];
    designVariance[e] = Number.isNaN(ratio[e]) ? Number.NaN : psuVariance(design, totals, stride, e, scope);
    return {
      value: ratio[e],
      variance: Number.isNaN(ratio[e]) ? Number.NaN : averageScale(ctx, touched, offset + SLOT.count) * designVariance[e],
      srsVariance: Number.isNaN(ratio[e]) ? Number.NaN : srsVarianceOfRatio(spec, ratio[e], count, sums),
      n: count,
      weightSum: sums[offset + SLOT.weight],
      squaredWeightSum: sums[offset + SLOT.squaredWeight],
      ...psuPresence(ctx, touched, offset + SLOT.count),
    };
  });

  const itemPresent = ctx.itemIndexSpec.map((e) => !Number.isNaN(ratio[e]));
  const coefficients = compositeCoefficients(ctx.tree, itemPresent);
  const composites = coefficients.map((composite, c): RawEstimate => {
    const offset = layout.compositeOffsets[c];
    const base = {
      n: sums[offset + SLOT.count],
      weightSum: sums[offset + SLOT.weight],
      squaredWeightSum: sums[offset + SLOT.squaredWeight],
      ...psuPresence(ctx, touched, offset + SLOT.count),
      missing: composite.missing,
    };
    if (composite.items.length === 0) return { ...base, value: Number.NaN, variance: Number.NaN, srsVariance: Number.NaN };
    const columns = composite.items.map((j) => ctx.itemIndexSpec[j]);
    const column = ratioCount + c;
    let value = 0;
    columns.forEach((e, m) => (value += composite.coefficients[m] * ratio[e]));
    for (const { psus } of scope.groups) {
      for (const k of psus) {
        let z = 0;
        for (let m = 0; m < columns.length; m++) z += composite.coefficients[m] * totals[k * stride + columns[m]];
        totals[k * stride + column] = z;
      }
    }
    const variance = averageScale(ctx, touched, layout.respondentsOffset + SLOT.count) * psuVariance(design, totals, stride, column, scope);
    // The design effect needs the items' covariances; where there is no variance (one PSU) there is no design effect either.
    const srsVariance =
      base.psus >= 2 && base.measured ? compositeSrsVariance(ctx, scope, columns, composite.coefficients, ratios, designVariance) : Number.NaN;
    return { ...base, value, variance, srsVariance };
  });
  if (!capture) return { ratios, composites };
  const psus = scope.groups.flatMap((g) => g.psus);
  return { ratios, composites, influence: influenceOf(psus, totals, stride, capture) };
}

/**
 * The design effect of a composite compares its design variance with what simple random sampling
 * of the same respondents would give. That variance is assembled from the items' own SRS variances
 * and the items' correlations as estimated under the design:
 *   V_srs(θ) = Σ_j Σ_l a_j a_l ρ_jl √(V_srs,j V_srs,l).
 * It reduces to an item's own design effect for a one-item composite, and to the common design
 * effect when all items share one. (The exact unit-level SRS variance would need cross-products of
 * every pair of items per respondent, which a database cannot supply cheaply.)
 * With c_j = a_j √(V_srs,j / V_j), the double sum is the design variance of Σ_j c_j z_j — one
 * variance of one linearised variable rather than a covariance per pair of items; an item without
 * design variance adds a_j² V_srs,j alone.
 */
function compositeSrsVariance(
  ctx: EstimationContext,
  scope: PsuScope,
  columns: number[],
  coefficients: number[],
  ratios: RawEstimate[],
  designVariance: Float64Array,
): number {
  const { totals, design } = ctx;
  const stride = ctx.specs.length + ctx.layout.plan.composites.length + 1;
  const column = stride - 1;
  let alone = 0;
  const c = new Float64Array(columns.length);
  for (let m = 0; m < columns.length; m++) {
    const e = columns[m];
    const srs = ratios[e].srsVariance;
    if (Number.isNaN(srs)) return Number.NaN;
    if (designVariance[e] > 0) c[m] = coefficients[m] * Math.sqrt(srs / designVariance[e]);
    else alone += coefficients[m] * coefficients[m] * srs;
  }
  for (const { psus } of scope.groups) {
    for (const k of psus) {
      let z = 0;
      for (let m = 0; m < columns.length; m++) z += c[m] * totals[k * stride + columns[m]];
      totals[k * stride + column] = z;
    }
  }
  return alone + psuVariance(design, totals, stride, column, scope);
}
