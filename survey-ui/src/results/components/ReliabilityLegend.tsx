import { useMessages } from '../messages/catalogue.ts';

/** What the marks in a table mean (printed with it, since a tooltip does not print). */
export function ReliabilityLegend({ rule }: { rule: { minN: number; maxHalfWidth: number } }) {
  const t = useMessages();
  return (
    <dl class="legend">
      <dt>{t.legendTitle}</dt>
      <dd>{t.legendUnreliable}</dd>
      <dd>
        <b>{t.reliabilityMarks.fewRespondents}</b> {t.reliability.fewRespondents(rule.minN)}
      </dd>
      <dd>
        <b>{t.reliabilityMarks.wideInterval}</b> {t.reliability.wideInterval(rule.maxHalfWidth)}
      </dd>
      <dd>
        <b>{t.reliabilityMarks.noData}</b> {t.reliability.noData}
      </dd>
    </dl>
  );
}
