/** How a round is shown: in staff screens' lists, and with its publication in results. */
import type { RoundSummaryView, RoundView } from '../../../contract/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { listRounds, type RoundRow } from '../../../db/queries/rounds.ts';

export function roundSummary(r: RoundRow): RoundSummaryView {
  return {
    code: r.code,
    name: r.name,
    provinceCode: r.provinceCode,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    questionnaireVersion: r.questionnaireVersion,
    status: r.status,
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
