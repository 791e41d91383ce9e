/**
 * The consistency checks a questionnaire version must pass beyond its schema: every reference
 * resolves (scales, questions, elements, parts), every question is asked once, every satisfaction
 * item counts in exactly one element, and a skip rule reads only questions asked before it. Each
 * problem names where it is in the definition (a JSON path), in Vietnamese and English, so that an
 * uploaded file's problems can be pointed at their sheet, row and column.
 */
import type { QuestionnaireDefinition } from './definition.ts';
import { conditionQuestions } from './skip.ts';

export type DefinitionPath = Array<string | number>;

export interface DefinitionProblem {
  path: DefinitionPath;
  vi: string;
  en: string;
}

export function consistencyProblems(def: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: DefinitionPath, vi: string, en: string) => problems.push({ path, vi, en });
  const questions = new Map<string, number>();
  def.questions.forEach((q, i) => {
    if (questions.has(q.code)) add(['questions', i, 'code'], `mã câu hỏi ${q.code} bị lặp lại`, 'duplicate question codes');
    else questions.set(q.code, i);
  });
  const scales = new Set<string>();
  def.scales.forEach((s, i) => {
    if (scales.has(s.code)) add(['scales', i, 'code'], `thang đo ${s.code} được khai báo hai lần`, `scale ${s.code} is declared twice`);
    scales.add(s.code);
    const values = new Set<string>();
    s.options.forEach((o, k) => {
      const key = `${typeof o.value}:${o.value}`;
      if (values.has(key))
        add(['scales', i, 'options', k, 'value'], `thang đo ${s.code}: giá trị ${o.value} lặp lại`, `scale ${s.code}: value ${o.value} is listed twice`);
      values.add(key);
    });
  });

  def.questions.forEach((q, i) => {
    if (q.type !== 'text' && (q.scale === undefined || !scales.has(q.scale))) {
      add(['questions', i, 'scale'], `câu ${q.code}: không có thang đo "${q.scale ?? ''}"`, `question ${q.code}: unknown scale ${q.scale}`);
    }
    if (q.role === 'satisfaction' && q.type !== 'rating')
      add(['questions', i, 'type'], `câu ${q.code}: câu đánh giá mức độ hài lòng phải có kiểu rating`, `question ${q.code}: satisfaction items are ratings`);
    for (const ref of q.showIf ? conditionQuestions(q.showIf) : []) {
      if (!questions.has(ref))
        add(['questions', i, 'showIf'], `câu ${q.code}: điều kiện dựa trên câu không có ${ref}`, `question ${q.code}: condition on unknown question ${ref}`);
    }
    if (q.relatesTo !== undefined && !questions.has(q.relatesTo))
      add(
        ['questions', i, 'relatesTo'],
        `câu ${q.code}: liên quan đến câu không có ${q.relatesTo}`,
        `question ${q.code}: relates to unknown question ${q.relatesTo}`,
      );
  });
  const placed = new Set<string>();
  def.sections.forEach((section, s) => {
    section.questions.forEach((code, k) => {
      if (!questions.has(code))
        add(['sections', s, 'questions', k], `mục ${section.code}: không có câu ${code}`, `section ${section.code}: unknown question ${code}`);
      if (placed.has(code)) add(['sections', s, 'questions', k], `câu ${code} nằm trong hai mục`, `question ${code} is in two sections`);
      placed.add(code);
    });
    for (const ref of section.showIf ? conditionQuestions(section.showIf) : []) {
      if (!questions.has(ref))
        add(
          ['sections', s, 'showIf'],
          `mục ${section.code}: điều kiện dựa trên câu không có ${ref}`,
          `section ${section.code}: condition on unknown question ${ref}`,
        );
    }
  });
  def.questions.forEach((q, i) => {
    if (!placed.has(q.code)) add(['questions', i, 'code'], `câu ${q.code} không thuộc mục nào`, `question ${q.code} is in no section`);
  });
  // Skip logic is settled in the order questions are asked (skip.ts): a condition may read only
  // questions asked before it, as on paper ("if no, go to …") and on the phone's screens.
  const askedBefore = new Set<string>();
  def.sections.forEach((section, s) => {
    for (const ref of section.showIf ? conditionQuestions(section.showIf) : []) {
      if (questions.has(ref) && !askedBefore.has(ref))
        add(
          ['sections', s, 'showIf'],
          `mục ${section.code}: điều kiện dựa trên câu ${ref}, câu này chưa được hỏi trước đó`,
          `section ${section.code}: condition on ${ref}, which is not asked before it`,
        );
    }
    const inSection = new Set<string>();
    for (const code of section.questions) {
      const index = questions.get(code);
      const condition = index === undefined ? undefined : def.questions[index].showIf;
      for (const ref of condition ? conditionQuestions(condition) : []) {
        if (questions.has(ref) && !askedBefore.has(ref) && !inSection.has(ref))
          add(
            ['questions', index!, 'showIf'],
            `câu ${code}: điều kiện dựa trên câu ${ref}, câu này chưa được hỏi trước đó`,
            `question ${code}: condition on ${ref}, which is not asked before it`,
          );
      }
      inSection.add(code);
    }
    for (const code of section.questions) askedBefore.add(code);
  });

  const inElements = new Set<string>();
  const elementCodes = new Set<string>();
  def.elements.forEach((element, e) => {
    if (elementCodes.has(element.code))
      add(['elements', e, 'code'], `yếu tố ${element.code} được khai báo hai lần`, `element ${element.code} is declared twice`);
    elementCodes.add(element.code);
    if (!def.parts.some((p) => p.code === element.part && p.elements.includes(element.code))) {
      add(
        ['elements', e, 'part'],
        `yếu tố ${element.code}: không nằm trong phần ${element.part}`,
        `element ${element.code}: not listed by part ${element.part}`,
      );
    }
    element.items.forEach((code, k) => {
      const index = questions.get(code);
      if (index === undefined || def.questions[index].role !== 'satisfaction')
        add(
          ['elements', e, 'items', k],
          `yếu tố ${element.code}: ${code} không phải câu đánh giá (satisfaction)`,
          `element ${element.code}: ${code} is not a satisfaction item`,
        );
      if (inElements.has(code)) add(['elements', e, 'items', k], `tiêu chí ${code} nằm trong hai yếu tố`, `item ${code} is in two elements`);
      inElements.add(code);
    });
  });
  def.parts.forEach((part, p) => {
    part.elements.forEach((code, k) => {
      if (!elementCodes.has(code)) add(['parts', p, 'elements', k], `phần ${part.code}: không có yếu tố ${code}`, `part ${part.code}: unknown element ${code}`);
    });
  });
  def.questions.forEach((q, i) => {
    if (q.role === 'satisfaction' && !inElements.has(q.code))
      add(['questions', i, 'code'], `tiêu chí ${q.code} không thuộc yếu tố nào`, `item ${q.code} is in no element`);
  });
  for (const partCode of Object.keys(def.aggregation.overall.weights)) {
    if (!def.parts.some((p) => p.code === partCode))
      add(
        ['aggregation', 'overall', 'weights', partCode],
        `trọng số chỉ số chung dùng phần không có ${partCode}`,
        `overall index weights unknown part ${partCode}`,
      );
  }
  for (const elementCode of Object.keys(def.aggregation.elementWeights ?? {})) {
    if (!elementCodes.has(elementCode))
      add(
        ['aggregation', 'elementWeights', elementCode],
        `trọng số dùng yếu tố không có ${elementCode}`,
        `element weights name unknown element ${elementCode}`,
      );
  }
  const valid = new Set(def.aggregation.validValues);
  def.aggregation.satisfiedValues.forEach((v, k) => {
    if (!valid.has(v))
      add(['aggregation', 'satisfiedValues', k], `giá trị hài lòng ${v} không nằm trong các giá trị hợp lệ`, `satisfied value ${v} is not a valid value`);
  });
  return problems;
}
