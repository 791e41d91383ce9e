/**
 * Year-on-year: every figure against the previous comparable round.
 *
 * The two rounds are independent samples, so for a figure θ (in points)
 *     Δ = θ̂_now − θ̂_before,   SE(Δ) = √(SE_now² + SE_before²),
 * with the 95 % interval Δ ± z·SE(Δ) (z the normal quantile, as R's qnorm(0.975)), z = Δ / SE(Δ),
 * the two-sided p-value 2·Φ(−|z|), and "significant" when the interval excludes 0. Where either
 * standard error cannot be estimated, the difference is given without SE, interval or verdict
 * (`significant: null`). An SE(Δ) of rounding-noise size (≤ 1e-9 of the figures) gives no z or
 * p-value, and a difference of that size is no change.
 *
 * Units are compared as they are now: the previous round is estimated with its units relabelled as
 * the units that replaced them (an old province counted as the one it merged into, by domain
 * estimation over all of its old parts), and each row names the previous units it comes from
 * (`previous_units`) so a reader sees "Lâm Đồng 2024 = Lâm Đồng + Đắk Nông + Bình Thuận".
 * Only indices both rounds measure alike are compared (version-comparison.ts); the differences
 * between the questionnaire versions are listed with the comparison.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { VersionComparison } from '../questionnaire/version-comparison.ts';
import { Z_975 } from './intervals.ts';
import type { AnalysisResult } from './results.ts';

export interface FigureDifference {
  level: string;
  code: string;
  name: string;
  index: string;
  estimate: number | null;
  previous: number | null;
  difference: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  z: number | null;
  p_value: number | null;
  /** Whether the 95 % interval of the difference excludes 0; null when it cannot be said. */
  significant: boolean | null;
  /** Both figures reliable by the publication rule. */
  reliable: boolean;
  previous_units: string[];
}

export interface RankChange {
  level: string;
  index: string;
  within: string | null;
  code: string;
  rank: number;
  previous_rank: number | null;
  /** previous − current: positive = moved up. Null when the two rankings do not rank the same units. */
  rank_change: number | null;
}

export interface RoundComparison {
  current: string;
  previous: string;
  versions: VersionComparison;
  method: string;
  differences: FigureDifference[];
  /** Current units without a figure in the previous round. */
  new_units: Array<{ level: string; code: string }>;
  rank_changes: RankChange[];
}

export interface ComparisonOptions {
  current: string;
  previous: string;
  versions: VersionComparison;
  /** The previous round's units a current unit comes from (itself when unchanged). */
  previousUnits?: (level: string, code: string) => string[];
}

export function differenceOf(now: { estimate: number | null; se: number | null }, before: { estimate: number | null; se: number | null }) {
  if (now.estimate === null || before.estimate === null) {
    return { difference: null, se: null, ci_low: null, ci_high: null, z: null, p_value: null, significant: null };
  }
  const difference = now.estimate - before.estimate;
  if (now.se === null || before.se === null) return { difference, se: null, ci_low: null, ci_high: null, z: null, p_value: null, significant: null };
  const se = Math.sqrt(now.se * now.se + before.se * before.se);
  const low = difference - Z_975 * se;
  const high = difference + Z_975 * se;
  // Sums taken in another order leave rounding noise — a figure of 100 % read as 99.99999999999999
  // with an SE of 1e-14 — whose ratio is a meaningless z: below this size both are taken as zero.
  const noise = 1e-9 * Math.max(1, Math.abs(now.estimate), Math.abs(before.estimate));
  const testable = se > noise;
  const z = testable ? difference / se : null;
  return {
    difference,
    se,
    ci_low: low,
    ci_high: high,
    z,
    p_value: z === null ? null : 2 * normalCdf(-Math.abs(z), 0, 1),
    significant: testable ? low > 0 || high < 0 : Math.abs(difference) > noise,
  };
}

export function compareRounds(current: AnalysisResult, previous: AnalysisResult, options: ComparisonOptions): RoundComparison {
  const before = new Map(previous.groups.map((g) => [`${g.level}\u0000${g.code}`, g]));
  const differences: FigureDifference[] = [];
  const newUnits: RoundComparison['new_units'] = [];
  for (const group of current.groups) {
    const old = before.get(`${group.level}\u0000${group.code}`);
    if (!old) {
      newUnits.push({ level: group.level, code: group.code });
      continue;
    }
    const oldIndices = new Map(old.indices.map((i) => [i.index, i]));
    for (const now of group.indices) {
      const then = oldIndices.get(now.index);
      if (!then) continue;
      differences.push({
        level: group.level,
        code: group.code,
        name: group.name,
        index: now.index,
        estimate: now.estimate,
        previous: then.estimate,
        ...differenceOf(now, then),
        reliable: now.reliable && then.reliable,
        previous_units: options.previousUnits?.(group.level, group.code) ?? [group.code],
      });
    }
  }
  return {
    current: options.current,
    previous: options.previous,
    versions: options.versions,
    method:
      'difference of independent samples: SE = √(SE₁² + SE₂²), 95 % Wald interval, two-sided normal p-value; same items only, composites over the items both versions share',
    differences,
    new_units: newUnits,
    rank_changes: rankChanges(current, previous),
  };
}

function rankChanges(current: AnalysisResult, previous: AnalysisResult): RankChange[] {
  const key = (r: { level: string; index: string; within: string | null }) => `${r.level}\u0000${r.index}\u0000${r.within ?? ''}`;
  const before = new Map((previous.rankings ?? []).map((r) => [key(r), r]));
  return (current.rankings ?? []).flatMap((ranking) => {
    const old = before.get(key(ranking));
    const oldRanks = new Map(old?.units.map((u) => [u.code, u.rank]) ?? []);
    const sameUnits = old !== undefined && old.units.length === ranking.units.length && ranking.units.every((u) => oldRanks.has(u.code));
    return ranking.units.map((u) => {
      const previousRank = oldRanks.get(u.code) ?? null;
      return {
        level: ranking.level,
        index: ranking.index,
        within: ranking.within,
        code: u.code,
        rank: u.rank,
        previous_rank: previousRank,
        rank_change: sameUnits && previousRank !== null ? previousRank - u.rank : null,
      };
    });
  });
}
