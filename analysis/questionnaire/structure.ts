/** Lookups over a questionnaire definition, and the consistency checks a new version must pass. */
import { QuestionnaireDefinition, type Question, type Scale } from './definition.ts';
import { conditionQuestions } from './skip.ts';

export interface SatisfactionItem {
  code: string;
  element: string;
  part: string;
  /** Position in the version's item order (0-based): the order of the microdata columns. */
  position: number;
}

/** Satisfaction items in the order of parts, elements and items. */
export function satisfactionItems(def: QuestionnaireDefinition): SatisfactionItem[] {
  const items: SatisfactionItem[] = [];
  const elements = new Map(def.elements.map((e) => [e.code, e]));
  for (const part of def.parts) {
    for (const elementCode of part.elements) {
      for (const code of elements.get(elementCode)?.items ?? []) {
        items.push({ code, element: elementCode, part: part.code, position: items.length });
      }
    }
  }
  return items;
}

export function questionByCode(def: QuestionnaireDefinition): Map<string, Question> {
  return new Map(def.questions.map((q) => [q.code, q]));
}

export function scaleOf(def: QuestionnaireDefinition, question: Question): Scale | undefined {
  return question.scale === undefined ? undefined : def.scales.find((s) => s.code === question.scale);
}

/** Parses a definition and checks that every reference resolves; throws with every problem found. */
export function parseQuestionnaire(input: unknown): QuestionnaireDefinition {
  const def = QuestionnaireDefinition.parse(input);
  const problems: string[] = [];
  const questions = questionByCode(def);
  const scales = new Set(def.scales.map((s) => s.code));
  if (questions.size !== def.questions.length) problems.push('duplicate question codes');

  for (const q of def.questions) {
    if (q.type !== 'text' && (q.scale === undefined || !scales.has(q.scale))) {
      problems.push(`question ${q.code}: unknown scale ${q.scale}`);
    }
    if (q.role === 'satisfaction' && q.type !== 'rating') problems.push(`question ${q.code}: satisfaction items are ratings`);
    for (const ref of q.showIf ? conditionQuestions(q.showIf) : []) {
      if (!questions.has(ref)) problems.push(`question ${q.code}: condition on unknown question ${ref}`);
    }
  }
  const placed = new Set<string>();
  for (const section of def.sections) {
    for (const code of section.questions) {
      if (!questions.has(code)) problems.push(`section ${section.code}: unknown question ${code}`);
      if (placed.has(code)) problems.push(`question ${code} is in two sections`);
      placed.add(code);
    }
    for (const ref of section.showIf ? conditionQuestions(section.showIf) : []) {
      if (!questions.has(ref)) problems.push(`section ${section.code}: condition on unknown question ${ref}`);
    }
  }
  for (const q of def.questions) if (!placed.has(q.code)) problems.push(`question ${q.code} is in no section`);
  // Skip logic is settled in the order questions are asked (skip.ts): a condition may read only
  // questions asked before it, as on paper ("if no, go to …") and on the phone's screens.
  const askedBefore = new Set<string>();
  for (const section of def.sections) {
    for (const ref of section.showIf ? conditionQuestions(section.showIf) : []) {
      if (questions.has(ref) && !askedBefore.has(ref)) problems.push(`section ${section.code}: condition on ${ref}, which is not asked before it`);
    }
    const inSection = new Set<string>();
    for (const code of section.questions) {
      const condition = questions.get(code)?.showIf;
      for (const ref of condition ? conditionQuestions(condition) : []) {
        if (questions.has(ref) && !askedBefore.has(ref) && !inSection.has(ref))
          problems.push(`question ${code}: condition on ${ref}, which is not asked before it`);
      }
      inSection.add(code);
    }
    for (const code of section.questions) askedBefore.add(code);
  }

  const inElements = new Set<string>();
  for (const element of def.elements) {
    if (!def.parts.some((p) => p.code === element.part && p.elements.includes(element.code))) {
      problems.push(`element ${element.code}: not listed by part ${element.part}`);
    }
    for (const code of element.items) {
      if (questions.get(code)?.role !== 'satisfaction') problems.push(`element ${element.code}: ${code} is not a satisfaction item`);
      if (inElements.has(code)) problems.push(`item ${code} is in two elements`);
      inElements.add(code);
    }
  }
  for (const q of def.questions) {
    if (q.role === 'satisfaction' && !inElements.has(q.code)) problems.push(`item ${q.code} is in no element`);
  }
  for (const partCode of Object.keys(def.aggregation.overall.weights)) {
    if (!def.parts.some((p) => p.code === partCode)) problems.push(`overall index weights unknown part ${partCode}`);
  }
  if (problems.length > 0) throw new Error(`questionnaire ${def.version} is inconsistent:\n- ${problems.join('\n- ')}`);
  return def;
}
