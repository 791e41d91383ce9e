/**
 * Margins that no weighting of the sample can meet are refused before raking starts, with the
 * reason, instead of iterating to the cap and failing vaguely.
 *
 *  - With bounds [L, U] on raked / starting weight, a category's weighted count can only move
 *    within [L·Σw₀, U·Σw₀] of its respondents: a target outside is impossible.
 *  - Two margin variables A and B: the weights of the respondents in A = a must add up to T_a, and
 *    they also count towards the B categories those respondents are in. If every respondent of a
 *    set S of A categories lies in a set N(S) of B categories, then Σ_{a∈S} T_a ≤ Σ_{b∈N(S)} T_b is
 *    needed (and the converse). Whether some non-negative weighting meets both margins on the cells
 *    the sample covers is a transportation problem; a maximum flow decides it, and when none
 *    exists the minimum cut names such a set S. (With three or more variables, meeting every pair
 *    is necessary, not sufficient; raking that still does not converge is an error with its gap.)
 */
export interface FeasibilityVariable {
  name: string;
  categories: string[];
  targets: number[];
  codes: Int32Array;
}

export class InfeasibleMarginsError extends Error {}

export function checkFeasibleMargins(variables: readonly FeasibilityVariable[], start: Float64Array, bounds?: { lower: number; upper: number }): void {
  if (bounds) {
    for (const v of variables) {
      const sums = new Float64Array(v.categories.length);
      for (let i = 0; i < start.length; i++) sums[v.codes[i]] += start[i];
      v.categories.forEach((c, k) => {
        const [low, high] = [bounds.lower * sums[k], bounds.upper * sums[k]];
        if (v.targets[k] < low * (1 - 1e-12) || v.targets[k] > high * (1 + 1e-12)) {
          throw new InfeasibleMarginsError(
            `margin ${v.name}=${c}: the target ${v.targets[k]} is outside what the bounds allow (${low} – ${high}: ${bounds.lower}–${bounds.upper} times the starting weights of its respondents)`,
          );
        }
      });
    }
  }
  for (let x = 0; x < variables.length; x++) for (let y = x + 1; y < variables.length; y++) checkPair(variables[x], variables[y], start.length);
}

function checkPair(a: FeasibilityVariable, b: FeasibilityVariable, size: number): void {
  const na = a.categories.length;
  const nb = b.categories.length;
  const linked = new Uint8Array(na * nb);
  for (let i = 0; i < size; i++) linked[a.codes[i] * nb + b.codes[i]] = 1;
  // Nodes: 0 source, 1…na categories of A, na+1…na+nb categories of B, na+nb+1 sink.
  const n = na + nb + 2;
  const sink = n - 1;
  const capacity = new Float64Array(n * n);
  const total = a.targets.reduce((s, t) => s + t, 0);
  a.targets.forEach((t, i) => (capacity[0 * n + 1 + i] = t));
  b.targets.forEach((t, j) => (capacity[(1 + na + j) * n + sink] = t));
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) if (linked[i * nb + j]) capacity[(1 + i) * n + 1 + na + j] = Infinity;
  let flow = 0;
  const epsilon = 1e-12 * total;
  for (;;) {
    const parent = new Int32Array(n).fill(-1);
    parent[0] = 0;
    const queue = [0];
    while (queue.length > 0 && parent[sink] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++)
        if (parent[v] < 0 && capacity[u * n + v] > epsilon) {
          parent[v] = u;
          queue.push(v);
        }
    }
    if (parent[sink] < 0) {
      if (flow >= total * (1 - 1e-9)) return;
      // Categories of A reachable from the source: their respondents all lie in the reachable B categories.
      const s = a.categories.filter((_, i) => parent[1 + i] >= 0);
      const t = b.categories.filter((_, j) => parent[1 + na + j] >= 0);
      const sum = (v: FeasibilityVariable, names: string[]) => names.reduce((acc, c) => acc + v.targets[v.categories.indexOf(c)], 0);
      throw new InfeasibleMarginsError(
        `margins ${a.name} and ${b.name} cannot both be met: the respondents with ${a.name} ∈ {${s.join(', ')}} are all in ${b.name} ∈ {${t.join(', ')}}, ` +
          `whose total ${sum(b, t)} is less than theirs, ${sum(a, s)}`,
      );
    }
    let push = Infinity;
    for (let v = sink; v !== 0; v = parent[v]) push = Math.min(push, capacity[parent[v] * n + v]);
    for (let v = sink; v !== 0; v = parent[v]) {
      capacity[parent[v] * n + v] -= push;
      capacity[v * n + parent[v]] += push;
    }
    flow += push;
  }
}
