/**
 * A results request with what the published SIPAS report needs beside the figures: rankings with
 * intervals of plausible ranks (`rank`), and the comparison with the previous comparable round
 * (`compare=previous` or a round's code), each ranking's units carrying their rank change.
 */
import type { LonelyPsu } from '../../../analysis/estimation/design.ts';
import type { RankCoverage } from '../../../analysis/estimation/ranking.ts';
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { ResultLevel } from '../../../contract/results.ts';
import type { Database } from '../../../db/client.ts';
import { findRoundByCode, type RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { checkedPrevious, previousComparableRound, roundComparison, type ComparisonResult } from './round-comparison.ts';
import { roundResults, type ResultsOptions, type RoundResult } from './results.ts';

export interface FigureRequest {
  by: ResultLevel[];
  respondentType: RespondentType;
  lonelyPsu?: LonelyPsu;
  rank: boolean;
  rankCoverage: RankCoverage;
  compare?: string;
  reliability?: ResultsOptions['reliability'];
}

export type FiguresResult = RoundResult & { comparison?: ComparisonResult | null };

/** `publishedOnly`: the public page compares with published rounds only. */
export async function roundFigures(db: Database, round: RoundRow, request: FigureRequest, publishedOnly = false): Promise<FiguresResult> {
  const options: ResultsOptions = {
    levels: request.by,
    respondentType: request.respondentType,
    reliability: request.reliability,
    lonelyPsu: request.lonelyPsu,
    rank: request.rank ? { coverage: request.rankCoverage } : undefined,
  };
  const result: FiguresResult = await roundResults(db, round, options);
  if (request.compare === undefined) return result;
  let previous: RoundRow | undefined;
  if (request.compare === 'previous') previous = await previousComparableRound(db, round, request.respondentType, publishedOnly);
  else {
    const named = await findRoundByCode(db, request.compare);
    if (!named || (publishedOnly && named.status !== 'published')) throw problems.notFound('round', { code: request.compare });
    previous = await checkedPrevious(db, round, named, request.respondentType, publishedOnly);
  }
  if (!previous) return { ...result, comparison: null };
  const comparison = await roundComparison(db, round, previous, options);
  if (result.rankings && comparison.versions.identical) {
    // Rank changes belong to the rankings shown (the same items in both rounds).
    const key = (c: { level: string; index: string; within: string | null; code: string }) =>
      `${c.level}\u0000${c.index}\u0000${c.within ?? ''}\u0000${c.code}`;
    const changes = new Map(comparison.rank_changes.map((c) => [key(c), c]));
    result.rankings = result.rankings.map((r) => ({
      ...r,
      units: r.units.map((u) => {
        const change = changes.get(key({ ...r, code: u.code }));
        return { ...u, previous_rank: change?.previous_rank ?? null, rank_change: change?.rank_change ?? null };
      }),
    }));
  }
  return { ...result, comparison };
}
