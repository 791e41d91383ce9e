/**
 * Sufficient statistics. Every estimate here is a ratio of weighted sums, and its linearised
 * variance needs only those sums per PSU. So the data are reduced once to *cells* — one per PSU
 * and combination of domains (e.g. district and commune) — holding, per variable, the count,
 * the sum of weights and of squared weights of those who answered, and the sum of weights per
 * answer category; per composite index, the same three sums over those who answered at least one
 * of its items. Estimation then never looks at a row again, and a database can compute the same
 * cells with GROUP BY instead of sending rows.
 */
import { UNANSWERED } from './microdata.ts';
import type { SamplingDesign } from './design.ts';
import { compositeItemWeights, type EstimationPlan } from './variables.ts';

/** Where each variable's and composite's sums sit in a cell's row of numbers. */
export interface StatisticsLayout {
  plan: EstimationPlan;
  /** Per variable: offset of [count, Σw, Σw², Σw per category…]. */
  variableOffsets: number[];
  /** Per composite: offset of [count, Σw, Σw²] of those who answered one of its items at least. */
  compositeOffsets: number[];
  /** Per composite: the indices of its satisfaction items. */
  compositeItems: number[][];
  /** Offset of [count, Σw, Σw²] over every respondent (the province's population, the domain's size). */
  respondentsOffset: number;
  width: number;
}

export const SLOT = { count: 0, weight: 1, squaredWeight: 2, categories: 3 } as const;

export function statisticsLayout(plan: EstimationPlan): StatisticsLayout {
  let width = 0;
  const variableOffsets = plan.variables.map((v) => {
    const offset = width;
    width += SLOT.categories + v.categories.length;
    return offset;
  });
  const compositeOffsets = plan.composites.map(() => {
    const offset = width;
    width += 3;
    return offset;
  });
  const respondentsOffset = width;
  width += 3;
  const itemIndex = new Map(plan.variables.slice(0, plan.itemCount).map((v, j) => [v.code, j]));
  const compositeItems = plan.composites.map((c) => [...compositeItemWeights(plan, c.code).keys()].map((code) => itemIndex.get(code)!));
  return { plan, variableOffsets, compositeOffsets, compositeItems, respondentsOffset, width };
}

/** A cell: one PSU within one combination of domains (a code per level, '' outside every domain). */
export interface Cell {
  psu: number;
  domains: string[];
}

export interface SufficientStatistics {
  layout: StatisticsLayout;
  design: SamplingDesign;
  /** Names of the domain levels, e.g. ['all', 'district']; each cell has a code per level. */
  levels: string[];
  cells: Cell[];
  /** cells.length × layout.width sums. */
  values: Float64Array;
  /** Present when the weights were calibrated: what the calibration-adjusted variance needs. */
  calibration?: CalibrationStatistics;
}

/**
 * For calibrated weights (see calibration.ts): the margin indicator basis, Σ w₀ m mᵀ over the
 * sample, Σ w m per PSU, and per combination of domains and margin categories the sums of the
 * layout accumulated with the *pre-calibration* weights w₀.
 */
export interface CalibrationStatistics {
  columns: string[];
  crossProduct: Float64Array;
  psuMarginTotals: Float64Array;
  cells: Array<{ domains: string[]; basis: Float64Array }>;
  values: Float64Array;
}

/** Adds every row into its cell's sums. `cellOfRow` assigns rows to cells 0…cellCount−1. */
export function accumulate(
  layout: StatisticsLayout,
  codes: readonly Int32Array[],
  weights: Float64Array,
  cellOfRow: Int32Array,
  cellCount: number,
): Float64Array {
  const { width, variableOffsets, compositeOffsets, compositeItems, respondentsOffset } = layout;
  const variables = layout.plan.variables;
  const values = new Float64Array(cellCount * width);
  const multi = variables.map((v) => v.kind === 'multi');
  const answeredItem = new Uint8Array(layout.plan.itemCount);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    const base = cellOfRow[i] * width;
    values[base + respondentsOffset + SLOT.count] += 1;
    values[base + respondentsOffset + SLOT.weight] += w;
    values[base + respondentsOffset + SLOT.squaredWeight] += w * w;
    for (let j = 0; j < variables.length; j++) {
      const code = codes[j][i];
      const o = base + variableOffsets[j];
      if (multi[j]) {
        if (code <= 0) continue;
        for (let k = 0, bits = code; bits !== 0; k++, bits >>>= 1) if (bits & 1) values[o + SLOT.categories + k] += w;
      } else {
        if (j < answeredItem.length) answeredItem[j] = code === UNANSWERED ? 0 : 1;
        if (code === UNANSWERED) continue;
        values[o + SLOT.categories + code] += w;
      }
      values[o + SLOT.count] += 1;
      values[o + SLOT.weight] += w;
      values[o + SLOT.squaredWeight] += w * w;
    }
    for (let c = 0; c < compositeOffsets.length; c++) {
      const items = compositeItems[c];
      let any = 0;
      for (let m = 0; m < items.length && any === 0; m++) any = answeredItem[items[m]];
      if (any === 0) continue;
      const o = base + compositeOffsets[c];
      values[o + SLOT.count] += 1;
      values[o + SLOT.weight] += w;
      values[o + SLOT.squaredWeight] += w * w;
    }
  }
  return values;
}

/**
 * Assigns rows to cells: one cell per PSU and combination of the rows' domain codes (one column
 * of codes per level).
 */
export function cellsOfRows(psuOfRow: Int32Array, domainColumns: ReadonlyArray<readonly string[]>): { cellOfRow: Int32Array; cells: Cell[] } {
  const size = psuOfRow.length;
  const cellOfRow = new Int32Array(size);
  const cells: Cell[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    let key = String(psuOfRow[i]);
    for (const column of domainColumns) key += `\u0000${column[i]}`;
    let cell = index.get(key);
    if (cell === undefined) {
      cell = cells.length;
      index.set(key, cell);
      cells.push({ psu: psuOfRow[i], domains: domainColumns.map((column) => column[i]) });
    }
    cellOfRow[i] = cell;
  }
  return { cellOfRow, cells };
}
