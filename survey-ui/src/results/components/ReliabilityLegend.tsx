import { useMessages } from '../messages/catalogue.ts';
import { RELIABILITY_PROBLEMS } from '../model/reliability.ts';
import { reasonText, type RuleShown } from '../model/reliability-words.ts';

/** What the marks mean (printed with the table, since a tooltip does not print): one legend for every table and chart. */
export function ReliabilityLegend({ rule }: { rule: RuleShown }) {
  const t = useMessages();
  return (
    <dl class="legend">
      <dt>{t.legendTitle}</dt>
      <dd>{t.legendUnreliable}</dd>
      {RELIABILITY_PROBLEMS.map((p) => (
        <dd key={p}>
          <b>{t.reliabilityMarks[p]}</b> {reasonText(t, p, rule)}
        </dd>
      ))}
      <dd>
        <b>*</b> {t.missingComponents('…')}
      </dd>
    </dl>
  );
}
