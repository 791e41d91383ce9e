import type { Estimate } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { parPoints } from '../model/localities.ts';
import { shownInterval } from '../model/reliability.ts';

/** What the province's SIPAS is worth in criterion 8.1 of the PAR INDEX (10 of 100 points). */
export function ParPoints({ sipas, formats }: { sipas: Estimate | undefined; formats: NumberFormats }) {
  const t = useMessages();
  if (!sipas || sipas.estimate === null) return null;
  const ci = shownInterval(sipas);
  return (
    <section class="panel par" aria-labelledby="par-title">
      <h2 id="par-title">{t.parTitle}</h2>
      <p class="par-points">
        <strong>{t.parOf(formats.points(parPoints(sipas.estimate)))}</strong>{' '}
        {ci && t.parRange(formats.points(parPoints(ci.low)), formats.points(parPoints(ci.high)))}
      </p>
      <p class="hint">{t.parExplain}</p>
    </section>
  );
}
