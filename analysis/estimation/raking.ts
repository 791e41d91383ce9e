/**
 * Raking (iterative proportional fitting): weights are scaled, one margin variable at a time, until
 * the weighted count of every category matches its known population total. It converges to the
 * calibration with the raking distance — the weights R's `calibrate(…, calfun = "raking")` finds.
 * Optional bounds keep each weight within [lower, upper] times its starting weight (trimming); a
 * bounded raking may be unable to meet every margin, which the report says.
 */
import { kishEffectiveN } from './intervals.ts';
import { checkFeasibleMargins } from './raking-feasibility.ts';

export interface MarginTotal {
  variable: string;
  category: string;
  total: number;
}

export interface RakingOptions {
  /** Largest relative gap between a weighted category count and its target that counts as met. */
  tolerance: number;
  maxIterations: number;
  /** Bounds on the ratio of raked to starting weight. */
  bounds?: { lower: number; upper: number };
}

export const defaultRakingOptions: RakingOptions = { tolerance: 1e-10, maxIterations: 1000 };

export interface RakingReport {
  converged: boolean;
  tolerance: number;
  iterations: number;
  /** Largest relative change of any weight in the last iteration. */
  maxChange: number;
  /** Largest relative gap between a margin and its target at the end. */
  maxMarginGap: number;
  weightRange: { before: [number, number]; after: [number, number] };
  /** Range of raked / starting weight. */
  adjustmentRange: [number, number];
  effectiveN: { before: number; after: number };
  /** Weights held at a bound at the end. */
  atBounds: number;
  margins: Array<MarginTotal & { before: number; after: number }>;
}

export class RakingError extends Error {}

/** Raking that did not meet every margin within the tolerance and the iteration cap: an error, with what was reached. */
export class RakingNotConvergedError extends RakingError {
  constructor(readonly report: RakingReport) {
    super(
      `raking did not converge: the largest margin gap is ${report.maxMarginGap.toExponential(3)} (relative) after ${report.iterations} iterations ` +
        `(tolerance ${report.tolerance}; raise --max-iterations, loosen --tolerance or --bounds, or check the margins)`,
    );
  }
}

interface MarginVariable {
  name: string;
  categories: string[];
  targets: number[];
  /** Category index per row. */
  codes: Int32Array;
}

/** Checks margins against the data and codes each row's category of each margin variable. */
export function marginVariables(columns: ReadonlyMap<string, readonly string[]>, margins: readonly MarginTotal[], size: number): MarginVariable[] {
  const byVariable = new Map<string, MarginTotal[]>();
  for (const m of margins) {
    if (!(m.total > 0) || !Number.isFinite(m.total)) throw new RakingError(`margin ${m.variable}=${m.category}: the total must be a positive number`);
    byVariable.set(m.variable, [...(byVariable.get(m.variable) ?? []), m]);
  }
  const variables: MarginVariable[] = [];
  let grandTotal: number | undefined;
  for (const [name, rows] of byVariable) {
    const column = columns.get(name);
    if (!column) throw new RakingError(`margin variable ${name} is not a column of the data`);
    const categories = rows.map((r) => r.category);
    if (new Set(categories).size !== categories.length) throw new RakingError(`margin variable ${name} lists a category twice`);
    const sum = rows.reduce((s, r) => s + r.total, 0);
    if (grandTotal === undefined) grandTotal = sum;
    else if (Math.abs(sum - grandTotal) > 1e-9 * grandTotal) {
      throw new RakingError(
        `the totals of margin ${name} add up to ${sum}, those of the first margin to ${grandTotal}: margins must describe the same population`,
      );
    }
    const index = new Map(categories.map((c, k) => [c, k]));
    const codes = new Int32Array(size);
    const present = new Uint8Array(categories.length);
    for (let i = 0; i < size; i++) {
      const k = index.get(column[i]);
      if (k === undefined) throw new RakingError(`row ${i + 2}: ${name} = "${column[i]}" has no margin total`);
      codes[i] = k;
      present[k] = 1;
    }
    const absent = categories.filter((_, k) => !present[k]);
    if (absent.length > 0) throw new RakingError(`margin ${name}: no respondent in ${absent.join(', ')}, so the weights cannot reach that total`);
    variables.push({ name, categories, targets: rows.map((r) => r.total), codes });
  }
  if (variables.length === 0) throw new RakingError('no margins given');
  return variables;
}

