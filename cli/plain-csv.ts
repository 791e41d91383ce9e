/**
 * The fast way through a large CSV file that is *plain*: no quote character anywhere, and lines that
 * end all in LF or all in CRLF. In such a file a field can hold neither a comma nor a line break, so
 * the rows are the lines and the fields lie between commas; csv-parse (bom, skip_empty_lines,
 * relax_column_count) reads exactly that, line numbers included (tests/unit/cli/plain-csv.test.ts
 * holds the two side by side on generated files). Rows are handed over as lines of the text, which
 * the microdata reader splits as it codes them (MicrodataReader.addLine), so a file of 200,000 rows ×
 * 45 columns is read without making nine million strings.
 *
 * Whatever is not plain, or has a row with another number of fields than the header, is not read
 * here at all: the caller reads it with csv-parse, and its messages (the line and column of an
 * unclosed quote, …) are csv-parse's as before.
 */

const QUOTE = '"';
const CR = 0x0d;

function occurrences(text: string, what: string): number {
  let count = 0;
  for (let at = text.indexOf(what); at !== -1; at = text.indexOf(what, at + what.length)) count++;
  return count;
}

/** Whether csv-parse would read the text as lines split on commas (no quotes; line ends all LF or all CRLF). */
export function isPlainCsv(text: string): boolean {
  if (text.includes(QUOTE)) return false;
  const crs = occurrences(text, '\r');
  return crs === 0 || (crs === occurrences(text, '\r\n') && crs === occurrences(text, '\n'));
}

/**
 * A row's line of a plain text, `text[start, end)` without its line end, read by the caller: false
 * when it does not have `fields` fields (the header's number), which stops the reading.
 */
export type LineRow = (text: string, start: number, end: number, line: number) => boolean;

/**
 * The lines of a plain text (isPlainCsv) with a header row: `header` gets the header's fields (it may
 * throw to refuse them), then `row` each following non-empty line with its line number (the header's
 * is 1 unless empty lines precede it; empty lines are skipped, as csv-parse's skip_empty_lines does).
 * Returns false — having stopped where it was — when `row` refuses a line, or when the text has no
 * header or no row under it: the caller then reads the file another way.
 */
export function readPlainLines(text: string, header: (fields: string[], line: number) => void, row: LineRow): boolean {
  const length = text.length;
  // A byte order mark before the header is not part of it (csv-parse's bom option).
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let headed = false;
  let rows = 0;
  while (at < length) {
    line++;
    let next = text.indexOf('\n', at);
    if (next === -1) next = length;
    const end = next > at && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    if (end === at) {
      at = next + 1;
      continue;
    }
    if (!headed) {
      header(text.slice(at, end).split(','), line);
      headed = true;
    } else {
      if (!row(text, at, end, line)) return false;
      rows++;
    }
    at = next + 1;
  }
  return rows > 0;
}
