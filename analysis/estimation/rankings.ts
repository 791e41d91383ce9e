/**
 * The rankings of a level's units by every index (ranking.ts for the method): provinces across the
 * country when each unit is a province of its own, otherwise the units of each province among
 * themselves (districts, communes or offices inside their province). Units whose figures span
 * several provinces (e.g. `sex`) are not localities and are not ranked.
 */
import type { SamplingDesign } from './design.ts';
import { domainCovariances, type Influence } from './domain-covariance.ts';
import { rankUnits, type RankCoverage, type RankedUnit } from './ranking.ts';
import type { GroupResult } from './results.ts';

export interface RankingOptions {
  /** Levels whose units are ranked (e.g. `province`, `commune`, `office`). */
  levels: string[];
  coverage?: RankCoverage;
}

export interface Ranking {
  level: string;
  index: string;
  /** The province whose units are ranked among themselves; null for a ranking of provinces. */
  within: string | null;
  coverage: RankCoverage;
  /** Two-sided critical value of each pairwise test (Bonferroni over `comparisons`). */
  critical_z: number;
  comparisons: number;
  units: Array<RankedUnit & { name: string; reliable: boolean }>;
  /** Units without an estimate of this index. */
  unranked: string[];
}

export interface RankedDomain {
  group: GroupResult;
  /** Province indices of the domain's respondents (several for a merged unit or a group such as `sex`). */
  provinces: number[];
  influence?: Influence;
}

export function levelRankings(design: SamplingDesign, level: string, domains: readonly RankedDomain[], coverage: RankCoverage = 'individual'): Ranking[] {
  // Units that share no province (provinces, or provinces merged since) are independent: one ranking.
  const seen = new Set<number>();
  const disjoint = domains.every((d) => d.provinces.every((p) => !seen.has(p) && seen.add(p)));
  const byProvince = new Map<number, RankedDomain[]>();
  for (const d of domains) if (d.provinces.length === 1) byProvince.set(d.provinces[0], [...(byProvince.get(d.provinces[0]) ?? []), d]);
  const sets: Array<{ within: string | null; units: RankedDomain[] }> = disjoint
    ? [{ within: null, units: [...domains] }]
    : [...byProvince].map(([p, units]) => ({ within: design.provinces[p], units }));
  const rankings: Ranking[] = [];
  for (const { within, units } of sets) {
    if (units.length < 2) continue;
    // Covariances of every index between every pair of units, once (zero across provinces).
    const pairs = new Map<number, Float64Array | null>();
    const covarianceOf = (a: number, b: number): Float64Array | null => {
      if (within === null) return null;
      const key = Math.min(a, b) * units.length + Math.max(a, b);
      if (!pairs.has(key)) {
        const [x, y] = [units[a].influence, units[b].influence];
        pairs.set(key, x && y ? domainCovariances(design, x, y) : null);
      }
      return pairs.get(key)!;
    };
    units[0].group.indices.forEach((first, q) => {
      const inputs = units.map((u) => {
        const e = u.group.indices[q];
        return { code: u.group.code, estimate: e.estimate, variance: e.se === null ? null : e.se * e.se };
      });
      // Figures are in percent; the linearised totals are in fractions.
      const result = rankUnits(inputs, (a, b) => (covarianceOf(a, b)?.[q] ?? 0) * 10_000, coverage);
      const byCode = new Map(units.map((u) => [u.group.code, u.group]));
      rankings.push({
        level,
        index: first.index,
        within,
        coverage,
        critical_z: result.critical_z,
        comparisons: result.comparisons,
        units: result.units.map((r) => ({ ...r, name: byCode.get(r.code)!.name, reliable: byCode.get(r.code)!.indices[q].reliable })),
        unranked: result.unranked,
      });
    });
  }
  return rankings;
}
