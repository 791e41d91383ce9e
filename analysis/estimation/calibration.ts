/**
 * Variance after calibration. Raked weights are not fixed numbers: they were made to hit known
 * margins, which removes the part of the sampling error that the margins explain. The standard
 * (GREG) linearisation accounts for it: regress each linearised variable d_i = z_i / w_i on the
 * margin indicators m_i with the pre-calibration weights w₀,
 *   β = (Σ w₀ m mᵀ)⁻¹ Σ w₀ m d,
 * and use the calibrated residuals w_i (d_i − m_iᵀβ) in place of z_i — over the whole sample, so
 * rows outside a domain get −w_i m_iᵀβ. This is R's `calibrate(…, calfun = "raking")` followed by
 * `svyrecvar`. Both sums need only cell statistics: Σ w₀ m d from cells keyed by domain and margin
 * categories (accumulated with w₀), and per PSU Σ w m.
 */
import { ratioNumerator, type RatioSpec } from './ratios.ts';
import type { CalibrationStatistics } from './statistics.ts';

export interface PreparedCalibration {
  statistics: CalibrationStatistics;
  width: number;
  columns: number;
  psuCount: number;
  /** Lower-triangular Cholesky factor of Σ w₀ m mᵀ. */
  cholesky: Float64Array;
}

/** Cholesky factor L of a symmetric positive definite p×p matrix (row-major), L Lᵀ = A. */
export function choleskyFactor(matrix: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(matrix[i * p + i])))
          throw new Error('the margin indicators are linearly dependent (a margin category has no respondent?)');
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j];
    }
  }
  return l;
}

/** Solves L Lᵀ x = b in place. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * b[k];
    b[i] = sum / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * b[k];
    b[i] = sum / l[i * p + i];
  }
  return b;
}

export function prepareCalibration(statistics: CalibrationStatistics, width: number, psuCount: number): PreparedCalibration {
  const columns = statistics.columns.length;
  return { statistics, width, columns, psuCount, cholesky: choleskyFactor(statistics.crossProduct, columns) };
}

/**
 * Replaces the PSU totals of every ratio's linearised variable by those of its calibration
 * residual. `calibrationCells` are the calibration cells of the domain.
 */
export function calibratedAdjustment(
  prepared: PreparedCalibration,
  specs: readonly RatioSpec[],
  ratio: Float64Array,
  sums: Float64Array,
  calibrationCells: readonly number[],
  totals: Float64Array,
  stride: number,
): void {
  const { statistics, width, columns: p, psuCount } = prepared;
  // Σ over the domain of w₀ · m_c · (each sum of the layout), per basis column c.
  const moments = new Float64Array(p * width);
  for (const cell of calibrationCells) {
    const basis = statistics.cells[cell].basis;
    const from = cell * width;
    for (let c = 0; c < p; c++) {
      if (basis[c] === 0) continue;
      for (let s = 0; s < width; s++) moments[c * width + s] += basis[c] * statistics.values[from + s];
    }
  }
  const beta = new Float64Array(p);
  for (let e = 0; e < specs.length; e++) {
    if (Number.isNaN(ratio[e])) continue;
    const spec = specs[e];
    const denominator = sums[spec.denominator];
    for (let c = 0; c < p; c++) {
      beta[c] = (ratioNumerator(spec, moments, c * width) - ratio[e] * moments[c * width + spec.denominator]) / denominator;
    }
    choleskySolve(prepared.cholesky, p, beta);
    for (let k = 0; k < psuCount; k++) {
      let fitted = 0;
      for (let c = 0; c < p; c++) fitted += statistics.psuMarginTotals[k * p + c] * beta[c];
      totals[k * stride + e] -= fitted;
    }
  }
}
