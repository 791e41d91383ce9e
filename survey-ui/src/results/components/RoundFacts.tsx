import type { ResultRound } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';

/** When the round ran, where it stands, and how its responses are weighted. */
export function RoundFacts({ round, weights, formats }: { round: ResultRound; weights: string | undefined; formats: NumberFormats }) {
  const t = useMessages();
  const period = `${formats.date(round.periodStart)} – ${formats.date(round.periodEnd)}`;
  return <p class="round-facts">{t.roundFacts(period, t.roundStatus[round.status] ?? round.status, weights ? t.weights[weights] ?? weights : '…')}</p>;
}
