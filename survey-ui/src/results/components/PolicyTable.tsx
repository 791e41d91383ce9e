import { useState } from 'preact/hooks';
import type { QuestionnaireLabels, ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { policyRows } from '../model/columns.ts';
import type { NumberFormats } from '../model/format.ts';
import { estimateOf } from '../model/localities.ts';
import { EstimateCell } from './EstimateCell.tsx';

/** Each policy of the questionnaire for one unit: satisfaction with it, and how many are very interested in it. */
export function PolicyTable({
  groups,
  labels,
  rule,
  formats,
}: {
  groups: ResultGroup[];
  labels: QuestionnaireLabels;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const [code, setCode] = useState('');
  const policies = policyRows(labels);
  const group = groups.find((g) => `${g.level}:${g.code}` === code) ?? groups[0];
  if (!group || policies.length === 0) return null;
  // The scale runs from no interest up; its last option is the strongest interest.
  const veryInterested = (question: string | undefined) => group.options.find((o) => o.question === question)?.shares.at(-1);
  return (
    <section class="policies" aria-labelledby="policy-title">
      <h2 id="policy-title">{t.policyTitle}</h2>
      <label class="no-print">
        <span>{t.policyFor}</span>
        <select name="policy-unit" value={`${group.level}:${group.code}`} onChange={(e) => setCode(e.currentTarget.value)}>
          {groups.map((g) => (
            <option key={`${g.level}:${g.code}`} value={`${g.level}:${g.code}`}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <table>
        <caption>{group.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t.policy}</th>
            <th scope="col" class="num">
              {t.policyIndex}
            </th>
            <th scope="col" class="num">
              {t.veryInterested}
            </th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.item}>
              <th scope="row">{p.label}</th>
              <EstimateCell estimate={estimateOf(group, p.item)} rule={rule} formats={formats} />
              <EstimateCell estimate={veryInterested(p.interestQuestion)} rule={rule} formats={formats} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
