import { formatValue } from '../keying/format.ts';
import { printedNumber, questionLabel } from '../keying/printed-number.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { Choice, ReconcileRow } from '../reconcile/decisions.ts';
import { ValuePicker } from './ValuePicker.tsx';

/** One question: both keyers' values and, where they differ, the reconciler's decision. */
export function ReconcileFieldRow({
  row,
  choice,
  onChoose,
}: {
  row: ReconcileRow;
  choice: Choice | undefined;
  onChoose: (choice: Choice | undefined) => void;
}) {
  const t = useMessages();
  const { field } = row;
  const name = `decide-${field.code}`;
  const value = (v: ReconcileRow['first']) => formatValue(field, v, t.blank);
  return (
    <tr data-field={field.code} class={row.differs ? 'differs' : undefined}>
      <th scope="row">
        <span class="code">{printedNumber(field)}</span> {field.question.text}
        {row.differs && <span class="tag">{t.differs}</span>}
      </th>
      <td class="value" data-keyer="1">
        {value(row.first)}
      </td>
      <td class="value" data-keyer="2">
        {value(row.second)}
      </td>
      <td>
        {!row.applicable ? (
          <em>{t.notApplicable}</em>
        ) : !row.differs ? (
          value(row.decided)
        ) : (
          <fieldset class="decision">
            <legend class="visually-hidden">
              {t.decision}: {questionLabel(field)}
            </legend>
            <label>
              <input type="radio" name={name} value="first" checked={choice?.pick === 'first'} onChange={() => onChoose({ pick: 'first' })} /> {t.takeFirst}
            </label>
            <label>
              <input type="radio" name={name} value="second" checked={choice?.pick === 'second'} onChange={() => onChoose({ pick: 'second' })} /> {t.takeSecond}
            </label>
            <label>
              <input type="radio" name={name} value="other" checked={choice?.pick === 'other'} onChange={() => onChoose({ pick: 'other', value: null })} />{' '}
              {t.otherValue}
            </label>
            {choice?.pick === 'other' && <ValuePicker field={field} value={choice.value} onChange={(v) => onChoose({ pick: 'other', value: v })} />}
          </fieldset>
        )}
      </td>
    </tr>
  );
}
