/**
 * Files a hostile or careless uploader sends: archives that inflate to far more than they weigh,
 * archives that lie about their sizes, CSV with a million rows, one giant cell, the wrong
 * delimiter or encoding, NUL bytes. Used by the integration tests, the fuzzer and check:uploads.
 */
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

async function zipped(entries: Array<[string, Buffer | (() => Readable)]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (Buffer.isBuffer(content)) zip.addBuffer(content, name);
    else zip.addReadStream(content(), name);
  }
  zip.end();
  const pieces: Buffer[] = [];
  for await (const piece of zip.outputStream as unknown as AsyncIterable<Buffer>) pieces.push(piece);
  return Buffer.concat(pieces);
}

/** A workbook whose one sheet holds these rows (inline strings: no shared-strings part). */
export function xlsxOf(rows: string[][]): Promise<Buffer> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const column = (k: number): string => (k < 26 ? String.fromCharCode(65 + k) : column(Math.floor(k / 26) - 1) + column(k % 26));
  const sheet =
    SHEET_HEAD +
    rows
      .map(
        (cells, r) => `<row r="${r + 1}">${cells.map((c, k) => `<c r="${column(k)}${r + 1}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`,
      )
      .join('') +
    SHEET_TAIL;
  return zipped([
    ['xl/_rels/workbook.xml.rels', Buffer.from(RELS)],
    ['xl/workbook.xml', Buffer.from(WORKBOOK)],
    ['xl/worksheets/sheet1.xml', Buffer.from(sheet)],
  ]);
}

/**
 * A well-formed XLSX whose sheet inflates to `inflatedBytes` (spaces inside the sheet element,
 * which deflate about a thousand to one): a few hundred kilobytes that unzip to gigabytes.
 */
export function xlsxBomb(inflatedBytes: number): Promise<Buffer> {
  const sheet = () => {
    const out = new PassThrough();
    const block = Buffer.alloc(1024 * 1024, 0x20);
    (async () => {
      out.write(SHEET_HEAD);
      for (let left = inflatedBytes; left > 0; left -= block.length) {
        if (!out.write(left >= block.length ? block : block.subarray(0, left))) await new Promise((r) => out.once('drain', r));
      }
      out.end(SHEET_TAIL);
    })();
    return out;
  };
  return zipped([
    ['xl/_rels/workbook.xml.rels', Buffer.from(RELS)],
    ['xl/workbook.xml', Buffer.from(WORKBOOK)],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

/** The same bomb, but its headers claim the sheet is 1 KB: only counting while inflating catches it. */
export async function lyingXlsxBomb(inflatedBytes: number): Promise<Buffer> {
  const bytes = await xlsxBomb(inflatedBytes);
  const claim = 1024;
  // Every local header (PK\3\4: size at +22) and central-directory record (PK\1\2: size at +24) of the sheet.
  for (let at = 0; at < bytes.length - 46; at++) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b) continue;
    const name = (offset: number, lengthAt: number) => bytes.subarray(at + offset, at + offset + bytes.readUInt16LE(at + lengthAt)).toString();
    if (bytes[at + 2] === 3 && bytes[at + 3] === 4 && name(30, 26).endsWith('sheet1.xml')) bytes.writeUInt32LE(claim, at + 22);
    if (bytes[at + 2] === 1 && bytes[at + 3] === 2 && name(46, 28).endsWith('sheet1.xml')) bytes.writeUInt32LE(claim, at + 24);
  }
  return bytes;
}

/** `rows` short data rows under a header: a million of them weigh a few megabytes. */
export function manyRowsCsv(header: string[], rows: number, row: (i: number) => string): Buffer {
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push(row(i));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** One cell of `length` characters. */
export function giantCellCsv(header: string[], length: number): Buffer {
  return Buffer.from(`${header.join(',')}\n${'x'.repeat(length)}${',1'.repeat(header.length - 1)}\n`);
}
