/**
 * Which indices of a published round go on a province's improvement plan — pure, so the rule reads
 * in one place and is tested alone.
 *
 * An index the province tracks (one with a row in its agency table) goes on the plan when
 * - its estimate is below the round's target (`below_target`; a round without a target has none), or
 * - it fell significantly since the previous comparable round (`fell`): the difference is negative
 *   and its 95 % interval excludes 0 (comparison.ts; a difference without a standard error says
 *   nothing, so it puts nothing on the plan).
 * An index without an estimate (nobody answered it) has nothing to improve against and is left off.
 */

export type PlanReason = 'below_target' | 'fell';

export interface IndexFigure {
  index: string;
  estimate: number | null;
  reliable: boolean;
}

export interface FigureChange {
  index: string;
  difference: number | null;
  significant: boolean | null;
}

export interface PlanCandidate {
  index: string;
  reasons: PlanReason[];
  estimate: number;
  target: number | null;
  previousDifference: number | null;
  reliable: boolean;
}

export function planCandidates(
  tracked: readonly string[],
  figures: readonly IndexFigure[],
  target: number | null,
  changes: readonly FigureChange[],
): PlanCandidate[] {
  const byIndex = new Map(figures.map((f) => [f.index, f]));
  const changeOf = new Map(changes.map((c) => [c.index, c]));
  const out: PlanCandidate[] = [];
  for (const index of tracked) {
    const figure = byIndex.get(index);
    if (!figure || figure.estimate === null) continue;
    const change = changeOf.get(index);
    const reasons: PlanReason[] = [];
    if (target !== null && figure.estimate < target) reasons.push('below_target');
    if (change && change.difference !== null && change.difference < 0 && change.significant === true) reasons.push('fell');
    if (reasons.length === 0) continue;
    out.push({ index, reasons, estimate: figure.estimate, target, previousDifference: change?.difference ?? null, reliable: figure.reliable });
  }
  return out;
}
