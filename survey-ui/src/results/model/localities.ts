/** The rows of a results table: the province first, then the localities of a level in Vietnamese order. */
import type { AnalysisResult, Estimate, ResultGroup } from '../api/types.ts';

const collator = new Intl.Collator('vi');

export function byName<T extends { name: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}

export function groupsAt(result: AnalysisResult, level: string): ResultGroup[] {
  return byName(result.groups.filter((g) => g.level === level));
}

export function estimateOf(group: Pick<ResultGroup, 'indices'>, index: string): Estimate | undefined {
  return group.indices.find((i) => i.index === index);
}

export interface Ranked {
  rank: number;
  group: ResultGroup;
  estimate: Estimate;
}

/** Highest first; ties share a rank; groups without a figure come last, unranked. */
export function ranking(groups: ResultGroup[], index: string): Ranked[] {
  const withFigures = groups
    .map((group) => ({ group, estimate: estimateOf(group, index) }))
    .filter((r): r is { group: ResultGroup; estimate: Estimate } => r.estimate?.estimate != null)
    .sort((a, b) => b.estimate.estimate! - a.estimate.estimate! || collator.compare(a.group.name, b.group.name));
  return withFigures.map((r) => ({ ...r, rank: 1 + withFigures.filter((o) => o.estimate.estimate! > r.estimate.estimate!).length }));
}

/** Criterion 8.1 of the PAR INDEX gives 10 points for SIPAS: points = SIPAS % × 10 / 100. */
export function parPoints(sipasPercent: number): number {
  return (sipasPercent * 10) / 100;
}
