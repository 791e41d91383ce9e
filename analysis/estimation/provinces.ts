/**
 * Figures over several provinces: the national index, and any group that spans provinces.
 *
 * Provinces are the strata of the national design, each with its own design nested in it (its
 * strata and PSUs) and known size N_p. A figure over a set of provinces is the stratified
 * ("separate ratio") estimator
 *     θ̂ = Σ_p W_p θ̂_p,   W_p = N_p / Σ_q N_q,
 * where θ̂_p is the province's own figure (for a group such as women, the province's figure for
 * that group) and the sum runs over the provinces where the figure has a valid answer — a province
 * without one is left out, W rescaled over the others, and named in `missing_provinces`. Provinces
 * are sampled independently and their strata are disjoint, so
 *     V(θ̂) = Σ_p W_p² V(θ̂_p),
 * and each province's figure is exactly the same with or without the other provinces in the data.
 * In R: each province's `svydesign` on its own rows, `svymean`/`svycontrast` there, then
 * Σ W_p θ̂_p and Σ W_p² SE_p² (or `svyby(…, ~province, covmat = TRUE)` + `svycontrast` with W,
 * identical for every lonely-PSU option but `average`, whose scaling counts the province's strata).
 *
 * N_p is the province's population: given (`provincePopulations`), or the sum of its respondents'
 * weights — with design weights N_h / n_h from the round's frame, exactly the frame's population of
 * the province's sampled strata.
 *
 * The design effect compares V(θ̂) with Σ W_p² V_srs(θ̂_p); the effective sample size is the one of
 * the combined weights W_p w_i / Σ_{i∈p} w_i: 1 / Σ_p (W_p² / n_eff,p).
 */
import type { RawEstimate } from './domain-estimates.ts';
import { kishEffectiveN } from './intervals.ts';

export interface ProvincePart {
  province: string;
  population: number;
  estimate: RawEstimate;
}

export interface CombinedEstimate extends RawEstimate {
  effectiveN: number;
  /** Provinces of the group without a valid answer to this figure, left out of it. */
  missingProvinces: string[];
}

/** Combines the figures of one group in several provinces; `minPsus`: fewest PSUs for a province's variance to count as estimable. */
export function combineProvinces(parts: readonly ProvincePart[], minPsus: number): CombinedEstimate {
  const defined = parts.filter((p) => Number.isFinite(p.estimate.value));
  const missingProvinces = parts.filter((p) => !Number.isFinite(p.estimate.value)).map((p) => p.province);
  const total = defined.reduce((s, p) => s + p.population, 0);
  let value = 0;
  let variance = 0;
  let srsVariance = 0;
  let inverseEffective = 0;
  for (const { population, estimate } of defined) {
    const w = population / total;
    value += w * estimate.value;
    variance += w * w * estimate.variance;
    srsVariance += w * w * estimate.srsVariance;
    inverseEffective += (w * w) / kishEffectiveN(estimate.weightSum, estimate.squaredWeightSum);
  }
  const sum = (f: (e: RawEstimate) => number) => parts.reduce((s, p) => s + f(p.estimate), 0);
  const missing = [...new Set(defined.flatMap((p) => p.estimate.missing ?? []))];
  return {
    value: defined.length > 0 ? value : Number.NaN,
    variance: defined.length > 0 ? variance : Number.NaN,
    srsVariance: defined.length > 0 ? srsVariance : Number.NaN,
    n: sum((e) => e.n),
    weightSum: sum((e) => e.weightSum),
    squaredWeightSum: sum((e) => e.squaredWeightSum),
    psus: sum((e) => e.psus),
    // Every province's variance must be estimable for the sum's to be: a province from one PSU would add an unknown.
    measured: defined.length > 0 && defined.every((p) => p.estimate.measured && p.estimate.psus >= minPsus),
    ...(parts[0]?.estimate.missing !== undefined ? { missing } : {}),
    effectiveN: defined.length > 0 ? 1 / inverseEffective : 0,
    missingProvinces,
  };
}
