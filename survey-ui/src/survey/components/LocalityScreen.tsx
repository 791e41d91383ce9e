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
 * choose their province (when the round covers several), the unit directly below it (a district,
 * or a commune where the province has no districts: required) and, where the list has them,
 * their commune.
 */
export function LocalityScreen({
  provinces: provinceCodes,
  localities,
  chosen,
  focusHeading,
  onChoose,
}: {
  provinces: string[];
  localities: LocalityChoice[];
  chosen?: ChosenLocality;
  focusHeading: boolean;
  onChoose: (locality: ChosenLocality) => void;
}) {
  const t = useMessages();
  const [province, setProvince] = useState(chosen?.province ?? (provinceCodes.length === 1 ? provinceCodes[0] : ''));
  const [district, setDistrict] = useState(chosen?.district ?? chosen?.commune ?? '');
  const [commune, setCommune] = useState(chosen?.district ? (chosen.commune ?? '') : '');
  const [missing, setMissing] = useState(false);
  const provinces = localities.filter((l) => l.level === 'province' && provinceCodes.includes(l.code)).sort(byName);
  const districts = localities.filter((l) => l.level !== 'province' && l.parentCode === province).sort(byName);
  const firstLevel = districts.find((d) => d.code === district);
  const communes = firstLevel?.level === 'district' ? localities.filter((l) => l.level === 'commune' && l.parentCode === district).sort(byName) : [];
  return (
    <form
      class="screen locality"
      data-screen="locality"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!province || !firstLevel) {
          setMissing(true);
          document.querySelector<HTMLSelectElement>(province ? '#locality-district' : '#locality-province')?.focus();
          return;
        }
        if (firstLevel.level === 'commune') onChoose({ province, commune: firstLevel.code });
        else onChoose({ province, district, ...(commune ? { commune } : {}) });
      }}
    >
      <ScreenHeading focus={focusHeading}>{t.localityTitle}</ScreenHeading>
      <p class="description">{t.localityIntro}</p>
      {missing && (
        <p class="error-summary" role="alert">
          {t.localityMissing}
        </p>
      )}
      {provinceCodes.length > 1 && (
        <>
          <label class="text-label" for="locality-province">
            {t.localityProvince} <span class="required">{t.required}</span>
          </label>
          <select
            id="locality-province"
            name="province"
            class="locality-select"
            aria-invalid={(missing && !province) || undefined}
            value={province}
            onChange={(event) => {
              setProvince(event.currentTarget.value);
              setDistrict('');
              setCommune('');
              setMissing(false);
            }}
          >
            <option value="">{t.localityChoose}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </>
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
