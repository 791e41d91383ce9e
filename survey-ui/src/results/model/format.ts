/** Numbers as the reader writes them: one decimal for percentages, two for PAR INDEX points. */
export interface NumberFormats {
  percent(value: number | null): string;
  points(value: number | null): string;
  count(value: number): string;
  date(iso: string): string;
}

export function numberFormats(locale: string): NumberFormats {
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
  return {
    percent: (v) => (v === null ? '—' : one.format(v)),
    points: (v) => (v === null ? '—' : two.format(v)),
    count: (v) => whole.format(v),
    date: (iso) => day.format(new Date(iso)),
  };
}
