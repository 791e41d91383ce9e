import { useState } from 'preact/hooks';
import type { FreeAnswers } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { FreeTextFilterValues } from './filters.ts';

export interface PlaceOption {
  code: string;
  name: string;
}

interface Props {
  filters: FreeTextFilterValues;
  onChange(filters: FreeTextFilterValues): void;
  items: FreeAnswers['items'];
  categories: FreeAnswers['categories'];
  localities: PlaceOption[];
  offices: PlaceOption[];
  organisations: boolean;
}

/** The filters of the free answers: each choice applies at once; the words when searched (Enter). */
export function FreeTextFilterBar({ filters, onChange, items, categories, localities, offices, organisations }: Props) {
  const t = useMessages();
  const [words, setWords] = useState(filters.q);
  const set = (key: keyof FreeTextFilterValues) => (e: Event) => onChange({ ...filters, [key]: (e.currentTarget as HTMLSelectElement).value });
  return (
    <form
      class="free-text-filters"
      aria-label={t.ftFilters}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, q: words });
      }}
    >
      {organisations && (
        <label>
          <span>{t.ftRespondents}</span>
          <select name="respondentType" value={filters.respondentType} onChange={set('respondentType')}>
            <option value="citizen">{t.respondentTypes.citizen}</option>
            <option value="organisation">{t.respondentTypes.organisation}</option>
          </select>
        </label>
      )}
      <label>
        <span>{t.ftLocality}</span>
        <select name="locality" value={filters.locality} onChange={set('locality')}>
          <option value="">{t.ftAllLocalities}</option>
          {localities.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.ftOffice}</span>
        <select name="office" value={filters.office} onChange={set('office')}>
          <option value="">{t.ftAllOffices}</option>
          {offices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name} ({o.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.ftItem}</span>
        <select name="item" value={filters.item} onChange={set('item')}>
          <option value="">{t.ftAllItems}</option>
          {items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.vi}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.ftCategory}</span>
        <select name="category" value={filters.category} onChange={set('category')}>
          <option value="">{t.ftAllCategories}</option>
          <option value="none">{t.ftUntagged}</option>
          {categories.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.ftSearch}</span>
        <input type="search" name="q" maxLength={200} value={words} onInput={(e) => setWords((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="button primary">
        {t.ftSearchButton}
      </button>
      <button
        type="button"
        class="button quiet"
        onClick={() => {
          setWords('');
          onChange({ respondentType: filters.respondentType, locality: '', office: '', item: '', category: '', q: '' });
        }}
      >
        {t.ftReset}
      </button>
    </form>
  );
}
