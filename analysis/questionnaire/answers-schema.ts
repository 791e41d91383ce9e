/**
 * The schema of a response's answers, derived from a questionnaire version: every question
 * gets the type its scale allows, and the whole is checked against the skip rules. Issues carry
 * no message; `formatIssue` words them in the reader's language, so one parse serves every reader.
 *
 * It runs for every response the platform receives, so each question's check is a small function
 * made once per version rather than a zod schema per question: zod's object of seventy-odd
 * optional questions cost more than everything else the server does with a response's answers.
 * The issues are zod's own (codes, paths, values, limits), so they are worded by zod's locales as
 * before, and a property test holds this check equal to the zod schema it replaced.
 */
import { z } from 'zod';
import type { QuestionnaireDefinition } from './definition.ts';
import { answerCheck, answerGroup, requiredUnanswered, type AnswerGroup, type AnswerMap, type AnswerProblem } from './answer-rules.ts';
import { applicableQuestions, type AnswerValue } from './skip.ts';

export type { AnswerMap } from './answer-rules.ts';
export interface ResponseAnswers {
  profile: AnswerMap;
  answers: AnswerMap;
}

/** Why an answer was refused, beyond what zod's own issue codes say. */
export type AnswerIssueReason =
  | 'not_an_answer'
  | 'unknown_question'
  | 'wrong_group'
  | 'not_applicable'
  | 'required'
  | 'duplicate_choice'
  | 'forbidden_character'
  | 'too_deep';

type Group = AnswerGroup;
type IssueDraft = z.core.$ZodRawIssue & { path: PropertyKey[] };

interface Findings {
  issues: IssueDraft[];
  /** A value of the wrong type or off the scale: zod stops there, before the rules of the whole. */
  aborted: boolean;
  /** Answers choosing one value twice, named with the rules of the whole (`group:code`). */
  duplicates: Set<string>;
}

function wrongType(found: Findings, path: PropertyKey[], expected: 'string' | 'array' | 'object', input: unknown): undefined {
  found.issues.push({ code: 'invalid_type', expected, input, path });
  found.aborted = true;
  return undefined;
}

/** A problem the rules found in one answer, as the zod issue it has always been reported as. */
function record(found: Findings, group: Group, code: string, problem: AnswerProblem): void {
  const path = [group, code];
  switch (problem.kind) {
    case 'not_text':
      return void wrongType(found, path, 'string', problem.input);
    case 'not_a_list':
      return void wrongType(found, path, 'array', problem.input);
    case 'off_scale':
      found.issues.push({
        code: 'invalid_value',
        values: problem.values,
        input: problem.input,
        path: problem.index === undefined ? path : [...path, problem.index],
      });
      found.aborted = true;
      return;
    case 'empty':
      return void found.issues.push({ code: 'too_small', origin: problem.origin, minimum: 1, inclusive: true, input: problem.input, path });
    case 'too_long':
      return void found.issues.push({ code: 'too_big', origin: 'string', maximum: problem.maximum, inclusive: true, input: problem.input, path });
    case 'duplicate_choice':
      return void found.duplicates.add(`${group}:${code}`);
  }
}

export interface AnswersSchemaOptions {
  /**
   * Whether required questions must be answered. A citizen on a phone is asked again; a paper form
   * is a fact: a question the respondent left blank is keyed as blank, and stays missing.
   */
  requireAnswers?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function answersSchema(def: QuestionnaireDefinition, { requireAnswers = true }: AnswersSchemaOptions = {}): z.ZodType<ResponseAnswers> {
  /** Each question's group and check, found with one lookup per answer. */
  const byCode = new Map(def.questions.map((q) => [q.code, { group: answerGroup(q), check: answerCheck(def, q) }]));

  /** One group's answers, each checked by its question's type; keys of no question of the group are kept for the rules to name. */
  const readGroup = (input: Record<string, unknown>, group: Group, found: Findings): Record<string, AnswerValue> => {
    // A copy made at once costs far less than one built key by key; answers are then changed in place.
    const out = { ...input } as Record<string, AnswerValue | undefined>;
    // One reporter for the group, told which answer it reports on: no function made per answer.
    let current = '';
    const report = (problem: AnswerProblem) => record(found, group, current, problem);
    for (const code of Object.keys(out)) {
      const answer = out[code];
      // An undefined answer is no answer (it cannot come from JSON; forms in memory may hold one).
      if (answer === undefined) {
        delete out[code];
        continue;
      }
      const question = byCode.get(code);
      if (question?.group === group) {
        current = code;
        const value = question.check(answer, report) as AnswerValue | undefined;
        if (value !== answer) out[code] = value;
      }
    }
    return out as Record<string, AnswerValue>;
  };

  const rules = (value: ResponseAnswers, found: Findings) => {
    const issue = (group: Group, code: string, reason: AnswerIssueReason) =>
      found.issues.push({ code: 'custom', path: [group, code], input: value[group][code], params: { reason, question: code } });
    const applicable = applicableQuestions(def, { ...value.answers, ...value.profile });
    for (const group of ['profile', 'answers'] as const) {
      for (const code of Object.keys(value[group])) {
        const question = byCode.get(code);
        if (!question) issue(group, code, 'unknown_question');
        else if (question.group !== group) issue(group, code, 'wrong_group');
        else {
          if (found.duplicates.has(`${group}:${code}`)) issue(group, code, 'duplicate_choice');
          if (!applicable.has(code)) issue(group, code, 'not_applicable');
        }
      }
    }
    if (!requireAnswers) return;
    // Answered means answered in the question's own group: a profile answer among the answers is no answer.
    for (const code of requiredUnanswered(def, {}, applicable)) {
      const group = byCode.get(code)!.group;
      if (value[group][code] === undefined) issue(group, code, 'required');
    }
  };

  return z.unknown().transform((input, ctx) => {
    const found: Findings = { issues: [], aborted: false, duplicates: new Set() };
    if (!isRecord(input)) {
      wrongType(found, [], 'object', input);
    } else {
      const groups = { profile: input.profile === undefined ? {} : input.profile, answers: input.answers === undefined ? {} : input.answers };
      const value = { profile: {}, answers: {} } as ResponseAnswers;
      for (const group of ['profile', 'answers'] as const) {
        if (isRecord(groups[group])) value[group] = readGroup(groups[group], group, found);
        else wrongType(found, [group], 'object', groups[group]);
      }
      if (!found.aborted) rules(value, found);
      if (found.issues.length === 0) return value;
    }
    for (const issue of found.issues) ctx.issues.push(issue);
    return z.NEVER;
  }) as unknown as z.ZodType<ResponseAnswers>;
}

/** Drops undefined entries so that stored records and their hashes do not depend on them. */
export function compactAnswers(answers: Record<string, AnswerValue | undefined>): AnswerMap {
  const out: AnswerMap = {};
  for (const key of Object.keys(answers).sort()) {
    const value = answers[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
