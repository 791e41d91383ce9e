/** Where a figure stands against the round's target, and whether its 95 % interval says so for certain. */
import type { Estimate } from '../api/types.ts';

export interface TargetStanding {
  status: 'above' | 'below';
  /** The 95 % confidence interval lies wholly on that side of the target. */
  certain: boolean;
}

/** "Above" from the estimate itself (a figure equal to the target meets it); null without a figure. */
export function targetStanding(e: Estimate | undefined, target: number): TargetStanding | null {
  if (!e || e.estimate === null) return null;
  const status = e.estimate >= target ? 'above' : 'below';
  const certain = status === 'above' ? e.ci_low !== null && e.ci_low >= target : e.ci_high !== null && e.ci_high < target;
  return { status, certain };
}
