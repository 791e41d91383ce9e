/**
 * The results as files: CSV (the indices, as `sipas analyze --format csv`) and XLSX (a sheet that
 * says what the figures are — round, questionnaire, method, date — then indices, items, options).
 */
import type { RoundResult } from './results.ts';
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import { resultTables, type TableCell } from '../../../analysis/estimation/results-table.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { writeCsv, writeXlsx } from '../../files/tables.ts';
import type { ResultLevel } from './survey-design.ts';

const cellText = (cell: TableCell) => (typeof cell === 'boolean' ? String(cell) : cell);

export function resultsCsv(result: AnalysisResult): Buffer {
  const [indices] = resultTables(result);
  return writeCsv(
    indices.header,
    indices.rows.map((row) => row.map(cellText)),
  );
}

export interface ResultsFileContext {
  round: RoundRow;
  def: QuestionnaireDefinition;
  levels: ResultLevel[];
  generatedAt: Date;
}

/** The description sheet: what anyone opening the file needs to read the figures right. */
export function methodRows(
  result: AnalysisResult & { responses?: RoundResult['responses'] },
  { round, def, levels, generatedAt }: ResultsFileContext,
): string[][] {
  const weights =
    result.method.weights === 'frame'
      ? 'Trọng số thiết kế N_h / n_h theo khung mẫu của đợt / design weights N_h / n_h from the round’s frame'
      : 'Không trọng số: đợt chưa có khung mẫu, mọi trọng số bằng 1 / unweighted: the round has no frame, every weight is 1';
  return [
    ['Đợt khảo sát / round', `${round.code} — ${round.name}`],
    ['Thời gian / period', `${round.periodStart} – ${round.periodEnd}`],
    ['Trạng thái / status', round.status + (round.publishedAt ? ` (công bố / published ${round.publishedAt.toISOString().slice(0, 10)})` : '')],
    ['Phiếu khảo sát / questionnaire', `${def.version} — ${def.title.vi}`],
    [
      'Đối tượng / respondents',
      def.respondentType === 'organisation'
        ? 'Tổ chức, doanh nghiệp (không gộp với người dân) / organisations and businesses (never pooled with citizens)'
        : 'Người dân (không gộp với tổ chức, doanh nghiệp) / citizens (never pooled with organisations)',
    ],
    ['Cấp tổng hợp / levels', levels.join(', ')],
    [
      'Phiếu được tính / responses counted',
      'Phiếu hợp lệ (accepted); phiếu giấy chỉ khi đã nhập hai lần và đối chiếu / accepted responses; paper forms only once double-keyed and verified',
    ],
    ...(result.responses
      ? [
          ['Số phiếu được tính / responses counted (n)', String(result.responses.counted)],
          ['Phiếu bị gắn cờ, chờ xem xét, chưa tính / flagged, held out pending review', String(result.responses.heldForReview)],
          ['Phiếu bị loại sau xem xét / excluded after review', String(result.responses.excluded)],
        ]
      : []),
    [
      'Tầng / strata',
      'Địa bàn (huyện, hoặc tỉnh nếu không có cấp huyện) × kênh khảo sát, ví dụ 660-office / locality (district, or province without districts) × channel',
    ],
    [
      'Đơn vị mẫu bậc một / PSU',
      'Điểm khảo sát (bộ phận một cửa); xã hoặc huyện của phiếu giấy; mỗi phiếu trực tuyến là một đơn vị / the office; the paper form’s commune or district; each online response',
    ],
    ['Trọng số / weights', weights],
    ['Chỉ số thành phần / item index', '% trả lời 4 (Hài lòng) hoặc 5 (Rất hài lòng) trong số trả lời hợp lệ 1–5 / % answering 4 or 5 among valid answers'],
    [
      'Chỉ số tổng hợp / composites',
      'Yếu tố = trung bình các tiêu chí; chính sách, dịch vụ = trung bình các yếu tố; SIPAS = trọng số của phiếu (0,6 × chính sách + 0,4 × dịch vụ) / element = mean of items; parts = mean of elements; SIPAS = the version’s part weights',
    ],
    ['Ước lượng / estimator', result.method.estimator],
    ['Phương sai / variance', result.method.variance],
    ['Tầng một đơn vị / single-PSU strata', result.method.lonelyPsu],
    ['Khoảng tin cậy / intervals', `${result.method.confidence * 100} %: Wald và logit (phân vị chuẩn) / Wald and logit (normal quantile)`],
    [
      'Độ tin cậy / reliable',
      `n ≥ ${result.method.reliability.minN} và nửa khoảng tin cậy ≤ ${result.method.reliability.maxHalfWidth} điểm % / n ≥ ${result.method.reliability.minN} and half-width ≤ ${result.method.reliability.maxHalfWidth} points`,
    ],
    ['Ngày lập / generated', generatedAt.toISOString()],
  ];
}

export async function resultsXlsx(result: AnalysisResult & { responses?: RoundResult['responses'] }, context: ResultsFileContext): Promise<Buffer> {
  const tables = resultTables(result);
  return writeXlsx([
    { name: 'Thông tin', header: ['mục / item', 'giá trị / value'], rows: methodRows(result, context) },
    ...tables.map((t) => ({ name: t.name, header: t.header, rows: t.rows.map((row) => row.map(cellText)) })),
  ]);
}
