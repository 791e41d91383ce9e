/**
 * Sufficient statistics from counts, for responses stored in a database. When every respondent of a
 * stratum carries the same design weight w_h (N_h / n_h from a frame, or 1), a cell's weighted sums
 * follow from counts alone: Σw = w_h·count, Σw² = w_h²·count, and Σw per answer category =
 * w_h·(number choosing it). So the database only sums answer bits (answer-bits.ts) per cell, and the
 * estimation proceeds exactly as for microdata (estimateFromStatistics).
 */
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts';
import { bitIsSet, type AnswerBitsLayout } from './answer-bits.ts';
import { samplingDesign } from './design.ts';
import { FrameError } from './design-weights.ts';
import { SLOT, statisticsLayout, type StatisticsLayout, type SufficientStatistics } from './statistics.ts';
import { estimationPlan } from './variables.ts';

/** Which bits a cell's counts sum, and where each count goes in the statistics layout. */
export interface CountPlan {
  layout: StatisticsLayout;
  /** The answer bits to count, in order: the database returns one sum per entry. */
  bits: number[];
  variables: Array<{ offset: number; categories: number[]; answered: number | null }>;
  composites: Array<{ offset: number; count: number }>;
}

export function countPlan(def: QuestionnaireDefinition, bitsLayout: AnswerBitsLayout): CountPlan {
  const layout = statisticsLayout(estimationPlan(def));
  const bits: number[] = [];
  const counted = (bit: number) => bits.push(bit) - 1;
  const variables = layout.plan.variables.map((variable, j) => {
    const question = bitsLayout.byCode.get(variable.code);
    if (!question) throw new Error(`question ${variable.code} has no answer bits`);
    // A category the scale lacks can never be chosen: count it from a bit that is never set.
    const categories = variable.categories.map((value) => {
      const k = question.options.indexOf(value);
      return k < 0 ? -1 : counted(question.first + k);
    });
    const answered = variable.kind === 'multi' ? counted(bitsLayout.answeredBits.get(variable.code)!) : null;
    return { offset: layout.variableOffsets[j], categories, answered };
  });
  const composites = layout.plan.composites.map((composite, c) => ({
    offset: layout.compositeOffsets[c],
    count: counted(bitsLayout.compositeBits.get(composite.code)!),
  }));
  return { layout, bits, variables, composites };
}

/** The counts of one response: each counted bit, 0 or 1 (a PSU of one, e.g. an online response). */
export function countsOfBits(plan: CountPlan, bytes: Uint8Array): Int32Array {
  const counts = new Int32Array(plan.bits.length);
  for (let c = 0; c < counts.length; c++) counts[c] = bitIsSet(bytes, plan.bits[c]) ? 1 : 0;
  return counts;
}

/** A cell as the database returns it: its design, its domain codes, its size and the bit counts. */
export interface CountedCell {
  stratum: string;
  psu: string;
  /** The province the stratum lies in (each province is a design of its own; design.ts). */
  province?: string;
  /** One code per level ('' outside every domain of that level). */
  domains: string[];
  /** Responses in the cell. */
  size: number;
  counts: ArrayLike<number>;
}

/**
 * Design weights per stratum: N_h / n_h with a frame, n_h counting the responses of the stratum;
 * 1 without a frame (unweighted). A stratum with responses but no population is an error.
 */
export function stratumWeights(cells: readonly CountedCell[], frame?: ReadonlyMap<string, number>): Map<string, number> {
  const sampled = new Map<string, number>();
  for (const cell of cells) sampled.set(cell.stratum, (sampled.get(cell.stratum) ?? 0) + cell.size);
  if (!frame) return new Map([...sampled.keys()].map((s) => [s, 1]));
  const missing = [...sampled.keys()].filter((s) => !frame.has(s)).sort();
  if (missing.length > 0) throw new FrameError(`the frame has no population for stratum ${missing.map((s) => `"${s}"`).join(', ')}`);
  return new Map([...sampled].map(([s, n]) => [s, frame.get(s)! / n]));
}

/** Cell counts and stratum weights → the sufficient statistics `estimateFromStatistics` takes. */
export function statisticsFromCounts(
  plan: CountPlan,
  cells: readonly CountedCell[],
  levels: string[],
  weights: ReadonlyMap<string, number>,
): SufficientStatistics {
  const { layout } = plan;
  const { design, psuOfRow } = samplingDesign(
    cells.map((c) => c.stratum),
    cells.map((c) => c.psu),
    cells.map((c) => c.province ?? ''),
  );
  const values = new Float64Array(cells.length * layout.width);
  cells.forEach((cell, i) => {
    const w = weights.get(cell.stratum);
    if (w === undefined) throw new Error(`no weight for stratum ${cell.stratum}`);
    const base = i * layout.width;
    const put = (offset: number, count: number) => {
      values[base + offset + SLOT.count] = count;
      values[base + offset + SLOT.weight] = w * count;
      values[base + offset + SLOT.squaredWeight] = w * w * count;
    };
    for (const variable of plan.variables) {
      let answered = 0;
      variable.categories.forEach((at, k) => {
        const count = at < 0 ? 0 : cell.counts[at];
        values[base + variable.offset + SLOT.categories + k] = w * count;
        answered += count;
      });
      put(variable.offset, variable.answered === null ? answered : cell.counts[variable.answered]);
    }
    for (const composite of plan.composites) put(composite.offset, cell.counts[composite.count]);
    put(layout.respondentsOffset, cell.size);
  });
  return {
    layout,
    design,
    levels,
    cells: cells.map((cell, i) => ({ psu: psuOfRow[i], domains: cell.domains })),
    values,
  };
}
