import type { NumberFormats } from '../model/format.ts';
import type { Share } from '../model/question-panels.ts';
import { EstimateCell } from './EstimateCell.tsx';

/**
 * One option's share: the figure as published for display (the shares of a single-choice question
 * rounded so that they add up to 100), its margin of error and reliability mark.
 */
export function ShareCell({ share, rule, formats }: { share: Share | undefined; rule: { minN: number; maxHalfWidth: number }; formats: NumberFormats }) {
  const shown = share && share.display !== null ? { ...share, estimate: share.display } : share;
  return <EstimateCell estimate={shown} rule={rule} formats={formats} />;
}
