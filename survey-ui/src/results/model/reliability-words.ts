/** The words of a reliability reason, with the thresholds of the rule the figures were computed with. */
import type { Messages } from '../messages/vi.ts';
import type { ReliabilityProblem } from './reliability.ts';

export interface RuleShown {
  minN: number;
  maxHalfWidth: number;
  minEffectiveN?: number;
}

export function reasonText(t: Messages, problem: ReliabilityProblem, rule: RuleShown): string {
  switch (problem) {
    case 'noData':
      return t.reliability.noData;
    case 'varianceNotEstimable':
      return t.reliability.varianceNotEstimable;
    case 'fewRespondents':
      return t.reliability.fewRespondents(rule.minN);
    case 'lowEffectiveN':
      return t.reliability.lowEffectiveN(rule.minEffectiveN ?? rule.minN);
    case 'wideInterval':
      return t.reliability.wideInterval(rule.maxHalfWidth);
  }
}
