/**
 * What is estimated, taken from a questionnaire version: every satisfaction item (a rating whose
 * categories are the valid scale values), every opinion, expectation and profile question (shares of
 * its options: who answered, as well as what they think), and the composite indices (elements,
 * parts and the overall index) built from items.
 */
import type { OptionValue, QuestionnaireDefinition } from '../questionnaire/definition.ts';
import { satisfactionItems, scaleOf } from '../questionnaire/structure.ts';

export interface CategoricalVariable {
  code: string;
  /** rating: one valid scale value; single: one option; multi: any set of options. */
  kind: 'rating' | 'single' | 'multi';
  /** Category values in the order of the scale. */
  categories: OptionValue[];
  /** For ratings: which categories count as satisfied (indices into `categories`). */
  satisfied: number[];
  /** A profile question (sex, age group…): also a column that results are grouped and raked by. */
  profile?: boolean;
}

/** A composite index: a fixed linear combination of its members (items or other composites). */
export interface Composite {
  code: string;
  kind: 'element' | 'part' | 'overall';
  members: Array<{ code: string; weight: number }>;
}

export interface EstimationPlan {
  /** Satisfaction items first, in the version's item order, then option questions. */
  variables: CategoricalVariable[];
  itemCount: number;
  /** Elements, then parts, then the overall index: every member precedes its composite. */
  composites: Composite[];
  /** What a composite does when one of its components is empty in a domain (composites.ts). */
  emptyComponents: 'reweight' | 'require';
}

function weighted(codes: string[], weights: Record<string, number> | undefined): Array<{ code: string; weight: number }> {
  const raw = codes.map((code) => ({ code, weight: weights?.[code] ?? 1 }));
  const total = raw.reduce((sum, m) => sum + m.weight, 0);
  return raw.map((m) => ({ code: m.code, weight: m.weight / total }));
}

export function estimationPlan(def: QuestionnaireDefinition): EstimationPlan {
  const { validValues, satisfiedValues, elementWeights, overall } = def.aggregation;
  const variables: CategoricalVariable[] = satisfactionItems(def).map((item) => ({
    code: item.code,
    kind: 'rating',
    categories: validValues,
    satisfied: validValues.flatMap((v, k) => (satisfiedValues.includes(v) ? [k] : [])),
  }));
  const itemCount = variables.length;
  for (const question of def.questions) {
    if (question.role !== 'opinion' && question.role !== 'expectation' && question.role !== 'profile') continue;
    if (question.type !== 'single' && question.type !== 'multi') continue;
    const options = scaleOf(def, question)?.options ?? [];
    const categories = options.map((o) => o.value);
    variables.push({ code: question.code, kind: question.type, categories, satisfied: [], ...(question.role === 'profile' ? { profile: true } : {}) });
  }

  // Element index = mean of its items, part index = mean of its elements (weighted where the
  // version gives element weights), overall = the version's part weights (0.6 policy, 0.4 service).
  const composites: Composite[] = [
    ...def.elements.map((e): Composite => ({ code: e.code, kind: 'element', members: weighted(e.items, undefined) })),
    ...def.parts.map((p): Composite => ({ code: p.code, kind: 'part', members: weighted(p.elements, elementWeights) })),
    { code: overall.code, kind: 'overall', members: weighted(Object.keys(overall.weights), overall.weights) },
  ];
  return { variables, itemCount, composites, emptyComponents: def.aggregation.emptyComponents ?? 'reweight' };
}

/** The satisfaction items a composite rests on, with their coefficients in it. */
export function compositeItemWeights(plan: EstimationPlan, code: string): Map<string, number> {
  const byCode = new Map(plan.composites.map((c) => [c.code, c]));
  const out = new Map<string, number>();
  const expand = (member: string, factor: number) => {
    const composite = byCode.get(member);
    if (!composite) {
      out.set(member, (out.get(member) ?? 0) + factor);
      return;
    }
    for (const m of composite.members) expand(m.code, factor * m.weight);
  };
  expand(code, 1);
  return out;
}

/** The plan without the option questions for which `keep` is false (e.g. absent from a file). */
export function withoutOptionQuestions(plan: EstimationPlan, keep: readonly boolean[]): EstimationPlan {
  return { ...plan, variables: plan.variables.filter((_, j) => j < plan.itemCount || keep[j]) };
}
