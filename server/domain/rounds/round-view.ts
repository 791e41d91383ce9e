/** How a round is shown: in staff screens' lists, and with its publication in results. */
import type { RoundSummaryView, RoundView } from '../../../contract/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { listRounds, type RoundRow } from '../../../db/queries/rounds.ts';

export function roundSummary(r: RoundRow): RoundSummaryView {
  return {
    code: r.code,
    name: r.name,
    year: r.year,
    provinceCodes: r.provinceCodes,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    questionnaires: r.questionnaires,
    target: r.target,
    status: r.status,
    keyingClosed: r.keyingClosedAt !== null,
  };
}

export function roundView(r: RoundRow): RoundView {
  return { ...roundSummary(r), demo: r.demo, publishedAt: r.publishedAt?.toISOString() ?? null };
}

/** Every round, oldest first. */
export async function roundSummaries(db: Database): Promise<RoundSummaryView[]> {
  return (await listRounds(db)).map(roundSummary);
}

/** Rounds with results to read: every round but drafts, oldest first. */
export async function roundsWithResults(db: Database): Promise<RoundView[]> {
  return (await listRounds(db)).filter((r) => r.status !== 'draft').map(roundView);
}
