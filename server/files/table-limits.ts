/**
 * How big an uploaded table may be, per kind of upload. Every limit is enforced while the file is
 * read (server/files/read-table.ts), so a small file that inflates, or a body of a million short
 * lines, is refused before it costs memory: bytes as sent, bytes once unzipped (XLSX), rows,
 * columns, characters in one cell and in one column name.
 */
export interface TableLimits {
  /** What the upload may be called in messages (Vietnamese, English). */
  what: { vi: string; en: string };
  /** The file as sent (the request body limit for uploads). */
  bytes: number;
  /** XLSX: the parts that are read (workbook, shared strings, styles, sheets) once unzipped. */
  uncompressedBytes: number;
  /** Data rows, the header not counted. */
  rows: number;
  columns: number;
  cellLength: number;
  headerLength: number;
}

const MB = 1024 * 1024;

export const uploadLimits = {
  /**
   * Paper forms keyed elsewhere (a round's template: ~70 columns, free text up to 2,000
   * characters). A province's round is hundreds to a few thousand forms; a larger set comes in
   * several files. An import is one transaction, and on PGlite the database's one connection:
   * 5,000 rows keep it to seconds (npm run check:uploads times the largest).
   */
  responses: {
    what: { vi: 'tệp phiếu nhập', en: 'import file' },
    bytes: 20 * MB,
    uncompressedBytes: 32 * MB,
    rows: 5_000,
    columns: 200,
    cellLength: 4_000,
    headerLength: 64,
  },
  /** A round's frame: stratum,population. */
  frame: {
    what: { vi: 'tệp khung mẫu', en: 'frame file' },
    bytes: 2 * MB,
    uncompressedBytes: 16 * MB,
    rows: 5_000,
    columns: 20,
    cellLength: 200,
    headerLength: 64,
  },
  /** A province's offices: code, name, locality, level (a few hundred rows). */
  offices: {
    what: { vi: 'tệp danh sách điểm khảo sát', en: 'offices file' },
    bytes: 2 * MB,
    uncompressedBytes: 16 * MB,
    rows: 5_000,
    columns: 20,
    cellLength: 500,
    headerLength: 64,
  },
  /** A round's sample plan: kind,code,wanted (an office or a district/commune, and how many responses it should give). */
  samplePlan: {
    what: { vi: 'tệp kế hoạch mẫu', en: 'sample plan file' },
    bytes: 2 * MB,
    uncompressedBytes: 16 * MB,
    rows: 20_000,
    columns: 20,
    cellLength: 200,
    headerLength: 64,
  },
  /** Administrative units (villages included) and old → new mappings. */
  localities: {
    what: { vi: 'tệp đơn vị hành chính', en: 'units file' },
    bytes: 50 * MB,
    uncompressedBytes: 128 * MB,
    rows: 200_000,
    columns: 20,
    cellLength: 500,
    headerLength: 64,
  },
  /**
   * A questionnaire version (the template: a few hundred rows over seven sheets). The whole
   * workbook is read before anything is checked, so its rows per sheet are few.
   */
  questionnaire: {
    what: { vi: 'tệp phiếu khảo sát', en: 'questionnaire file' },
    bytes: 2 * MB,
    uncompressedBytes: 16 * MB,
    rows: 2_000,
    columns: 40,
    cellLength: 4_000,
    headerLength: 64,
  },
  /** Other tables the command line reads (a frame or margins for sipas analyze). */
  table: {
    what: { vi: 'tệp', en: 'file' },
    bytes: 50 * MB,
    uncompressedBytes: 128 * MB,
    rows: 200_000,
    columns: 200,
    cellLength: 4_000,
    headerLength: 64,
  },
} satisfies Record<string, TableLimits>;
