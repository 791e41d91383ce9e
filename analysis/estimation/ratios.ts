/**
 * Every published figure is a ratio of two weighted sums, R = N / D, estimated in a domain by
 * Hájek's estimator (the sums taken over the domain's members only):
 *   item index      N = Σ w·[answer satisfied],   D = Σ w·[valid answer]
 *   mean score      N = Σ w·answer,                D = Σ w·[valid answer]
 *   share of value  N = Σ w·[answer = value],      D = Σ w·[answered]
 * Linearised, a ratio behaves like the total of z_i = w_i (y_i − R x_i) / D over the domain, so
 * its PSU totals are (N_k − R·D_k) / D from the cells' sums — the same z R's `survey` uses.
 */
import { SLOT, type StatisticsLayout } from './statistics.ts';

export type RatioKind = 'index' | 'mean' | 'share';

export interface RatioSpec {
  kind: RatioKind;
  /** Variable (item or option question) index in the plan. */
  variable: number;
  /** For shares: the category's index. */
  category: number;
  numerator: Array<{ slot: number; coefficient: number }>;
  denominator: number;
}

/** The ratios of a layout: per item its index, mean score and share of each value; per option question, each option's share. */
export function ratioSpecs(layout: StatisticsLayout): RatioSpec[] {
  const specs: RatioSpec[] = [];
  layout.plan.variables.forEach((variable, j) => {
    const offset = layout.variableOffsets[j];
    const denominator = offset + SLOT.weight;
    const category = (k: number) => offset + SLOT.categories + k;
    if (variable.kind === 'rating') {
      specs.push({ kind: 'index', variable: j, category: -1, denominator, numerator: variable.satisfied.map((k) => ({ slot: category(k), coefficient: 1 })) });
      specs.push({
        kind: 'mean',
        variable: j,
        category: -1,
        denominator,
        numerator: variable.categories.map((value, k) => ({ slot: category(k), coefficient: Number(value) })),
      });
    }
    variable.categories.forEach((_, k) =>
      specs.push({ kind: 'share', variable: j, category: k, denominator, numerator: [{ slot: category(k), coefficient: 1 }] }),
    );
  });
  return specs;
}

export function ratioNumerator(spec: RatioSpec, sums: Float64Array, offset = 0): number {
  let n = 0;
  for (const term of spec.numerator) n += term.coefficient * sums[offset + term.slot];
  return n;
}