function categoryTotals(variable: MarginVariable, weights: Float64Array): Float64Array {
  const totals = new Float64Array(variable.categories.length);
  for (let i = 0; i < weights.length; i++) totals[variable.codes[i]] += weights[i];
  return totals;
}

function range(values: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function squaredSum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return s;
}

function maxGap(variables: MarginVariable[], weights: Float64Array): number {
  let gap = 0;
  for (const v of variables) {
    const totals = categoryTotals(v, weights);
    v.targets.forEach((t, k) => (gap = Math.max(gap, Math.abs(totals[k] - t) / t)));
  }
  return gap;
}

export function rake(
  start: Float64Array,
  variables: MarginVariable[],
  options: RakingOptions = defaultRakingOptions,
): { weights: Float64Array; report: RakingReport } {
  checkFeasibleMargins(variables, start, options.bounds);
  const size = start.length;
  const weights = Float64Array.from(start);
  const previous = new Float64Array(size);
  const { lower, upper } = options.bounds ?? { lower: 0, upper: Infinity };
  let iterations = 0;
  let maxChange = 0;
  let gap = maxGap(variables, weights);
  while (gap > options.tolerance && iterations < options.maxIterations) {
    iterations++;
    previous.set(weights);
    for (const v of variables) {
      const totals = categoryTotals(v, weights);
      const factors = v.targets.map((t, k) => t / totals[k]);
      for (let i = 0; i < size; i++) {
        let w = weights[i] * factors[v.codes[i]];
        if (options.bounds) w = Math.min(Math.max(w, lower * start[i]), upper * start[i]);
        weights[i] = w;
      }
    }
    maxChange = 0;
    for (let i = 0; i < size; i++) maxChange = Math.max(maxChange, Math.abs(weights[i] / previous[i] - 1));
    gap = maxGap(variables, weights);
  }
  let atBounds = 0;
  const adjustment = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    adjustment[i] = weights[i] / start[i];
    if (options.bounds && (adjustment[i] <= lower * (1 + 1e-12) || adjustment[i] >= upper * (1 - 1e-12))) atBounds++;
  }
  const margins = variables.flatMap((v) => {
    const before = categoryTotals(v, start);
    const after = categoryTotals(v, weights);
    return v.categories.map((category, k) => ({ variable: v.name, category, total: v.targets[k], before: before[k], after: after[k] }));
  });
  const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);
  const report: RakingReport = {
    converged: gap <= options.tolerance,
    tolerance: options.tolerance,
    iterations,
    maxChange,
    maxMarginGap: gap,
    weightRange: { before: range(start), after: range(weights) },
    adjustmentRange: range(adjustment),
    effectiveN: { before: kishEffectiveN(sum(start), squaredSum(start)), after: kishEffectiveN(sum(weights), squaredSum(weights)) },
    atBounds,
    margins,
  };
  if (!report.converged) throw new RakingNotConvergedError(report);
  return { weights, report };
}

/**
 * The margin indicators as a full-rank basis spanning the same space as R's model matrix for
 * `~ var1 + var2 + …`: every category of the first variable (their sum is the intercept), and every
 * category but the first of the others.
 */
export function marginBasis(variables: MarginVariable[]): { columns: string[]; basisOf(row: number, out: Float64Array): void } {
  const columns: string[] = [];
  const starts: number[] = [];
  variables.forEach((v, index) => {
    starts.push(columns.length - (index === 0 ? 0 : 1));
    v.categories.forEach((c, k) => {
      if (index === 0 || k > 0) columns.push(`${v.name}=${c}`);
    });
  });
  return {
    columns,
    basisOf(row, out) {
      out.fill(0);
      variables.forEach((v, index) => {
        const k = v.codes[row];
        if (index === 0 || k > 0) out[starts[index] + k] = 1;
      });
    },
  };
}
