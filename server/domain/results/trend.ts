/**
 * Indices across rounds, comparable across the 2025 reorganisation: every round is estimated with
 * its units relabelled as the units in force at the end of the latest round compared (domain
 * estimation over the merged unit, not an average of old units' figures).
 */
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { Database } from '../../../db/client.ts';
import { listLocalityMappings } from '../../../db/queries/locality-mappings.ts';
import { listRounds, type RoundRow } from '../../../db/queries/rounds.ts';
import { Problem } from '../../errors.ts';
import { successorsAsOf } from '../localities/locality-successors.ts';
import { respondentTypesOfRound, roundResults } from './results.ts';
import type { ResultLevel } from './survey-design.ts';

export interface TrendRound {
  code: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  questionnaire: string;
  weights: AnalysisResult['method']['weights'] | null;
  groups: Array<Pick<AnalysisResult['groups'][number], 'level' | 'code' | 'name' | 'indices'>>;
  /** Why the round has no figures (e.g. an incomplete frame), in Vietnamese and English. */
  problem: { vi: string; en: string } | null;
}

/** Rounds without responses of the respondent type (and whose own version asks others) are left out: they have no figures of that type. */
export async function trendAcrossRounds(
  db: Database,
  levels: ResultLevel[],
  respondentType: RespondentType = 'citizen',
  only?: string[],
): Promise<{ asOf: string; respondentType: RespondentType; rounds: TrendRound[] }> {
  const listed = (await listRounds(db)).filter((r) => r.status !== 'draft' && (!only || only.includes(r.code)));
  const rounds: RoundRow[] = [];
  for (const round of listed) if ((await respondentTypesOfRound(db, round)).includes(respondentType)) rounds.push(round);
  const asOf = rounds.reduce((latest, r) => (r.periodEnd > latest ? r.periodEnd : latest), '0000-00-00');
  const unitOf = successorsAsOf(await listLocalityMappings(db), asOf);
  const out: TrendRound[] = [];
  for (const round of rounds) out.push(await trendRound(db, round, levels, unitOf, respondentType));
  return { asOf, respondentType, rounds: out };
}

async function trendRound(
  db: Database,
  round: RoundRow,
  levels: ResultLevel[],
  unitOf: (code: string) => string | null,
  respondentType: RespondentType,
): Promise<TrendRound> {
  const base = {
    code: round.code,
    name: round.name,
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    questionnaire: round.questionnaires[respondentType] ?? '',
  };
  try {
    const result = await roundResults(db, round, { levels, unitOf, respondentType });
    return {
      ...base,
      weights: result.method.weights,
      groups: result.groups.map(({ level, code, name, indices }) => ({ level, code, name, indices })),
      questionnaire: result.questionnaire,
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return { ...base, weights: null, groups: [], problem: error.worded };
  }
}
