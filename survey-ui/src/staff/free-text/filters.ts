/** The free-text screen's filters, and the query string the API takes for them. */
export interface FreeTextFilterValues {
  respondentType: 'citizen' | 'organisation';
  locality: string;
  office: string;
  item: string;
  /** A category id, `none`, or '' for all. */
  category: string;
  q: string;
}

export const noFilters: FreeTextFilterValues = { respondentType: 'citizen', locality: '', office: '', item: '', category: '', q: '' };

/** `?locality=660&q=…`: only the filters set, each escaped. */
export function filterQuery(filters: FreeTextFilterValues, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    const text = String(value).trim();
    if (text !== '' && !(key === 'respondentType' && text === 'citizen')) params.set(key, text);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
