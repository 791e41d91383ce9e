/**
 * A round's figures for one province beside another round's: the previous comparable round (to see
 * what fell) and the next published one (to see what the actions achieved). Both are estimated with
 * their units relabelled as the units in force at the later round's end, as the trend does, and
 * compared with the pure core (comparison.ts: independent samples, SE = √(SE₁² + SE₂²)); an index
 * the two questionnaire versions ask differently is not compared (version-comparison.ts).
 */
import { differenceOf } from '../../../analysis/estimation/comparison.ts';
import type { IndexEstimate } from '../../../analysis/estimation/results.ts';
import { compareVersions } from '../../../analysis/questionnaire/version-comparison.ts';
import type { Database } from '../../../db/client.ts';
import { listLocalityMappings } from '../../../db/queries/locality-mappings.ts';
import { listRounds, type RoundRow } from '../../../db/queries/rounds.ts';
import { Problem } from '../../errors.ts';
import { successorsAsOf } from '../localities/locality-successors.ts';
import { questionnaireOfRound, roundResults } from '../results/results.ts';

export interface IndexChange {
  index: string;
  estimate: number | null;
  se: number | null;
  reliable: boolean;
  previous: number | null;
  comparable: boolean;
  difference: number | null;
  se_difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  significant: boolean | null;
}

type UnitOf = (code: string) => string | null;

async function unitsAsOf(db: Database, day: string): Promise<UnitOf> {
  return successorsAsOf(await listLocalityMappings(db), day);
}

const covers = (round: RoundRow, province: string, unitOf: UnitOf) => round.provinceCodes.some((p) => unitOf(p) === province);

/** The province's indices in a round, its units relabelled; undefined when the round has no figures there. */
export async function provinceIndices(db: Database, round: RoundRow, province: string, unitOf?: UnitOf): Promise<IndexEstimate[] | undefined> {
  try {
    const result = await roundResults(db, round, { levels: ['province'], unitOf, respondentType: 'citizen' });
    return result.groups.find((g) => g.level === 'province' && g.code === province)?.indices;
  } catch (error) {
    if (error instanceof Problem) return undefined;
    throw error;
  }
}

/** The latest published round before `round` (by its first day) covering the province. */
export async function previousPublishedRound(db: Database, round: RoundRow, province: string): Promise<RoundRow | undefined> {
  const unitOf = await unitsAsOf(db, round.periodEnd);
  return (await listRounds(db))
    .filter((r) => r.status === 'published' && r.id !== round.id && r.periodStart < round.periodStart && covers(r, province, unitOf))
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
}

/** The first published round after `round` covering the province (or the unit it became). */
export async function nextPublishedRound(db: Database, round: RoundRow, province: string): Promise<{ round: RoundRow; province: string } | undefined> {
  const mappings = await listLocalityMappings(db);
  const later = (await listRounds(db))
    .filter((r) => r.status === 'published' && r.id !== round.id && r.periodStart > round.periodStart)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  for (const next of later) {
    const successor = successorsAsOf(mappings, next.periodEnd)(province);
    if (successor && next.provinceCodes.includes(successor)) return { round: next, province: successor };
  }
  return undefined;
}

/**
 * Every index of `later` in the province against `earlier`, both counted by the units in force at
 * `later`'s end. Undefined when either round has no figures for the province.
 */
export async function changesBetween(db: Database, earlier: RoundRow, later: RoundRow, province: string): Promise<IndexChange[] | undefined> {
  const unitOf = await unitsAsOf(db, later.periodEnd);
  const [now, before] = await Promise.all([provinceIndices(db, later, province, unitOf), provinceIndices(db, earlier, province, unitOf)]);
  if (!now || !before) return undefined;
  const versions = compareVersions(await questionnaireOfRound(db, later), await questionnaireOfRound(db, earlier));
  const differing = new Set(versions.differences.map((d) => d.code));
  const beforeOf = new Map(before.map((i) => [i.index, i]));
  return now.map((figure) => {
    const then = beforeOf.get(figure.index);
    const comparable = then !== undefined && !differing.has(figure.index);
    const d = comparable ? differenceOf(figure, then) : differenceOf({ estimate: null, se: null }, { estimate: null, se: null });
    return {
      index: figure.index,
      estimate: figure.estimate,
      se: figure.se,
      reliable: figure.reliable && (!comparable || then.reliable),
      previous: then?.estimate ?? null,
      comparable,
      difference: d.difference,
      se_difference: d.se,
      ci_low: d.ci_low,
      ci_high: d.ci_high,
      p_value: d.p_value,
      significant: d.significant,
    };
  });
}
