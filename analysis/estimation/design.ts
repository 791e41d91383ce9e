/**
 * The sampling design: provinces, strata nested in them, and primary sampling units (PSUs) nested
 * in strata, as in R's `svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE)`
 * run on each province's data.
 *
 * Variances are with-replacement ("ultimate cluster") estimates from PSU totals of a linearised
 * variable z:  V = Σ_h n_h/(n_h − 1) Σ_k (z_hk − z̄_h)²,  n_h the number of PSUs in stratum h.
 * Domain estimates keep the PSU counts of the full design: a PSU with no member of the domain
 * contributes a zero total.
 *
 * A stratum with a single PSU ("lonely" PSU) has no within-stratum variation to measure. What to
 * do is a choice, named as R's `options(survey.lonely.psu = …)` and computed as survey 4.x does:
 *  - `adjust`: the PSU's total is taken as a deviation from the grand mean (zero for a linearised
 *    variable), so the stratum adds z_hk² — conservative; the default;
 *  - `remove`, `certainty`: the stratum adds nothing (for a one-stage design the two agree);
 *  - `average`: the stratum adds nothing and the variance is scaled up by (strata) / (strata with
 *    two or more PSUs), counting the strata where the figure has respondents — the other strata's
 *    average stands in, as R computes it on the domain's rows (`svymean(…, subset(design, …))`);
 *    with calibrated weights, whose domains keep every row, the province's strata are counted;
 *  - `fail`: a design with such a stratum is refused (R fails as soon as an estimate touches it).
 * Each province is a design of its own (its strata are nested in it), so a province's figures do
 * not depend on what other provinces are in the data.
 */

export const LONELY_PSU_OPTIONS = ['adjust', 'average', 'remove', 'certainty', 'fail'] as const;
export type LonelyPsu = (typeof LONELY_PSU_OPTIONS)[number];

export interface Stratum {
  code: string;
  /** Index of the stratum's first PSU; its PSUs are numbered contiguously. */
  first: number;
  count: number;
  /** Index of its province in `SamplingDesign.provinces`. */
  province: number;
}

export interface SamplingDesign {
  strata: Stratum[];
  psuCount: number;
  /** Stratum and PSU code of each PSU, in PSU order. */
  psus: Array<{ stratum: string; psu: string }>;
  /** Province codes ('' when the data name none); strata are nested in them. */
  provinces: string[];
  /** Province index of each PSU. */
  provinceOfPsu: Int32Array;
  /** Stratum index of each PSU. */
  stratumOfPsu: Int32Array;
  lonelyPsu: LonelyPsu;
  /** Per province: strata / strata with ≥ 2 PSUs (`average` over a whole province; NaN when none has two). */
  provinceScale: Float64Array;
}

export class DesignError extends Error {}

/**
 * Finds provinces, strata and PSUs. Every row needs a stratum and a PSU code; a stratum lies in one
 * province, a PSU in one stratum (PSU codes are read within their stratum, as `nest = TRUE`).
 */
export function samplingDesign(
  stratumOfRow: readonly string[],
  psuOfRowCode: readonly string[],
  provinceOfRow?: readonly string[],
): { design: SamplingDesign; psuOfRow: Int32Array } {
  const size = stratumOfRow.length;
  const byStratum = new Map<string, { province: string; psus: Map<string, number[]> }>();
  for (let i = 0; i < size; i++) {
    const code = stratumOfRow[i];
    const province = provinceOfRow?.[i] ?? '';
    if (code === '') throw new DesignError(`row ${i + 1} has no stratum`);
    if (psuOfRowCode[i] === '') throw new DesignError(`row ${i + 1} has no PSU`);
    let stratum = byStratum.get(code);
    if (!stratum) byStratum.set(code, (stratum = { province, psus: new Map() }));
    else if (stratum.province !== province) {
      throw new DesignError(`stratum "${code}" lies in two provinces ("${stratum.province}" and "${province}"): strata must be nested in provinces`);
    }
    let rows = stratum.psus.get(psuOfRowCode[i]);
    if (!rows) stratum.psus.set(psuOfRowCode[i], (rows = []));
    rows.push(i);
  }
  const provinceIndex = new Map<string, number>();
  const strata: Stratum[] = [];
  const psus: SamplingDesign['psus'] = [];
  const psuOfRow = new Int32Array(size);
  for (const [code, { province, psus: members }] of byStratum) {
    if (!provinceIndex.has(province)) provinceIndex.set(province, provinceIndex.size);
    strata.push({ code, first: psus.length, count: members.size, province: provinceIndex.get(province)! });
    for (const [psu, rows] of members) {
      for (const i of rows) psuOfRow[i] = psus.length;
      psus.push({ stratum: code, psu });
    }
  }
  const provinceOfPsu = new Int32Array(psus.length);
  const stratumOfPsu = new Int32Array(psus.length);
  strata.forEach((s, h) => {
    provinceOfPsu.fill(s.province, s.first, s.first + s.count);
    stratumOfPsu.fill(h, s.first, s.first + s.count);
  });
  const provinces = [...provinceIndex.keys()];
  const design: SamplingDesign = {
    strata,
    psuCount: psus.length,
    psus,
    provinces,
    provinceOfPsu,
    stratumOfPsu,
    lonelyPsu: 'adjust',
    provinceScale: new Float64Array(provinces.length).fill(1),
  };
  return { design, psuOfRow };
}

