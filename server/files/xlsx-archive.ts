/**
 * The parts of an uploaded XLSX that are read, unzipped within limits. An XLSX is a ZIP archive,
 * and a ZIP of a few kilobytes can inflate to gigabytes; so the archive is read by yauzl, which
 * works from the central directory and checks, while inflating, that no entry yields more bytes
 * than it declares. The declared sizes of the parts needed are added up and refused past the limit
 * before anything is inflated; inflating then counts the bytes as they come and stops at the limit.
 * Other entries (pictures, printer settings, …) are never inflated.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { Problem } from '../errors.ts';
import { malformed, rowProblem, tooLarge, limitText } from './file-problems.ts';
import type { TableLimits } from './table-limits.ts';

/** The parts exceljs needs to read the cells of the sheets (names as Excel writes them). */
export const NEEDED_PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;
const MAX_ENTRIES = 2_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function notXlsx(limits: TableLimits, why: string): Error {
  return malformed(limits, [
    rowProblem(
      0,
      '',
      '',
      `không phải tệp XLSX hợp lệ (${why}); hãy lưu lại từ Excel dạng "Sổ làm việc Excel (*.xlsx)" hoặc dùng CSV UTF-8`,
      `not a valid XLSX file (${why}); save it again from Excel as "Excel Workbook (*.xlsx)" or use UTF-8 CSV`,
    ),
  ]);
}

type Entries = ZipFile & { eachEntry(): AsyncIterableIterator<Entry> };

export async function xlsxParts(bytes: Buffer, limits: TableLimits): Promise<Map<string, Buffer>> {
  let zip: Entries;
  try {
    zip = (await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true })) as Entries;
  } catch (error) {
    throw notXlsx(limits, (error as Error).message);
  }
  const tooBig = () =>
    tooLarge(limits, `nội dung giải nén vượt ${mb(limits.uncompressedBytes)}`, `its content unzips to more than ${mb(limits.uncompressedBytes)}`);
  const wanted: Entry[] = [];
  let declared = 0;
  let entries = 0;
  try {
    if (zip.entryCount > MAX_ENTRIES)
      throw tooLarge(limits, `có hơn ${limitText.count(MAX_ENTRIES)} mục trong tệp nén`, `more than ${limitText.countEn(MAX_ENTRIES)} entries in the archive`);
    for await (const entry of zip.eachEntry()) {
      if (++entries > MAX_ENTRIES)
        throw tooLarge(
          limits,
          `có hơn ${limitText.count(MAX_ENTRIES)} mục trong tệp nén`,
          `more than ${limitText.countEn(MAX_ENTRIES)} entries in the archive`,
        );
      if (!NEEDED_PART.test(entry.fileName)) continue;
      declared += entry.uncompressedSize;
      if (declared > limits.uncompressedBytes) throw tooBig();
      wanted.push(entry);
    }
    const parts = new Map<string, Buffer>();
    let inflated = 0;
    for (const entry of wanted) {
      if (entry.isEncrypted()) throw notXlsx(limits, 'tệp được đặt mật khẩu / password-protected');
      const stream = await zip.openReadStreamPromise(entry);
      const pieces: Buffer[] = [];
      for await (const piece of stream as AsyncIterable<Buffer>) {
        inflated += piece.length;
        // yauzl already stops an entry at its declared size; this is the total, counted as it comes.
        if (inflated > limits.uncompressedBytes) {
          stream.destroy();
          throw tooBig();
        }
        pieces.push(piece);
      }
      parts.set(entry.fileName, Buffer.concat(pieces));
    }
    return parts;
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw notXlsx(limits, (error as Error).message);
  } finally {
    zip.close();
  }
}
