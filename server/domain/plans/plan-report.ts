/**
 * The improvement plan as the report a province files: an XLSX workbook (the plan, one row per
 * entry, and a sheet saying what the figures are) and a printable A4 page with page numbers.
 * Figures in percent with one decimal; a change is given with its 95 % interval and whether it is
 * significant, never alone.
 */
import type { PlanEntryView, PlanView } from '../../../contract/plans.ts';
import { writeXlsx } from '../../files/tables.ts';

const statusWords: Record<PlanEntryView['status'], string> = {
  planned: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  dropped: 'Không thực hiện',
};
const reasonWords: Record<PlanEntryView['reasons'][number], string> = { below_target: 'Dưới mục tiêu', fell: 'Giảm có ý nghĩa thống kê' };

const pct = (x: number | null) => (x === null ? '' : x.toFixed(1).replace('.', ','));
const signed = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1).replace('.', ',')}`);
const viDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** The change at the next round in words: difference, interval, verdict. */
export function changeWords(entry: PlanEntryView): string {
  const f = entry.followUp;
  if (!f) return 'Chưa có đợt sau được công bố';
  if (!f.comparable) return `${f.round}: ${pct(f.estimate)} % — không so sánh được (phiếu hỏi khác)`;
  if (f.difference === null) return `${f.round}: chưa có số liệu`;
  const interval = f.ci_low === null || f.ci_high === null ? 'không ước lượng được sai số' : `KTC 95 %: ${signed(f.ci_low)} đến ${signed(f.ci_high)}`;
  const verdict =
    f.significant === null
      ? 'chưa kết luận được'
      : f.significant
        ? f.difference > 0
          ? 'tăng có ý nghĩa'
          : 'giảm có ý nghĩa'
        : 'thay đổi không có ý nghĩa thống kê';
  return `${f.round}: ${pct(f.estimate)} % (${signed(f.difference)} điểm; ${interval}; ${verdict})${f.reliable ? '' : ' — chưa đủ tin cậy'}`;
}

const header = [
  'STT',
  'Chỉ số',
  'Nội dung',
  'Lý do',
  'Kết quả (%)',
  'Mục tiêu (%)',
  'Cơ quan chủ trì',
  'Nhiệm vụ, giải pháp',
  'Người phụ trách',
  'Thời hạn',
  'Trạng thái',
  'Kết quả đợt sau (%)',
  'Thay đổi (điểm)',
  'KTC 95 % thấp',
  'KTC 95 % cao',
  'Ý nghĩa thống kê',
  'Đủ tin cậy',
];

export async function planXlsx(plan: PlanView, generatedAt: Date): Promise<Buffer> {
  const rows = plan.entries.map((e, i) => [
    i + 1,
    e.index,
    plan.labels[e.index] ?? '',
    e.reasons.map((r) => reasonWords[r]).join('; '),
    e.estimate === null ? null : Math.round(e.estimate * 10) / 10,
    e.target,
    e.agency,
    e.actions,
    e.owner,
    viDate(e.deadline),
    statusWords[e.status],
    e.followUp?.estimate == null ? null : Math.round(e.followUp.estimate * 10) / 10,
    e.followUp?.difference == null ? null : Math.round(e.followUp.difference * 10) / 10,
    e.followUp?.ci_low == null ? null : Math.round(e.followUp.ci_low * 10) / 10,
    e.followUp?.ci_high == null ? null : Math.round(e.followUp.ci_high * 10) / 10,
    e.followUp ? (e.followUp.significant === null ? 'chưa kết luận được' : e.followUp.significant ? 'có' : 'không') : '',
    e.followUp ? (e.followUp.reliable ? 'có' : 'không') : '',
  ]);
  return writeXlsx([
    { name: 'Kế hoạch', header, rows },
    {
      name: 'Thông tin',
      header: ['mục', 'giá trị'],
      rows: [
        ['Tỉnh', `${plan.provinceName} (${plan.province})`],
        ['Đợt khảo sát', `${plan.round} — ${plan.roundName}`],
        ['Mục tiêu SIPAS của đợt (%)', plan.target === null ? 'không đặt' : String(plan.target)],
        ['Đợt trước để so sánh', plan.previousRound ?? 'không có'],
        ['Đợt sau đã công bố', plan.nextRound ?? 'chưa có'],
        [
          'Cách so sánh',
          'Hiệu hai mẫu độc lập: SE = √(SE₁² + SE₂²); KTC 95 % Wald; có ý nghĩa khi khoảng không chứa 0; chỉ so sánh chỉ số hỏi giống nhau ở hai phiên bản phiếu',
        ],
        ['Ngày lập', generatedAt.toISOString()],
      ],
    },
  ]);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One fixed style, allowed by its hash in the Content-Security-Policy (plugins/security-headers.ts). */
export const planReportStyle = `
@page { size: A4 landscape; margin: 14mm 12mm 16mm; @bottom-center { content: "Trang " counter(page) " / " counter(pages); font: 9pt serif; } }
body { font: 10.5pt/1.35 "Times New Roman", serif; color: #000; margin: 0; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; text-transform: uppercase; }
p.sub { text-align: center; margin: 0 0 10pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
p.note { font-size: 9pt; margin-top: 8pt; }
`;

export function planHtml(plan: PlanView, generatedAt: Date): string {
  const rows = plan.entries
    .map(
      (e, i) => `<tr>
<td class="num">${i + 1}</td>
<td><strong>${escapeHtml(e.index)}</strong> ${escapeHtml(plan.labels[e.index] ?? '')}</td>
<td>${escapeHtml(e.reasons.map((r) => reasonWords[r]).join('; '))}</td>
<td class="num">${pct(e.estimate)}</td>
<td>${escapeHtml(e.agency)}</td>
<td>${escapeHtml(e.actions).replace(/\n/g, '<br>')}</td>
<td>${escapeHtml(e.owner)}</td>
<td>${viDate(e.deadline)}</td>
<td>${statusWords[e.status]}</td>
<td>${escapeHtml(changeWords(e))}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch cải thiện SIPAS — ${escapeHtml(plan.provinceName)} — ${escapeHtml(plan.round)}</title>
<style>${planReportStyle}</style></head>
<body>
<h1>Kế hoạch cải thiện, nâng cao Chỉ số hài lòng (SIPAS)</h1>
<p class="sub">${escapeHtml(plan.provinceName)} · Đợt ${escapeHtml(plan.round)} — ${escapeHtml(plan.roundName)}${plan.target === null ? '' : ` · Mục tiêu ${pct(plan.target)} %`}</p>
<table>
<thead><tr><th>STT</th><th>Chỉ số</th><th>Lý do</th><th>Kết quả (%)</th><th>Cơ quan chủ trì</th><th>Nhiệm vụ, giải pháp</th><th>Người phụ trách</th><th>Thời hạn</th><th>Trạng thái</th><th>Kết quả đợt sau</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="10">Chưa có mục nào trong kế hoạch.</td></tr>'}
</tbody>
</table>
<p class="note">Thay đổi ở đợt sau: hiệu hai mẫu độc lập, SE = √(SE₁² + SE₂²), khoảng tin cậy 95 %; "có ý nghĩa" khi khoảng không chứa 0. Lập ngày ${generatedAt.toISOString().slice(0, 10).split('-').reverse().join('/')}.</p>
</body></html>`;
}
