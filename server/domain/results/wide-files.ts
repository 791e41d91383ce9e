/**
 * The results tables an analyst or a provincial leader opens directly: units × indicators, as the
 * published SIPAS report lays them out (wide-results.ts). XLSX: the description sheet, a sheet per
 * level (title, three header rows frozen, numbers formatted 0.00, unreliable figures greyed and
 * marked, footnotes), the indicators' legend and the microdata codebook. CSV: every level in one
 * table with one header line, UTF-8 with a BOM.
 */
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import { type ReportSheet, writeCsv, writeReportXlsx } from '../../files/tables.ts';
import { codebookRows } from './microdata.ts';
import { methodRows, type ResultsFileContext } from './result-files.ts';
import type { RoundResult } from './results.ts';
import { type Indicator, levelName, parPoints, RELIABILITY_MARKS, reportIndicators, type WideTable, wideTables } from './wide-results.ts';

const FIGURE_HEADINGS = ['Chỉ số (%)', 'KTC 95 %: cận dưới', 'KTC 95 %: cận trên', 'Độ tin cậy'];
const PERCENT = '0.00';

const kindNames: Record<Indicator['kind'], string> = {
  overall: 'chỉ số chung / overall index',
  part: 'chỉ số lĩnh vực / part index',
  element: 'chỉ số nội dung / element index',
  item: 'chỉ số tiêu chí / item index',
};

/** Legend lines printed under every table. */
function footnotes(result: AnalysisResult): string[] {
  const { minN, maxHalfWidth } = result.method.reliability;
  return [
    'Đơn vị: % người trả lời hài lòng hoặc rất hài lòng (4 hoặc 5) trong số trả lời hợp lệ; làm tròn 2 chữ số thập phân như báo cáo công bố.',
    `KTC 95 %: khoảng tin cậy 95 % (Wald, phương sai tuyến tính hóa Taylor theo tầng và đơn vị mẫu). Tin cậy khi n ≥ ${minN} và nửa khoảng ≤ ${maxHalfWidth} điểm %.`,
    ...RELIABILITY_MARKS.map((m) => `${m.mark} ${m.vi}.`),
  ];
}

const hasParPoints = (t: WideTable) => t.level === 'province';

function levelSheet(table: WideTable, result: AnalysisResult, context: ResultsFileContext, names: Set<string>): ReportSheet {
  const level = levelName(table.level);
  const par = hasParPoints(table);
  const idHeadings = ['STT', 'Mã', 'Đơn vị', 'Số phiếu', ...(par ? ['Điểm tiêu chí 8.1 PAR INDEX (/10)'] : [])];
  const ids = idHeadings.length;
  const top = [...idHeadings.map(() => null), ...table.indicators.flatMap((i) => [i.vi, null, null, null])];
  const second = [...idHeadings, ...table.indicators.flatMap(() => FIGURE_HEADINGS)];
  const numbers = second.map((_, c) => `(${c + 1})`);
  const rows = table.rows.map((row, r) => [
    r + 1,
    row.code,
    row.name,
    row.n,
    ...(par ? [parPoints(row.figures[0].value)] : []),
    ...row.figures.flatMap((f) => [f.value, f.low, f.high, f.mark]),
  ]);
  const muted = table.rows.map((row) => [...idHeadings.map(() => false), ...row.figures.flatMap((f) => [f.mark !== '', f.mark !== '', f.mark !== '', false])]);
  const formats = [
    undefined,
    undefined,
    undefined,
    '#,##0',
    ...(par ? [PERCENT] : []),
    ...table.indicators.flatMap(() => [PERCENT, PERCENT, PERCENT, undefined]),
  ];
  const widths = [5, 9, 30, 9, ...(par ? [11] : []), ...table.indicators.flatMap(() => [10, 10, 10, 8])];
  const { round, def } = context;
  return {
    name: sheetName(level.vi, names),
    title: [
      `Chỉ số hài lòng về sự phục vụ hành chính (${def.aggregation.overall.code}) theo ${level.vi.toLocaleLowerCase('vi')} — ${round.name}`,
      `Đợt ${round.code} (${round.periodStart} – ${round.periodEnd}); phiếu ${def.version}; ${respondents(context)}`,
    ],
    headers: [top, second, numbers],
    rows,
    formats,
    widths,
    muted,
    footnotes: footnotes(result),
    frozenColumns: Math.min(ids, 3),
  };
}

