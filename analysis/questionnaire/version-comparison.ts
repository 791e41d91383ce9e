/**
 * What two questionnaire versions have in common, for comparing rounds. An item is comparable only
 * when both versions ask the same thing the same way: the same code, the same Vietnamese wording
 * (NFC, spaces collapsed) and the same answer scale. Item codes alone are not enough — B1_1 of
 * 2022 asks about information on procedures, B1_1 of 2024 about signs.
 *
 * Composites are compared over the items both versions share: each version is restricted to the
 * common items (`restrictToItems`), and its composites then follow the rule for empty components
 * (analysis/estimation/composites.ts) — an element without a common item is left out of its part,
 * and said so. Every difference is listed in words.
 */
import type { QuestionnaireDefinition } from './definition.ts';
import { satisfactionItems, scaleOf } from './structure.ts';

export interface VersionDifference {
  code: string;
  kind: 'only_current' | 'only_previous' | 'wording' | 'scale' | 'composition';
  detail: string;
}

export interface VersionComparison {
  current: string;
  previous: string;
  /** True when every item and composite is the same in both versions. */
  identical: boolean;
  commonItems: string[];
  differences: VersionDifference[];
}

const wording = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function itemFacts(def: QuestionnaireDefinition): Map<string, { text: string; scale: string }> {
  const questions = new Map(def.questions.map((q) => [q.code, q]));
  return new Map(
    satisfactionItems(def).map(({ code }) => {
      const q = questions.get(code)!;
      const scale = scaleOf(def, q)?.options.map((o) => o.value) ?? [];
      return [code, { text: wording(q.text.vi), scale: JSON.stringify([scale, def.aggregation.validValues, def.aggregation.satisfiedValues]) }];
    }),
  );
}

export function compareVersions(current: QuestionnaireDefinition, previous: QuestionnaireDefinition): VersionComparison {
  const now = itemFacts(current);
  const before = itemFacts(previous);
  const differences: VersionDifference[] = [];
  const commonItems: string[] = [];
  for (const [code, facts] of now) {
    const old = before.get(code);
    if (!old) differences.push({ code, kind: 'only_current', detail: `${code} is asked only in version ${current.version}` });
    else if (old.text !== facts.text)
      differences.push({ code, kind: 'wording', detail: `${code} is worded differently in ${previous.version} and ${current.version}: not compared` });
    else if (old.scale !== facts.scale)
      differences.push({ code, kind: 'scale', detail: `${code} has another answer scale in ${previous.version}: not compared` });
    else commonItems.push(code);
  }
  for (const code of before.keys())
    if (!now.has(code)) differences.push({ code, kind: 'only_previous', detail: `${code} was asked only in version ${previous.version}` });
  const common = new Set(commonItems);
  const compositions = (def: QuestionnaireDefinition) =>
    new Map([
      ...def.elements.map((e) => [e.code, JSON.stringify(e.items)] as const),
      ...def.parts.map((p) => [p.code, JSON.stringify([p.elements, p.elements.map((e) => def.aggregation.elementWeights?.[e] ?? 1)])] as const),
      [def.aggregation.overall.code, JSON.stringify(Object.entries(def.aggregation.overall.weights).sort())] as const,
    ]);
  const nowComposites = compositions(current);
  const beforeComposites = compositions(previous);
  const itemsOf = (def: QuestionnaireDefinition, code: string): string[] => {
    const element = def.elements.find((e) => e.code === code);
    if (element) return element.items;
    const part = def.parts.find((p) => p.code === code);
    if (part) return part.elements.flatMap((e) => itemsOf(def, e));
    return def.parts.flatMap((p) => itemsOf(def, p.code));
  };
  for (const [code, composition] of nowComposites) {
    const items = itemsOf(current, code);
    const left = [...new Set([...items, ...(beforeComposites.has(code) ? itemsOf(previous, code) : [])])].filter((item) => !common.has(item));
    if (composition === beforeComposites.get(code) && left.length === 0) continue;
    if (!beforeComposites.has(code)) {
      differences.push({ code, kind: 'only_current', detail: `${code} exists only in version ${current.version}` });
      continue;
    }
    differences.push({
      code,
      kind: 'composition',
      detail: `${code} is compared over the items both versions share${left.length > 0 ? `; left out: ${left.join(', ')}` : ''}${composition !== beforeComposites.get(code) ? '; its composition differs between the versions' : ''}`,
    });
  }
  return { current: current.version, previous: previous.version, identical: differences.length === 0, commonItems, differences };
}

/** The version with only `items` kept: elements without one are dropped from their part, parts without an element from the overall index. */
export function restrictToItems(def: QuestionnaireDefinition, items: ReadonlySet<string>): QuestionnaireDefinition {
  const elements = def.elements.map((e) => ({ ...e, items: e.items.filter((i) => items.has(i)) })).filter((e) => e.items.length > 0);
  const kept = new Set(elements.map((e) => e.code));
  const parts = def.parts.map((p) => ({ ...p, elements: p.elements.filter((e) => kept.has(e)) })).filter((p) => p.elements.length > 0);
  const keptParts = new Set(parts.map((p) => p.code));
  const weights = Object.fromEntries(Object.entries(def.aggregation.overall.weights).filter(([code]) => keptParts.has(code)));
  return { ...def, elements, parts, aggregation: { ...def.aggregation, overall: { ...def.aggregation.overall, weights } } };
}
