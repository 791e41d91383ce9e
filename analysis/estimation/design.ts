/**
 * The sampling design: strata, and primary sampling units (PSUs) nested in them, as in R's
 * `svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE)`.
 *
 * Variances are with-replacement ("ultimate cluster") estimates from PSU totals of a linearised
 * variable z:  V = Σ_h n_h/(n_h − 1) Σ_k (z_hk − z̄_h)²,  n_h the number of PSUs in stratum h.
 *
 * A stratum with a single PSU has no within-stratum variation to measure. Such a PSU's total is
 * taken as a deviation from the grand mean, which is zero for a linearised variable, so it adds
 * z_hk² — what R does with `options(survey.lonely.psu = "adjust")`. Domain estimates keep the PSU
 * counts of the full design: a PSU with no member of the domain contributes a zero total.
 */

export interface Stratum {
  code: string;
  /** Index of the stratum's first PSU; its PSUs are numbered contiguously. */
  first: number;
  count: number;
}

export interface SamplingDesign {
  strata: Stratum[];
  psuCount: number;
  /** Stratum and PSU code of each PSU, in PSU order. */
  psus: Array<{ stratum: string; psu: string }>;
}

/** Finds strata and PSUs; an empty PSU code makes the row its own PSU. */
export function samplingDesign(stratumOfRow: readonly string[], psuOfRowCode: readonly string[]): { design: SamplingDesign; psuOfRow: Int32Array } {
  const size = stratumOfRow.length;
  const byStratum = new Map<string, Map<string, number[]>>();
  for (let i = 0; i < size; i++) {
    const stratum = stratumOfRow[i];
    const psu = psuOfRowCode[i] === '' ? `\u0000row${i}` : psuOfRowCode[i];
    let psus = byStratum.get(stratum);
    if (!psus) byStratum.set(stratum, (psus = new Map()));
    let rows = psus.get(psu);
    if (!rows) psus.set(psu, (rows = []));
    rows.push(i);
  }
  const strata: Stratum[] = [];
  const psus: SamplingDesign['psus'] = [];
  const psuOfRow = new Int32Array(size);
  for (const [code, members] of byStratum) {
    strata.push({ code, first: psus.length, count: members.size });
    for (const [psu, rows] of members) {
      for (const i of rows) psuOfRow[i] = psus.length;
      psus.push({ stratum: code, psu: psu.startsWith('\u0000row') ? '' : psu });
    }
  }
  return { design: { strata, psuCount: psus.length, psus }, psuOfRow };
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

/**
 * Design covariance of two linearised variables given by their PSU totals (`a[k * stride + i]`,
 * `a[k * stride + j]`); with i = j, the variance. With a scope, PSUs outside it have zero totals:
 * each contributes (0 − mean_i)(0 − mean_j), added at once — the same sum, without visiting them.
 */
export function psuCovariance(design: SamplingDesign, totals: Float64Array, stride: number, i: number, j: number, scope?: PsuScope): number {
  if (scope) return scopedCovariance(scope, totals, stride, i, j);
  let sum = 0;
  for (const stratum of design.strata) {
    const end = stratum.first + stratum.count;
    if (stratum.count === 1) {
      sum += totals[stratum.first * stride + i] * totals[stratum.first * stride + j];
      continue;
    }
    let meanI = 0;
    let meanJ = 0;
    for (let k = stratum.first; k < end; k++) {
      meanI += totals[k * stride + i];
      meanJ += totals[k * stride + j];
    }
    meanI /= stratum.count;
    meanJ /= stratum.count;
    let cross = 0;
    for (let k = stratum.first; k < end; k++) cross += (totals[k * stride + i] - meanI) * (totals[k * stride + j] - meanJ);
    sum += (cross * stratum.count) / (stratum.count - 1);
  }
  return sum;
}

function scopedCovariance(scope: PsuScope, totals: Float64Array, stride: number, i: number, j: number): number {
  let sum = 0;
  for (const { stratum, psus } of scope.groups) {
    if (stratum.count === 1) {
      sum += totals[psus[0] * stride + i] * totals[psus[0] * stride + j];
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

export function psuVariance(design: SamplingDesign, totals: Float64Array, stride: number, i: number, scope?: PsuScope): number {
  return psuCovariance(design, totals, stride, i, i, scope);
}