const respondents = ({ def }: ResultsFileContext) => (def.respondentType === 'organisation' ? 'tổ chức, doanh nghiệp' : 'người dân');

/** Excel's rules: at most 31 characters, none of []:*?/\, unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Bảng';
  let name = base;
  for (let k = 2; taken.has(name.toLocaleLowerCase('vi')); k++) name = `${base} ${k}`;
  taken.add(name.toLocaleLowerCase('vi'));
  return name;
}

function legendSheet(indicators: Indicator[], context: ResultsFileContext, names: Set<string>): ReportSheet {
  const rows = [
    ...indicators.map((i, k) => [k + 1, i.code, i.vi, i.en, kindNames[i.kind]]),
    ...RELIABILITY_MARKS.map((m) => [null, m.mark, m.vi, m.en, `dấu độ tin cậy / reliability mark: ${m.issues.join(', ')}`]),
  ];
  return {
    name: sheetName('Chú giải', names),
    title: [`Chú giải các chỉ số — phiếu ${context.def.version}`],
    headers: [['STT', 'Mã', 'Chỉ số', 'Indicator', 'Loại / kind']],
    rows,
    widths: [5, 10, 80, 60, 30],
    frozenColumns: 2,
  };
}

function codebookSheet(context: ResultsFileContext, names: Set<string>): ReportSheet {
  return {
    name: sheetName('Mã hóa dữ liệu vi mô', names),
    title: [`Mã hóa dữ liệu vi mô (microdata codebook) — phiếu ${context.def.version}`],
    headers: [['Cột / column', 'Mô tả', 'Description', 'Giá trị / values']],
    rows: codebookRows(context.def, false),
    widths: [16, 70, 50, 70],
    frozenColumns: 1,
  };
}

export async function wideResultsXlsx(result: AnalysisResult & { responses?: RoundResult['responses'] }, context: ResultsFileContext): Promise<Buffer> {
  const indicators = reportIndicators(context.def);
  const names = new Set<string>();
  const info: ReportSheet = {
    name: sheetName('Thông tin', names),
    headers: [['Mục / item', 'Giá trị / value']],
    rows: methodRows(result, context),
    widths: [45, 110],
  };
  const tables = wideTables(result.groups, context.levels, indicators);
  return writeReportXlsx(
    [info, ...tables.map((t) => levelSheet(t, result, context, names)), legendSheet(indicators, context, names), codebookSheet(context, names)],
    { title: `SIPAS ${context.round.code}` },
  );
}

/** Every level in one table: a column says the level; one header line (names, then interval bounds and marks). */
export function wideResultsCsv(result: AnalysisResult, context: Pick<ResultsFileContext, 'def' | 'levels'>): Buffer {
  const indicators = reportIndicators(context.def);
  const header = [
    'Cấp',
    'STT',
    'Mã',
    'Đơn vị',
    'Số phiếu',
    ...indicators.flatMap((i) => [`${i.short} (%)`, `${i.short}: KTC 95 % cận dưới`, `${i.short}: KTC 95 % cận trên`, `${i.short}: độ tin cậy`]),
  ];
  const rows = wideTables(result.groups, context.levels, indicators).flatMap((t) =>
    t.rows.map((row, r) => [levelName(t.level).vi, r + 1, row.code, row.name, row.n, ...row.figures.flatMap((f) => [f.value, f.low, f.high, f.mark])]),
  );
  return writeCsv(header, rows);
}
