/**
 * Numbers in exchanged files, read strictly: plain decimal notation with a point, an optional
 * exponent, nothing else. JavaScript's Number() would take "0x1A" (26), "1e400" (Infinity), " 12 ",
 * "" (0) and "Infinity"; a spreadsheet's "1.234" may be a thousand and two hundred and thirty-four
 * written with a Vietnamese thousands separator, or one point two three four. No separator is
 * guessed: "1,234" and "1 234" are refused, and counts (populations) are digits only, so "1.234" or
 * "20.000" as a population is refused rather than read as 1.234 or 20 people.
 */
const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

export type NumberKind = 'positive' | 'count';

/** The number, or a reason (Vietnamese / English) why the text is not one of the kind asked for. */
export function strictNumber(text: string, kind: NumberKind = 'positive'): { value: number } | { reason: string } {
  const t = text.trim();
  if (t === '') return { reason: 'trống / empty' };
  if (!DECIMAL.test(t)) {
    const hint = /^\d{1,3}([.,\s]\d{3})+$/.test(t)
      ? ' (không dùng dấu phân cách hàng nghìn / write it without thousands separators)'
      : /,/.test(t)
        ? ' (dấu thập phân là dấu chấm / the decimal mark is a point)'
        : '';
    return { reason: `không phải số thập phân / not a decimal number${hint}` };
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return { reason: 'số quá lớn / number out of range' };
  if (!(value > 0)) return { reason: 'phải là số dương / must be a positive number' };
  // A count is written as digits only: "20.000" is twenty thousand with a separator, or twenty — not guessed.
  if (kind === 'count' && !/^\+?\d+$/.test(t)) {
    return {
      reason: `phải là số nguyên viết bằng chữ số (một số đếm) / must be a whole number in digits (a count)${/^\d{1,3}(\.\d{3})+$/.test(t) ? ', without thousands separators' : ''}`,
    };
  }
  return { value };
}
