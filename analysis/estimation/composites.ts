/**
 * Composite indices with empty components. An element index is the mean of its items' indices, a
 * part index the (weighted) mean of its elements', SIPAS the weighted mean of the parts' (0.6 policy,
 * 0.4 service). A component can be empty in a domain: the feedback element B5 is answered only by
 * those who made a complaint or suggestion, and in a commune where nobody did, it has no valid
 * answer at all.
 *
 * The rule, a setting of the questionnaire version (`aggregation.emptyComponents`):
 *  - `reweight` (the default, the SIPAS rule): a composite is the weighted mean of its components
 *    that have a valid answer in the domain, their weights rescaled to add up to one; it is empty
 *    only when all of its components are. The figure lists what was left out (`missing_components`:
 *    the largest empty components, e.g. `B5` rather than its three items), so a reader sees that the
 *    service index of that commune is the mean of B1–B4 only.
 *  - `require`: a composite is empty as soon as one of its components is.
 * Either way the composite stays a linear combination Σ a_j p_j of item indices with coefficients
 * fixed for the domain, so its variance follows from the same linearisation (R: `svycontrast` with
 * those coefficients).
 */
import type { EstimationPlan } from './variables.ts';

export type EmptyComponentsRule = 'reweight' | 'require';

interface Node {
  code: string;
  members: Array<{ code: string; weight: number; item?: number; composite?: number }>;
}

export interface CompositeTree {
  rule: EmptyComponentsRule;
  nodes: Node[];
  /** Coefficients by pattern of items present: most domains share a handful of patterns. */
  cache: Map<string, CompositeCoefficients[]>;
}

export function compositeTree(plan: EstimationPlan, rule: EmptyComponentsRule): CompositeTree {
  const items = new Map(plan.variables.slice(0, plan.itemCount).map((v, j) => [v.code, j]));
  const composites = new Map(plan.composites.map((c, k) => [c.code, k]));
  const nodes = plan.composites.map((c) => ({
    code: c.code,
    members: c.members.map((m) => ({ ...m, item: items.get(m.code), composite: composites.get(m.code) })),
  }));
  return { rule, nodes, cache: new Map() };
}

export interface CompositeCoefficients {
  /** Item indices (positions in the plan) with a non-zero coefficient, and the coefficients. */
  items: number[];
  coefficients: number[];
  /** The components left out because they are empty in the domain (none when it is whole). */
  missing: string[];
}

/** Each composite's coefficients on the item indices, given which items have a valid answer. */
export function compositeCoefficients(tree: CompositeTree, itemPresent: readonly boolean[]): CompositeCoefficients[] {
  const key = itemPresent.map((p) => (p ? '1' : '0')).join('');
  let out = tree.cache.get(key);
  if (!out) tree.cache.set(key, (out = coefficientsFor(tree, itemPresent)));
  return out;
}

function coefficientsFor(tree: CompositeTree, itemPresent: readonly boolean[]): CompositeCoefficients[] {
  const out: CompositeCoefficients[] = [];
  for (const node of tree.nodes) {
    const coefficient = new Map<number, number>();
    const missing: string[] = [];
    let presentWeight = 0;
    const present: Array<{ weight: number; terms: Array<[number, number]> }> = [];
    for (const member of node.members) {
      if (member.item !== undefined) {
        if (itemPresent[member.item]) present.push({ weight: member.weight, terms: [[member.item, 1]] });
        else missing.push(member.code);
      } else if (member.composite !== undefined) {
        const inner = out[member.composite];
        if (inner.items.length === 0) missing.push(member.code);
        else {
          present.push({ weight: member.weight, terms: inner.items.map((j, m) => [j, inner.coefficients[m]]) });
          missing.push(...inner.missing);
        }
      }
    }
    for (const p of present) presentWeight += p.weight;
    const empty = present.length === 0 || (tree.rule === 'require' && missing.length > 0);
    if (!empty) {
      for (const p of present) for (const [j, a] of p.terms) coefficient.set(j, (coefficient.get(j) ?? 0) + (p.weight / presentWeight) * a);
    }
    const items = [...coefficient.keys()].sort((a, b) => a - b);
    out.push({ items, coefficients: items.map((j) => coefficient.get(j)!), missing: [...new Set(missing)] });
  }
  return out;
}
