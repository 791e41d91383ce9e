/**
 * Covariances between the estimates of different domains (for ranking and for differences between
 * units). Two domains' estimates are correlated when their PSUs share strata: each PSU total is
 * centred at its stratum's mean, which both domains' PSUs enter. For domains A and B and one figure,
 * with PSU totals a_k, b_k of the linearised variable (zero where a domain has no member):
 *     C(A, B) = Σ_h s_h · n_h/(n_h − 1) · (Σ_{k∈h} a_k b_k − (Σ_{k∈h} a_k)(Σ_{k∈h} b_k) / n_h),
 * over the strata both touch (s_h the lonely-PSU scale; a stratum with one PSU adds a_k b_k under
 * `adjust`, nothing otherwise) — the off-diagonal of what R's `svyby(…, covmat = TRUE)` returns
 * (which, under `average`, scales by the province's strata as that call does).
 * Domains in different provinces share no stratum: their covariance is zero.
 */
import type { SamplingDesign } from './design.ts';

/** A domain's PSU totals for a set of figures: PSUs in increasing order, `columns` totals each. */
export interface Influence {
  psus: Int32Array;
  columns: number;
  totals: Float64Array;
}

export function influenceOf(psus: readonly number[], totals: Float64Array, stride: number, columns: readonly number[]): Influence {
  const sorted = Int32Array.from(psus).sort();
  const out = new Float64Array(sorted.length * columns.length);
  sorted.forEach((k, m) => columns.forEach((c, q) => (out[m * columns.length + q] = totals[k * stride + c])));
  return { psus: sorted, columns: columns.length, totals: out };
}

/** Covariances of every captured figure between two domains' estimates; null when they share no stratum (all zero). */
export function domainCovariances(design: SamplingDesign, a: Influence, b: Influence): Float64Array | null {
  const strataOfA = new Set<number>();
  for (let m = 0; m < a.psus.length; m++) strataOfA.add(design.stratumOfPsu[a.psus[m]]);
  let shared = false;
  for (let m = 0; m < b.psus.length && !shared; m++) shared = strataOfA.has(design.stratumOfPsu[b.psus[m]]);
  if (!shared) return null;
  const columns = a.columns;
  // Per stratum touched: Σa, Σb and Σab per column, over the PSUs either domain touches.
  const sums = new Map<number, Float64Array>();
  let i = 0;
  let j = 0;
  while (i < a.psus.length || j < b.psus.length) {
    const ka = i < a.psus.length ? a.psus[i] : Infinity;
    const kb = j < b.psus.length ? b.psus[j] : Infinity;
    const k = Math.min(ka, kb);
    const h = design.stratumOfPsu[k];
    let s = sums.get(h);
    if (!s) sums.set(h, (s = new Float64Array(3 * columns)));
    const fromA = ka === k ? i++ * columns : -1;
    const fromB = kb === k ? j++ * columns : -1;
    for (let q = 0; q < columns; q++) {
      const va = fromA >= 0 ? a.totals[fromA + q] : 0;
      const vb = fromB >= 0 ? b.totals[fromB + q] : 0;
      s[q] += va;
      s[columns + q] += vb;
      s[2 * columns + q] += va * vb;
    }
  }
  const covariance = new Float64Array(columns);
  for (const [h, s] of sums) {
    const stratum = design.strata[h];
    const scale = design.provinceScale[stratum.province];
    for (let q = 0; q < columns; q++) {
      if (stratum.count === 1) {
        if (design.lonelyPsu === 'adjust') covariance[q] += scale * s[2 * columns + q];
        continue;
      }
      covariance[q] += ((scale * stratum.count) / (stratum.count - 1)) * (s[2 * columns + q] - (s[q] * s[columns + q]) / stratum.count);
    }
  }
  return covariance;
}
