import { useState } from 'preact/hooks';
import type { LocalityChoice } from '../boot/survey-link.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { ChosenLocality } from '../model/draft.ts';
import { ScreenHeading } from './ScreenHeading.tsx';
import { ScreenNavigation } from './ScreenNavigation.tsx';

const collator = new Intl.Collator('vi');
const byName = (a: LocalityChoice, b: LocalityChoice) => collator.compare(a.name, b.name);

/**
 * Through the online link the survey has no office to tell where the respondent lives: they
 * choose their district (required) and, where the list has them, their commune.
 */
export function LocalityScreen({
  province,
  localities,
  chosen,
  focusHeading,
  onChoose,
}: {
  province: string;
  localities: LocalityChoice[];
  chosen?: ChosenLocality;
  focusHeading: boolean;
  onChoose: (locality: ChosenLocality) => void;
}) {
  const t = useMessages();
  const [district, setDistrict] = useState(chosen?.district ?? '');
  const [commune, setCommune] = useState(chosen?.commune ?? '');
  const [missing, setMissing] = useState(false);
  const districts = localities.filter((l) => l.level === 'district' && l.parentCode === province).sort(byName);
  const communes = localities.filter((l) => l.level === 'commune' && l.parentCode === district).sort(byName);
  return (
    <form
      class="screen locality"
      data-screen="locality"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!district) {
          setMissing(true);
          document.querySelector<HTMLSelectElement>('#locality-district')?.focus();
          return;
        }
        onChoose({ province, district, ...(commune ? { commune } : {}) });
      }}
    >
      <ScreenHeading focus={focusHeading}>{t.localityTitle}</ScreenHeading>
      <p class="description">{t.localityIntro}</p>
      {missing && (
        <p class="error-summary" role="alert">
          {t.localityMissing}
        </p>
      )}
      <label class="text-label" for="locality-district">
        {t.localityDistrict} <span class="required">{t.required}</span>
      </label>
      <select
        id="locality-district"
        name="district"
        class="locality-select"
        aria-invalid={missing || undefined}
        value={district}
        onChange={(event) => {
          setDistrict(event.currentTarget.value);
          setCommune('');
          setMissing(false);
        }}
      >
        <option value="">{t.localityChoose}</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      {communes.length > 0 && (
        <>
          <label class="text-label" for="locality-commune">
            {t.localityCommune}
          </label>
          <select id="locality-commune" name="commune" class="locality-select" value={commune} onChange={(event) => setCommune(event.currentTarget.value)}>
            <option value="">{t.localityCommuneUnknown}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      )}
      <ScreenNavigation nextLabel={t.next} />
    </form>
  );
}
