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
import type { Question, QuestionnaireDefinition } from './definition.ts';
import { applicableQuestions, type AnswerValue } from './skip.ts';
import { scaleOf } from './structure.ts';

export type AnswerMap = Record<string, AnswerValue>;
export interface ResponseAnswers {
  profile: AnswerMap;
  answers: AnswerMap;
}

/** Why an answer was refused, beyond what zod's own issue codes say. */
export type AnswerIssueReason = 'not_an_answer' | 'unknown_question' | 'wrong_group' | 'not_applicable' | 'required' | 'duplicate_choice' | 'forbidden_character' | 'too_deep';

const DEFAULT_TEXT_LIMIT = 2000;

type Group = 'profile' | 'answers';
type IssueDraft = z.core.$ZodRawIssue & { path: PropertyKey[] };

interface Findings {
  issues: IssueDraft[];
  /** A value of the wrong type or off the scale: zod stops there, before the rules of the whole. */
  aborted: boolean;
}

/** Checks one answer; returns what is stored (text normalised) and adds what is wrong to `found`. */
type AnswerCheck = (answer: unknown, group: Group, code: string, found: Findings) => AnswerValue | undefined;

function wrongType(found: Findings, path: PropertyKey[], expected: 'string' | 'array' | 'object', input: unknown): undefined {
  found.issues.push({ code: 'invalid_type', expected, input, path });
  found.aborted = true;
  return undefined;
}

function answerCheck(def: QuestionnaireDefinition, question: Question): AnswerCheck {
  if (question.type === 'text') {
    const maximum = question.maxLength ?? DEFAULT_TEXT_LIMIT;
    return (answer, group, code, found) => {
      if (typeof answer !== 'string') return wrongType(found, [group, code], 'string', answer);
      const text = answer.normalize('NFC').trim();
      if (text.length < 1) found.issues.push({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: text, path: [group, code] });
      if (text.length > maximum) found.issues.push({ code: 'too_big', origin: 'string', maximum, inclusive: true, input: text, path: [group, code] });
      return text;
    };
  }
  const values = (scaleOf(def, question)?.options ?? []).map((o) => o.value);
  const allowed = new Set<unknown>(values);
  const offScale = (item: unknown, path: PropertyKey[], found: Findings) => {
    found.issues.push({ code: 'invalid_value', values, input: item, path });
    found.aborted = true;
  };
  if (question.type !== 'multi') {
    return (answer, group, code, found) => {
      if (!allowed.has(answer)) offScale(answer, [group, code], found);
      return answer as AnswerValue;
    };
  }
  return (answer, group, code, found) => {
    if (!Array.isArray(answer)) return wrongType(found, [group, code], 'array', answer);
    for (let k = 0; k < answer.length; k++) if (!allowed.has(answer[k])) offScale(answer[k], [group, code, k], found);
    if (answer.length < 1) found.issues.push({ code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: answer, path: [group, code] });
    return answer as AnswerValue;
  };
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
  const groupOf = (question: Question): Group => (question.role === 'profile' ? 'profile' : 'answers');
  /** Each question's group and check, found with one lookup per answer. */
  const byCode = new Map(def.questions.map((q) => [q.code, { group: groupOf(q), check: answerCheck(def, q) }]));

  /** One group's answers, each checked by its question's type; keys of no question of the group are kept for the rules to name. */
  const readGroup = (input: Record<string, unknown>, group: Group, found: Findings): Record<string, AnswerValue> => {
    // A copy made at once costs far less than one built key by key; answers are then changed in place.
    const out = { ...input } as Record<string, AnswerValue | undefined>;
    for (const code of Object.keys(out)) {
      const answer = out[code];
      // An undefined answer is no answer (it cannot come from JSON; forms in memory may hold one).
      if (answer === undefined) {
        delete out[code];
        continue;
      }
      const question = byCode.get(code);
      if (question?.group === group) {
        const value = question.check(answer, group, code, found);
        if (value !== answer) out[code] = value;
      }
    }
    return out as Record<string, AnswerValue>;
  };

  const requiredQuestions = def.questions.filter((q) => q.required);
  const rules = (value: ResponseAnswers, found: Findings) => {
    const issue = (group: Group, code: string, reason: AnswerIssueReason) =>
      found.issues.push({ code: 'custom', path: [group, code], input: value[group][code], params: { reason, question: code } });
    const applicable = applicableQuestions(def, { ...value.answers, ...value.profile });
    for (const group of ['profile', 'answers'] as const) {
      for (const code of Object.keys(value[group])) {
        const answer = value[group][code];
        const question = byCode.get(code);
        if (!question) issue(group, code, 'unknown_question');
        else if (question.group !== group) issue(group, code, 'wrong_group');
        else {
          if (Array.isArray(answer) && new Set(answer).size !== answer.length) issue(group, code, 'duplicate_choice');
          if (!applicable.has(code)) issue(group, code, 'not_applicable');
        }
      }
    }
    if (!requireAnswers) return;
    for (const question of requiredQuestions) {
      const group = groupOf(question);
      if (value[group][question.code] === undefined && applicable.has(question.code)) issue(group, question.code, 'required');
    }
  };

  return z.unknown().transform((input, ctx) => {
    const found: Findings = { issues: [], aborted: false };
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
