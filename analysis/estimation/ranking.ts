/**
 * Ranking units (provinces; inside a province, districts, communes or offices) by an index, with
 * the uncertainty of each rank.
 *
 * Rank 1 is the highest estimate; equal estimates share the better rank. The interval of plausible
 * ranks comes from pairwise comparisons (Bonferroni), a deterministic method R reproduces exactly:
 * for unit i and every other unit j, the difference θ̂_j − θ̂_i is tested with its design standard
 * error √(V_i + V_j − 2 C_ij) (C_ij = 0 for units in different provinces, which are independent;
 * units of one province share strata, and their covariance comes from the same linearisation).
 * With K units, each test is two-sided at level α/m: m = K − 1 for an interval that covers unit i's
 * true rank with probability ≥ 1 − α (`individual`, the default), m = K(K − 1)/2 for intervals that
 * cover every unit's true rank at once (`joint`). Then
 *     rank_low  = 1 + #{j significantly above i},   rank_high = K − #{j significantly below i}.
 * A unit whose variance cannot be estimated cannot be told apart from any other: its comparisons
 * are never significant (so its interval is 1…K, and it widens the others' by one).
 * This is the approach of Klein, Wright and Wieczorek (2020) for the Census Bureau's state rankings,
 * with the covariance of the design in place of independence.
 */
import { zQuantile } from './intervals.ts';

export type RankCoverage = 'individual' | 'joint';

export interface RankInput {
  code: string;
  /** The estimate (any scale), or null when there is none: such units are not ranked. */
  estimate: number | null;
  /** Its variance on the same scale; null when it cannot be estimated. */
  variance: number | null;
}

export interface RankedUnit {
  code: string;
  estimate: number;
  rank: number;
  rank_low: number;
  rank_high: number;
  /** Units significantly above and below it. */
  above: number;
  below: number;
}

export interface RankingResult {
  units: RankedUnit[];
  /** Units without an estimate, not ranked. */
  unranked: string[];
  /** The two-sided critical value each pairwise difference was compared with. */
  critical_z: number;
  comparisons: number;
}

/** `covariance(a, b)`: design covariance of the estimates of units a and b (indices into `units`). */
export function rankUnits(
  units: readonly RankInput[],
  covariance: (a: number, b: number) => number,
  coverage: RankCoverage = 'individual',
  alpha = 0.05,
): RankingResult {
  const ranked = units.map((u, k) => ({ ...u, k })).filter((u) => u.estimate !== null && Number.isFinite(u.estimate));
  const count = ranked.length;
  const comparisons = coverage === 'joint' ? (count * (count - 1)) / 2 : count - 1;
  const critical = comparisons > 0 ? zQuantile(1 - alpha / (2 * comparisons)) : Number.NaN;
  const above = new Int32Array(count);
  const below = new Int32Array(count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const x = ranked[a];
      const y = ranked[b];
      if (x.variance === null || y.variance === null) continue;
      const difference = y.estimate! - x.estimate!;
      const variance = x.variance + y.variance - 2 * covariance(x.k, y.k);
      const significant = variance > 0 ? Math.abs(difference) / Math.sqrt(variance) > critical : difference !== 0;
      if (!significant) continue;
      if (difference > 0) {
        above[a]++;
        below[b]++;
      } else {
        below[a]++;
        above[b]++;
      }
    }
  }
  const out = ranked.map(
    (u, a): RankedUnit => ({
      code: u.code,
      estimate: u.estimate!,
      rank: 1 + ranked.filter((v) => v.estimate! > u.estimate!).length,
      rank_low: 1 + above[a],
      rank_high: count - below[a],
      above: above[a],
      below: below[a],
    }),
  );
  out.sort((x, y) => x.rank - y.rank || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return {
    units: out,
    unranked: units.filter((u) => u.estimate === null || !Number.isFinite(u.estimate)).map((u) => u.code),
    critical_z: critical,
    comparisons,
  };
}
