/**
 * Every choice answer of a response as bits, one per option: the stored form from which a database
 * computes a cell's sufficient statistics by summing bits (a count per option), and from which the
 * microdata export is written without parsing the JSON record.
 *
 * Layout, per questionnaire version (fixed once a round uses it):
 *  - each rating, single- or multiple-choice question, in the version's question order: one bit per
 *    option of its scale, then one bit "not applicable" (skip logic excluded it). No bit set means
 *    the question applied but was left blank;
 *  - derived bits the estimation counts directly: per multiple-choice question "at least one option
 *    chosen", and per composite index "a valid answer to at least one of its items" (the
 *    denominator of a composite's n; see statistics.ts).
 * Free text is not coded; it stays in the JSON record.
 */
import type { OptionValue, QuestionnaireDefinition } from '../questionnaire/definition.ts';
import { applicableQuestions, type Answers } from '../questionnaire/skip.ts';
import { scaleOf } from '../questionnaire/structure.ts';
import { compositeItemWeights, estimationPlan } from './variables.ts';

export interface CodedQuestion {
  code: string;
  type: 'rating' | 'single' | 'multi';
  options: OptionValue[];
  /** Bit of the first option; option k is `first + k`. */
  first: number;
  notApplicable: number;
}

export interface AnswerBitsLayout {
  questions: CodedQuestion[];
  byCode: Map<string, CodedQuestion>;
  /** Multiple-choice question code → bit "answered" (at least one option). */
  answeredBits: Map<string, number>;
  /** Composite index code → bit "a valid answer to at least one of its items". */
  compositeBits: Map<string, number>;
  /** Per composite: its items and the option bits that count as a valid answer to each. */
  compositeSources: Map<string, number[]>;
  bitCount: number;
  byteCount: number;
}

export function answerBitsLayout(def: QuestionnaireDefinition): AnswerBitsLayout {
  let bit = 0;
  const questions: CodedQuestion[] = [];
  for (const question of def.questions) {
    if (question.type === 'text') continue;
    const options = scaleOf(def, question)?.options.map((o) => o.value) ?? [];
    questions.push({ code: question.code, type: question.type, options, first: bit, notApplicable: bit + options.length });
    bit += options.length + 1;
  }
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const answeredBits = new Map<string, number>();
  for (const q of questions) if (q.type === 'multi') answeredBits.set(q.code, bit++);

  const plan = estimationPlan(def);
  const valid = new Set<OptionValue>(def.aggregation.validValues);
  const compositeBits = new Map<string, number>();
  const compositeSources = new Map<string, number[]>();
  for (const composite of plan.composites) {
    compositeBits.set(composite.code, bit++);
    compositeSources.set(
      composite.code,
      [...compositeItemWeights(plan, composite.code).keys()].flatMap((item) => {
        const q = byCode.get(item)!;
        return q.options.flatMap((value, k) => (valid.has(value) ? [q.first + k] : []));
      }),
    );
  }
  return { questions, byCode, answeredBits, compositeBits, compositeSources, bitCount: bit, byteCount: Math.ceil(bit / 8) };
}

/** Bit n is bit n % 8 of byte n / 8, counted from the least significant (as PostgreSQL's get_bit). */
export function bitIsSet(bytes: Uint8Array, n: number): boolean {
  return (bytes[n >> 3] & (1 << (n & 7))) !== 0;
}

function setBit(bytes: Uint8Array, n: number): void {
  bytes[n >> 3] |= 1 << (n & 7);
}

/**
 * The bits of one response (profile and answers together, as validated); `applicable`: the
 * questions skip logic leaves for these answers, when the caller has worked them out already.
 */
export function encodeAnswerBits(
  def: QuestionnaireDefinition,
  layout: AnswerBitsLayout,
  answers: Answers,
  applicable = applicableQuestions(def, answers),
): Uint8Array {
  const bytes = new Uint8Array(layout.byteCount);
  for (const q of layout.questions) {
    if (!applicable.has(q.code)) {
      setBit(bytes, q.notApplicable);
      continue;
    }
    const given = answers[q.code];
    if (given === undefined) continue;
    const values = Array.isArray(given) ? given : [given];
    let any = false;
    for (const value of values) {
      const k = q.options.indexOf(value);
      if (k < 0) continue;
      setBit(bytes, q.first + k);
      any = true;
    }
    if (any && q.type === 'multi') setBit(bytes, layout.answeredBits.get(q.code)!);
  }
  for (const [code, sources] of layout.compositeSources) {
    if (sources.some((n) => bitIsSet(bytes, n))) setBit(bytes, layout.compositeBits.get(code)!);
  }
  return bytes;
}

/** What the bits say of one question: its value(s), `null` when not applicable, `undefined` when blank. */
export function decodeAnswer(q: CodedQuestion, bytes: Uint8Array): OptionValue | OptionValue[] | null | undefined {
  if (bitIsSet(bytes, q.notApplicable)) return null;
  if (q.type === 'multi') {
    const chosen = q.options.filter((_, k) => bitIsSet(bytes, q.first + k));
    return chosen.length > 0 ? chosen : undefined;
  }
  for (let k = 0; k < q.options.length; k++) if (bitIsSet(bytes, q.first + k)) return q.options[k];
  return undefined;
}

/** A fingerprint of the layout: stored bits made under another layout must be made again. */
export function layoutFingerprint(layout: AnswerBitsLayout): string {
  return JSON.stringify([
    layout.questions.map((q) => [q.code, q.type, q.options, q.first]),
    [...layout.answeredBits],
    [...layout.compositeBits],
    [...layout.compositeSources],
  ]);
}
