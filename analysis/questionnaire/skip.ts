/** Skip logic: whether a question applies to a respondent, given the answers so far. */
import type { Condition, OptionValue } from './definition.ts';

export type AnswerValue = OptionValue | OptionValue[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** What skip logic needs of a questionnaire; a localized questionnaire has it too. */
export interface SkipStructure {
  sections: ReadonlyArray<{ code: string; questions: readonly string[]; showIf?: Condition }>;
  questions: ReadonlyArray<{ code: string; showIf?: Condition }>;
}

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ('not' in condition) return !conditionHolds(condition.not, answers);
  const given = answers[condition.question];
  if (given === undefined) return false;
  // Written without making arrays: it runs for every question of every response.
  if (!Array.isArray(given)) return accepts(condition, given);
  for (const value of given) if (accepts(condition, value)) return true;
  return false;
}

function accepts(condition: { equals: OptionValue } | { in: OptionValue[] }, value: OptionValue): boolean {
  return 'equals' in condition ? condition.equals === value : condition.in.includes(value);
}

/**
 * The codes of questions that apply: a question applies when its section's and its own
 * conditions hold. Everything else is "not applicable" — distinct from "missing".
 */
const questionIndex = new WeakMap<SkipStructure, Map<string, SkipStructure['questions'][number]>>();

export function applicableQuestions(def: SkipStructure, answers: Answers): Set<string> {
  // Questionnaires are immutable data, so the index is built once per definition (it runs for every response).
  let byCode = questionIndex.get(def);
  if (!byCode) questionIndex.set(def, (byCode = new Map(def.questions.map((q) => [q.code, q]))));
  const applicable = new Set<string>();
  for (const section of def.sections) {
    if (section.showIf && !conditionHolds(section.showIf, answers)) continue;
    for (const code of section.questions) {
      const question = byCode.get(code);
      if (question && (!question.showIf || conditionHolds(question.showIf, answers))) applicable.add(code);
    }
  }
  return applicable;
}
