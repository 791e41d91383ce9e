import type { AnalysisResult, ResultRound } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';

/** When the round ran, where it stands, how its responses are weighted, and how many wait for review outside the figures. */
export function RoundFacts({
  round,
  weights,
  responses,
  formats,
}: {
  round: ResultRound;
  weights: string | undefined;
  responses?: AnalysisResult['responses'];
  formats: NumberFormats;
}) {
  const t = useMessages();
  const period = `${formats.date(round.periodStart)} – ${formats.date(round.periodEnd)}`;
  return (
    <p class="round-facts">
      {t.roundFacts(period, t.roundStatus[round.status] ?? round.status, weights ? (t.weights[weights] ?? weights) : '…')}
      {responses && <span class="review-counts"> · {t.responsesCounted(responses.counted, responses.heldForReview)}</span>}
    </p>
  );
}