/** The design with a lonely-PSU option; `fail` throws a DesignError naming the strata with one PSU. */
export function withLonelyPsu(design: SamplingDesign, lonelyPsu: LonelyPsu): SamplingDesign {
  return { ...design, lonelyPsu, provinceScale: provinceScales(design.strata, design.provinces.length, lonelyPsu) };
}

/** Strata / strata with two PSUs or more, per province (NaN when none has two); 1 unless `average`. */
function provinceScales(strata: readonly Stratum[], provinceCount: number, lonelyPsu: LonelyPsu): Float64Array {
  const scale = new Float64Array(provinceCount).fill(1);
  if (lonelyPsu === 'fail') {
    const lonely = strata.filter((s) => s.count === 1).map((s) => `"${s.code}"`);
    if (lonely.length > 0)
      throw new DesignError(`stratum ${lonely.join(', ')} has only one PSU (lonely PSU option "fail"; choose adjust, average, remove or certainty)`);
  }
  if (lonelyPsu !== 'average') return scale;
  const all = new Float64Array(provinceCount);
  const ok = new Float64Array(provinceCount);
  for (const s of strata) {
    all[s.province]++;
    if (s.count > 1) ok[s.province]++;
  }
  for (let p = 0; p < provinceCount; p++) scale[p] = ok[p] > 0 ? all[p] / ok[p] : Number.NaN;
  return scale;
}

/** Whether a stratum's PSUs tell anything about the variance under the design's lonely-PSU option. */
export function measuresVariance(design: SamplingDesign, stratum: Stratum): boolean {
  return stratum.count > 1 || design.lonelyPsu === 'adjust';
}

/**
 * The PSUs a domain touches, by stratum: every other PSU has a zero total, so a variance needs only
 * these and each stratum's PSU count. Without it a domain of a few PSUs would still cost a pass
 * over every PSU of the design (e.g. tens of thousands of online responses, each its own PSU).
 */
export interface PsuScope {
  groups: Array<{ stratum: Stratum; psus: number[] }>;
}

/** The scope of a set of PSUs (in any order). */
export function psuScope(design: SamplingDesign, psus: readonly number[]): PsuScope {
  const sorted = [...psus].sort((a, b) => a - b);
  const groups: PsuScope['groups'] = [];
  let h = 0;
  for (const k of sorted) {
    while (k >= design.strata[h].first + design.strata[h].count) h++;
    const last = groups[groups.length - 1];
    if (last && last.stratum === design.strata[h]) last.psus.push(k);
    else groups.push({ stratum: design.strata[h], psus: [k] });
  }
  return { groups };
}

/** The whole design as a scope (for calibrated weights, whose residuals are non-zero everywhere). */
export function fullScope(design: SamplingDesign): PsuScope {
  return { groups: design.strata.map((stratum) => ({ stratum, psus: Array.from({ length: stratum.count }, (_, m) => stratum.first + m) })) };
}

/**
 * Design covariance of two linearised variables given by their PSU totals (`a[k * stride + i]`,
 * `a[k * stride + j]`); with i = j, the variance. PSUs outside the scope have zero totals: each
 * contributes (0 − mean_i)(0 − mean_j), added at once — the same sum, without visiting them.
 * Lonely strata add z² under `adjust` and nothing otherwise; the `average` scale is the caller's.
 */
export function psuCovariance(design: SamplingDesign, totals: Float64Array, stride: number, i: number, j: number, scope: PsuScope): number {
  let sum = 0;
  for (const { stratum, psus } of scope.groups) {
    if (stratum.count === 1) {
      if (design.lonelyPsu === 'adjust') sum += totals[psus[0] * stride + i] * totals[psus[0] * stride + j];
      continue;
    }
    let meanI = 0;
    let meanJ = 0;
    for (const k of psus) {
      meanI += totals[k * stride + i];
      meanJ += totals[k * stride + j];
    }
    meanI /= stratum.count;
    meanJ /= stratum.count;
    let cross = 0;
    for (const k of psus) cross += (totals[k * stride + i] - meanI) * (totals[k * stride + j] - meanJ);
    cross += (stratum.count - psus.length) * meanI * meanJ;
    sum += (cross * stratum.count) / (stratum.count - 1);
  }
  return sum;
}

export function psuVariance(design: SamplingDesign, totals: Float64Array, stride: number, i: number, scope: PsuScope): number {
  return psuCovariance(design, totals, stride, i, i, scope);
}
