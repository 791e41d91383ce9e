/**
 * Realistic, valid responses to any questionnaire version, for load, crash and property checks:
 * questions are answered in screen order, so skip rules see the answers they depend on; optional
 * questions are sometimes left blank; now and then a Vietnamese comment.
 */
import { randomUUID } from 'node:crypto';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { applicableQuestions, type AnswerValue } from '../../analysis/questionnaire/skip.ts';
import { scaleOf } from '../../analysis/questionnaire/structure.ts';

export type Random = () => number;

/** A small seeded generator (mulberry32), so a run can be repeated. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const comments = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ còn lâu, mong được cải thiện.',
  'Nên bố trí thêm ghế ngồi cho người dân.',
  'Thủ tục nhanh gọn hơn trước nhiều.',
  'Đề nghị niêm yết phí, lệ phí rõ ràng hơn.',
];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export interface RandomAnswers {
  profile: Record<string, AnswerValue>;
  answers: Record<string, AnswerValue>;
}

export function randomAnswers(def: QuestionnaireDefinition, random: Random = Math.random): RandomAnswers {
  const given: Record<string, AnswerValue> = {};
  const questions = new Map(def.questions.map((q) => [q.code, q]));
  for (const section of def.sections) {
    for (const code of section.questions) {
      const question = questions.get(code)!;
      if (!applicableQuestions(def, given).has(code)) continue;
      if (!question.required && random() < 0.08) continue;
      if (question.type === 'text') {
        if (question.role === 'comment' && random() < 0.2) given[code] = pick(random, comments);
        else if (question.required) given[code] = 'Không';
        continue;
      }
      const options = scaleOf(def, question)!.options.map((o) => o.value);
      if (question.type === 'multi') {
        const chosen = options.filter(() => random() < 0.35);
        given[code] = chosen.length > 0 ? chosen : [options[0]];
      } else if (question.role === 'satisfaction') {
        // Mostly satisfied, as real SIPAS data are (national indices are around 80 %).
        const r = random();
        given[code] = r < 0.05 ? 1 : r < 0.12 ? 2 : r < 0.25 ? 3 : r < 0.7 ? 4 : 5;
      } else {
        given[code] = pick(random, options);
      }
    }
  }
  // A text answer whose trigger changed later in the walk would no longer apply: keep only what applies.
  const applicable = applicableQuestions(def, given);
  const out: RandomAnswers = { profile: {}, answers: {} };
  for (const [code, value] of Object.entries(given)) {
    if (!applicable.has(code)) continue;
    out[questions.get(code)!.role === 'profile' ? 'profile' : 'answers'][code] = value;
  }
  return out;
}

/** A finished response sent through an office link, as a phone would send it (new UUID and timing). */
export function randomLinkSubmission(def: QuestionnaireDefinition, link: string, random: Random = Math.random) {
  const { profile, answers } = randomAnswers(def, random);
  const submitted = Date.now() - Math.floor(random() * 60_000);
  const started = submitted - (240 + Math.floor(random() * 600)) * 1000;
  return {
    id: randomUUID(),
    link,
    clientId: `device-${randomUUID()}`,
    profile,
    answers,
    startedAt: new Date(started).toISOString(),
    submittedAt: new Date(submitted).toISOString(),
  };
}
