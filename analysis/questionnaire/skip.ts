/**
 * Skip logic: whether a question applies to a respondent, given their answers.
 *
 * A condition reads only answers to questions that apply themselves. An answer left behind when
 * the respondent changed a screening answer (the phone keeps it, in case they change back) opens
 * nothing: with "made a complaint" hidden because no procedure was done, the complaint screen is
 * hidden too, whatever "made a complaint" once held. A condition reads only questions asked before
 * it, so one pass in the order of the questionnaire settles every chain. The phone, the keying
 * screen, the reconciler, the import and the server all call this one function.
 */
import type { Condition, OptionValue } from './definition.ts';

export type AnswerValue = OptionValue | OptionValue[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** What skip logic needs of a questionnaire; a localized questionnaire has it too. */
export interface SkipStructure {
  sections: ReadonlyArray<{ code: string; questions: readonly string[]; showIf?: Condition }>;
  questions: ReadonlyArray<{ code: string; showIf?: Condition }>;
}

/** Whether a condition holds; with `applicable`, answers to questions outside it are not read. */
export function conditionHolds(condition: Condition, answers: Answers, applicable?: ReadonlySet<string>): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers, applicable));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers, applicable));
  if ('not' in condition) return !conditionHolds(condition.not, answers, applicable);
  const given = applicable && !applicable.has(condition.question) ? undefined : answers[condition.question];
  if (given === undefined) return false;
  // Written without making arrays: it runs for every question of every response.
  if (!Array.isArray(given)) return accepts(condition, given);
  for (const value of given) if (accepts(condition, value)) return true;
  return false;
}

function accepts(condition: { equals: OptionValue } | { in: OptionValue[] }, value: OptionValue): boolean {
  return 'equals' in condition ? condition.equals === value : condition.in.includes(value);
}

/** The questions a condition reads. */
export function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

/**
 * The codes of questions that apply: a question applies when its section's and its own
 * conditions hold on the answers to questions that apply. Everything else is "not applicable" —
 * distinct from "missing".
 */
const questionIndex = new WeakMap<SkipStructure, Map<string, SkipStructure['questions'][number]>>();

export function applicableQuestions(def: SkipStructure, answers: Answers): Set<string> {
  // Questionnaires are immutable data, so the index is built once per definition (it runs for every response).
  let byCode = questionIndex.get(def);
  if (!byCode) questionIndex.set(def, (byCode = new Map(def.questions.map((q) => [q.code, q]))));
  const applicable = new Set<string>();
  // In the order questions are asked: a condition reads only questions asked before (parseQuestionnaire).
  for (const section of def.sections) {
    if (section.showIf && !conditionHolds(section.showIf, answers, applicable)) continue;
    for (const code of section.questions) {
      const question = byCode.get(code);
      if (question && (!question.showIf || conditionHolds(question.showIf, answers, applicable))) applicable.add(code);
    }
  }
  return applicable;
}
