/**
 * Synthetic answers for demonstration rounds, from any questionnaire version: plausible profiles,
 * satisfaction that differs between districts and between respondents, skip logic respected
 * (service items only after a procedure, feedback items only after a complaint), a few blanks and
 * a few comments. Deterministic for a seed. Only ever loaded into rounds marked `demo`.
 */
import type { AnswerMap } from '../../analysis/questionnaire/answers-schema.ts';
import type { OptionValue, QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { answerGroup } from '../../analysis/questionnaire/answer-rules.ts';
import { applicableQuestions } from '../../analysis/questionnaire/skip.ts';
import { satisfactionItems, scaleOf } from '../../analysis/questionnaire/structure.ts';

/** Mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  'Cán bộ một cửa nhiệt tình, hướng dẫn rõ ràng.',
  'Thời gian chờ còn lâu, đề nghị bố trí thêm quầy tiếp nhận.',
  'Mong được nộp hồ sơ trực tuyến dễ dàng hơn.',
  'Phòng chờ nóng, cần thêm quạt và ghế ngồi.',
  'Hài lòng với kết quả, trả đúng hẹn.',
  // People write personal data the survey never asks for; the demo shows it masked for analysts not cleared.
  'Chị Hương ở quầy số 2 hướng dẫn rất tận tình, cần hỏi thêm xin gọi 0905 123 456.',
  'Tôi là Nguyễn Văn Bình, thôn 4 xã Đắk Ha, nộp hồ sơ 3 lần vẫn chưa xong.',
];

export interface DemoRespondent {
  /** Shifts this respondent's satisfaction (a district's level plus personal variation), about −1…1. */
  mood: number;
  /** Share who went through an administrative procedure. */
  procedureRate: number;
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)];
}

interface Shape {
  options: Map<string, OptionValue[]>;
  items: Map<string, { position: number; element: string }>;
  sectionOf: Map<string, QuestionnaireDefinition['sections'][number]>;
}
const shapes = new WeakMap<QuestionnaireDefinition, Shape>();

function shapeOf(def: QuestionnaireDefinition): Shape {
  let shape = shapes.get(def);
  if (!shape) {
    shape = {
      options: new Map(def.questions.map((q) => [q.code, scaleOf(def, q)?.options.map((o) => o.value) ?? []])),
      items: new Map(satisfactionItems(def).map((item) => [item.code, item])),
      sectionOf: new Map(def.sections.flatMap((s) => s.questions.map((code) => [code, s] as const))),
    };
    shapes.set(def, shape);
  }
  return shape;
}

/** One respondent's profile and answers, valid for the version. */
export function demoAnswers(def: QuestionnaireDefinition, next: () => number, who: DemoRespondent): { profile: AnswerMap; answers: AnswerMap } {
  const profile: AnswerMap = {};
  const answers: AnswerMap = {};
  const { options: optionsByCode, items, sectionOf } = shapeOf(def);
  // Conditions refer to questions answered earlier (screening before the sections they open).
  const applies = (question: (typeof def.questions)[number]) => applicableQuestions(def, { ...profile, ...answers }).has(question.code);

  for (const question of def.questions) {
    const target = answerGroup(question) === 'profile' ? profile : answers;
    if ((question.showIf || sectionOf.get(question.code)?.showIf) && !applies(question)) continue;
    if (question.type === 'text') {
      if (question.role === 'comment' && next() < 0.08) target[question.code] = pick(next, COMMENTS);
      continue;
    }
    const options = optionsByCode.get(question.code)!;
    if (options.length === 0) continue;
    if (question.code === 'had_procedure') {
      target[question.code] = next() < who.procedureRate ? 'yes' : 'no';
    } else if (question.code === 'made_feedback') {
      target[question.code] = next() < 0.25 ? 'yes' : 'no';
    } else if (question.role === 'satisfaction') {
      if (next() < 0.02) continue;
      const item = items.get(question.code)!;
      const latent = 3.75 + who.mood + (item.position % 4) * 0.06 - (item.element === 'A3' ? 0.15 : 0) + (next() - 0.5) * 2.1;
      target[question.code] = options[Math.min(options.length - 1, Math.max(0, Math.round(latent) - 1))];
    } else if (question.type === 'multi') {
      const chosen = options.filter(() => next() < 0.35);
      target[question.code] = chosen.length > 0 ? chosen : [pick(next, options)];
    } else if (question.required || next() < 0.9) {
      // Early options ("none", "not at all") a little more often for frequency-type opinions.
      const skew = question.role === 'opinion' && options.length === 3 ? next() ** 1.6 : next();
      target[question.code] = options[Math.floor(skew * options.length)];
    }
  }
  return { profile, answers };
}
