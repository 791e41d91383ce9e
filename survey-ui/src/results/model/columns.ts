/**
 * The indices a table shows, from the questionnaire: SIPAS, the part indices (policy, service),
 * then each element — labels as the questionnaire words them, so a new version needs no code.
 */
import type { QuestionnaireLabels } from '../api/types.ts';

export interface IndexColumn {
  code: string;
  label: string;
  /** A short heading for narrow table columns (element codes such as A1). */
  short: string;
}

export function indexColumns(q: QuestionnaireLabels, names: Record<string, string>): IndexColumn[] {
  const overall = q.aggregation.overall.code;
  return [
    { code: overall, label: names[overall] ?? overall, short: overall },
    ...q.parts.map((p) => ({ code: p.code, label: names[p.code] ?? p.label, short: names[p.code] ?? p.label })),
    ...q.elements.map((e) => ({ code: e.code, label: `${e.code}. ${e.label}`, short: e.code })),
  ];
}

export interface PolicyRow {
  item: string;
  label: string;
  interestQuestion: string | undefined;
}

/** The policies are the items of the element holding the questions asked about interest (A3). */
export function policyRows(q: QuestionnaireLabels): PolicyRow[] {
  const interestOf = new Map(q.questions.filter((x) => x.relatesTo).map((x) => [x.relatesTo!, x.code]));
  const element = q.elements.find((e) => e.items.some((item) => interestOf.has(item)));
  if (!element) return [];
  const text = new Map(q.questions.map((x) => [x.code, x.text]));
  return element.items.map((item) => ({
    item,
    label: (text.get(item) ?? item).replace(/ (phù hợp|is appropriate)$/, ''),
    interestQuestion: interestOf.get(item),
  }));
}
