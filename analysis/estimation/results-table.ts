/** The estimates as flat tables (one row per domain and figure), for CSV and spreadsheet output. */
import type { AnalysisResult, EstimateFields } from './results.ts';

export type TableCell = string | number | boolean | null;
export interface Table {
  name: string;
  header: string[];
  rows: TableCell[][];
}

const ESTIMATE_COLUMNS = [
  'estimate', 'se', 'ci_low', 'ci_high', 'ci_logit_low', 'ci_logit_high', 'n', 'weight_sum', 'deff', 'n_eff', 'reliable',
  'psus', 'variance_estimable', 'issues', 'missing_provinces',
] as const;
/** Lists (reliability issues, provinces left out) as one cell, separated by semicolons. */
const listCell = (list: readonly string[] | undefined): string => (list ?? []).join(';');
const estimateCells = (e: EstimateFields): TableCell[] =>
  ESTIMATE_COLUMNS.map((c) => (c === 'issues' || c === 'missing_provinces' ? listCell(e[c]) : e[c]));

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
        ])),
    },
    {
      name: 'options',
      header: [...group, 'question', 'option', ...ESTIMATE_COLUMNS, 'display'],
      rows: result.groups.flatMap((g) =>
        g.options.flatMap((q) => q.shares.map((s) => [g.level, g.code, g.name, q.question, s.option, ...estimateCells(s), s.display]))),
    },
  ];
}
