/**
 * Year-on-year: a round's figures against the previous comparable round (analysis/estimation/
 * comparison.ts for the method). The previous comparable round is the latest round before this
 * one (it starts earlier), closed or published, whose provinces — counted as the provinces in force
 * at the end of this round — share at least one with this round's. Its units are counted as the
 * units that replaced them (locality mappings, as the trend does), only the items both
 * questionnaire versions ask alike are compared, and the differences between the versions are listed.
 */
import { compareRounds, type RoundComparison } from '../../../analysis/estimation/comparison.ts';
import { compareVersions, restrictToItems } from '../../../analysis/questionnaire/version-comparison.ts';
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { Database } from '../../../db/client.ts';
import { listLocalityMappings } from '../../../db/queries/locality-mappings.ts';
import { listRounds, type RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { successorsAsOf } from '../localities/locality-successors.ts';
import { questionnaireOfRound, respondentTypesOfRound, roundResults, roundResultsWithSources, type ResultsOptions } from './results.ts';

export type ComparisonResult = RoundComparison & { previousName: string };

const COMPARABLE = new Set(['closed', 'published']);

/** Whether `previous` may be compared with `round`; `publishedOnly` for the public page. */
async function comparable(db: Database, round: RoundRow, previous: RoundRow, respondentType: RespondentType, publishedOnly: boolean): Promise<boolean> {
  if (previous.code === round.code || previous.periodStart >= round.periodStart) return false;
  if (publishedOnly ? previous.status !== 'published' : !COMPARABLE.has(previous.status)) return false;
  const successor = successorsAsOf(await listLocalityMappings(db), round.periodEnd);
  const now = new Set(round.provinceCodes.map((p) => successor(p) ?? p));
  if (!previous.provinceCodes.some((p) => now.has(successor(p) ?? p))) return false;
  return (await respondentTypesOfRound(db, previous)).includes(respondentType);
}

/** The latest comparable round before `round`, or undefined. */
export async function previousComparableRound(
  db: Database,
  round: RoundRow,
  respondentType: RespondentType,
  publishedOnly = false,
): Promise<RoundRow | undefined> {
  const candidates = (await listRounds(db)).filter((r) => r.periodStart < round.periodStart).sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));
  for (const candidate of candidates) if (await comparable(db, round, candidate, respondentType, publishedOnly)) return candidate;
  return undefined;
}

/** A named round as the previous one: refused (409) when it is not comparable. */
export async function checkedPrevious(db: Database, round: RoundRow, previous: RoundRow, respondentType: RespondentType, publishedOnly = false) {
  if (!(await comparable(db, round, previous, respondentType, publishedOnly))) throw problems.notComparable({ code: round.code, previous: previous.code });
  return previous;
}

/** Every figure of `round` against `previous`, units as those in force at the end of `round`. */
export async function roundComparison(
  db: Database,
  round: RoundRow,
  previous: RoundRow,
  options: Omit<ResultsOptions, 'unitOf' | 'definition'>,
): Promise<ComparisonResult> {
  const respondentType = options.respondentType ?? 'citizen';
  const [def, previousDef] = await Promise.all([questionnaireOfRound(db, round, respondentType), questionnaireOfRound(db, previous, respondentType)]);
  const versions = compareVersions(def, previousDef);
  const common = new Set(versions.commonItems);
  const unitOf = successorsAsOf(await listLocalityMappings(db), round.periodEnd);
  const now = await roundResults(db, round, { ...options, definition: versions.identical ? undefined : restrictToItems(def, common) });
  const before = await roundResultsWithSources(db, previous, {
    ...options,
    unitOf,
    definition: versions.identical ? undefined : restrictToItems(previousDef, common),
  });
  const comparison = compareRounds(now, before.result, {
    current: round.code,
    previous: previous.code,
    versions,
    previousUnits: (level, code) => [...(before.sources.get(`${level}\u0000${code}`) ?? [code])].sort(),
  });
  return { ...comparison, previousName: previous.name };
}
