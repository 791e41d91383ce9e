/** The estimates as flat tables (one row per domain and figure), for CSV and spreadsheet output. */
import type { RoundComparison } from './comparison.ts';
import type { Ranking } from './rankings.ts';
import type { AnalysisResult, EstimateFields } from './results.ts';

export type TableCell = string | number | boolean | null;
export interface Table {
  name: string;
  header: string[];
  rows: TableCell[][];
}

const ESTIMATE_COLUMNS = [
  'estimate',
  'se',
  'ci_low',
  'ci_high',
  'ci_logit_low',
  'ci_logit_high',
  'n',
  'weight_sum',
  'deff',
  'n_eff',
  'reliable',
  'psus',
  'variance_estimable',
  'issues',
  'missing_provinces',
] as const;
/** Lists (reliability issues, provinces left out) as one cell, separated by semicolons. */
const listCell = (list: readonly string[] | undefined): string => (list ?? []).join(';');
const estimateCells = (e: EstimateFields): TableCell[] => ESTIMATE_COLUMNS.map((c) => (c === 'issues' || c === 'missing_provinces' ? listCell(e[c]) : e[c]));

export function resultTables(result: AnalysisResult): Table[] {
  const group = ['level', 'code', 'name'];
  return [
    {
      name: 'indices',
      header: [...group, 'index', ...ESTIMATE_COLUMNS, 'missing_components'],
      rows: result.groups.flatMap((g) => g.indices.map((i) => [g.level, g.code, g.name, i.index, ...estimateCells(i), listCell(i.missing_components)])),
    },
    {
      name: 'items',
      header: [...group, 'item', 'statistic', 'value', ...ESTIMATE_COLUMNS, 'display'],
      rows: result.groups.flatMap((g) =>
        g.items.flatMap((item) => [
          [g.level, g.code, g.name, item.item, 'mean', null, ...estimateCells(item.mean), null],
          ...item.distribution.map((d) => [g.level, g.code, g.name, item.item, 'share', d.value, ...estimateCells(d), d.display]),
        ]),
      ),
    },
    {
      name: 'options',
      header: [...group, 'question', 'option', ...ESTIMATE_COLUMNS, 'display'],
      rows: result.groups.flatMap((g) =>
        g.options.flatMap((q) => q.shares.map((s) => [g.level, g.code, g.name, q.question, s.option, ...estimateCells(s), s.display])),
      ),
    },
  ];
}

/** Rankings as one table: a row per ranking and unit. */
export function rankingTable(rankings: readonly Ranking[]): Table {
  return {
    name: 'rankings',
    header: ['level', 'index', 'within', 'code', 'name', 'estimate', 'rank', 'rank_low', 'rank_high', 'above', 'below', 'reliable', 'coverage', 'critical_z'],
    rows: rankings.flatMap((r) =>
      r.units.map((u) => [
        r.level,
        r.index,
        r.within,
        u.code,
        u.name,
        u.estimate,
        u.rank,
        u.rank_low,
        u.rank_high,
        u.above,
        u.below,
        u.reliable,
        r.coverage,
        r.critical_z,
      ]),
    ),
  };
}

/** Year-on-year differences as one table. */
export function comparisonTable(comparison: RoundComparison): Table {
  const columns = ['estimate', 'previous', 'difference', 'se', 'ci_low', 'ci_high', 'z', 'p_value', 'significant', 'reliable'] as const;
  return {
    name: 'comparison',
    header: ['level', 'code', 'name', 'index', ...columns, 'previous_units'],
    rows: comparison.differences.map((d) => [d.level, d.code, d.name, d.index, ...columns.map((c) => d[c]), d.previous_units.join(';')]),
  };
}
