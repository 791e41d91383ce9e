import type { RespondentType } from '../../../../contract/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';

/** Citizens' or organisations' figures — never pooled; shown where the round has both. */
export function RespondentSwitch({
  types,
  value,
  onChange,
}: {
  types: RespondentType[] | undefined;
  value: RespondentType;
  onChange: (t: RespondentType) => void;
}) {
  const t = useMessages();
  if (!types || types.length < 2) return null;
  return (
    <fieldset class="respondent-switch no-print" data-testid="respondent-switch">
      <legend>{t.respondentSwitch}</legend>
      {types.map((type) => (
        <label key={type}>
          <input type="radio" name="respondentType" value={type} checked={type === value} onChange={() => onChange(type)} />
          {t.respondentTypes[type]}
        </label>
      ))}
    </fieldset>
  );
}
