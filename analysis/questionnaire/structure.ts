/** Lookups over a questionnaire definition, and the consistency checks a new version must pass. */
import { QuestionnaireDefinition, type Question, type Scale } from './definition.ts';
import { consistencyProblems } from './consistency.ts';

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

export function scaleOf(def: QuestionnaireDefinition, question: Question): Scale | undefined {
  return question.scale === undefined ? undefined : def.scales.find((s) => s.code === question.scale);
}

/** Parses a definition and checks that every reference resolves; throws with every problem found (consistency.ts). */
export function parseQuestionnaire(input: unknown): QuestionnaireDefinition {
  const def = QuestionnaireDefinition.parse(input);
  const problems = consistencyProblems(def);
  if (problems.length > 0) throw new Error(`questionnaire ${def.version} is inconsistent:\n- ${problems.map((p) => p.en).join('\n- ')}`);
  return def;
}
