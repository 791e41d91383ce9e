import type { PlanEntryView } from '../../../../contract/plans.ts';
import type { Messages } from '../messages/catalogue.ts';

/** The change at the next round in words: its figure, difference, 95 % interval and verdict — never the difference alone. */
export function changeWords(t: Messages, entry: PlanEntryView, number: (x: number) => string): string {
  const f = entry.followUp;
  if (!f) return t.plansNoNext;
  if (!f.comparable) return t.plansNotComparable(f.round, f.estimate === null ? '—' : number(f.estimate));
  if (f.difference === null || f.estimate === null) return t.plansNoFigure(f.round);
  const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${number(Math.abs(x))}`;
  const verdict = f.significant === null ? 'unknown' : f.significant ? (f.difference > 0 ? 'up' : 'down') : 'none';
  const words = t.plansChangeWords(
    f.round,
    number(f.estimate),
    signed(f.difference),
    f.ci_low === null ? '—' : signed(f.ci_low),
    f.ci_high === null ? '—' : signed(f.ci_high),
    t.plansVerdict[verdict],
  );
  return f.reliable ? words : `${words} (${t.plansUnreliable})`;
}
