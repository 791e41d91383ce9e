import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';

/** The Vietnamese name of every element and satisfaction item of a version, by code. */
export function indexLabels(def: QuestionnaireDefinition): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const e of def.elements) labels[e.code] = e.label.vi;
  const items = new Set(def.elements.flatMap((e) => e.items));
  for (const q of def.questions) if (items.has(q.code)) labels[q.code] = q.text.vi;
  return labels;
}
