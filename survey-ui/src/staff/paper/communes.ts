/**
 * The communes a round's paper forms may be filled in: those of the round's provinces, directly
 * under a province (two-tier government) or under its districts. Takes the provinces as a list,
 * as rounds may cover several.
 */
import type { ApiClient } from '../api/client.ts';
import type { Locality } from '../api/types.ts';

export interface Commune {
  code: string;
  name: string;
  /** The unit it lies in: its district, or its province where there are no districts. */
  parentCode: string;
}

const collator = new Intl.Collator('vi');
const children = (api: ApiClient, code: string) => api.get<Locality[]>(`/localities?parent=${encodeURIComponent(code)}`);

export async function communesOfProvinces(api: ApiClient, provinceCodes: string[]): Promise<Commune[]> {
  const found: Commune[] = [];
  for (const province of provinceCodes) {
    for (const unit of await children(api, province)) {
      if (unit.level === 'commune') found.push({ code: unit.code, name: unit.name, parentCode: province });
      else if (unit.level === 'district') {
        for (const c of await children(api, unit.code)) if (c.level === 'commune') found.push({ code: c.code, name: c.name, parentCode: unit.code });
      }
    }
  }
  return found.sort((a, b) => collator.compare(a.name, b.name));
}
