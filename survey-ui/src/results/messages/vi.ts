/** Every text of the results pages, Vietnamese (the default). NFC, full diacritics. */
import type { ReliabilityProblem } from '../model/reliability.ts';

export const vi = {
  locale: 'vi-VN',
  appTitle: 'SIPAS — Kết quả',
  publicTitle: 'SIPAS — Kết quả đã công bố',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  skipToContent: 'Đến nội dung chính',
  loading: 'Đang tải…',
  logOut: 'Đăng xuất',
  signedInAs: (name: string) => `Đăng nhập: ${name}`,
  staffApp: 'Ứng dụng nhân viên',
  notForRole: 'Tài khoản này không được xem kết quả. Kết quả dành cho cán bộ phân tích, quản lý khảo sát và quản trị.',
  noRounds: 'Chưa có đợt khảo sát nào có kết quả.',

  dashboardTitle: 'Kết quả khảo sát SIPAS',
  controlsLabel: 'Chọn dữ liệu hiển thị',
  round: 'Đợt khảo sát',
  level: 'Cấp địa bàn',
  levels: { province: 'Tỉnh', district: 'Huyện, thành phố', commune: 'Xã, phường' } as Record<string, string>,
  index: 'Chỉ số trên biểu đồ',
  target: 'Mục tiêu của tỉnh (%)',
  roundStatus: { draft: 'Nháp', open: 'Đang thu thập', closed: 'Đã kết thúc', published: 'Đã công bố' } as Record<string, string>,
  weights: {
    frame: 'có trọng số theo khung mẫu',
    unweighted: 'chưa có trọng số (mỗi phiếu trọng số 1)',
    column: 'trọng số theo cột',
    raked: 'trọng số đã hiệu chỉnh',
  } as Record<string, string>,
  roundFacts: (period: string, status: string, weights: string) => `Thời gian: ${period} · ${status} · ${weights}`,
  responsesCounted: (counted: number, held: number) => `${counted} phiếu được tính; ${held} phiếu bị gắn cờ đang chờ xem xét, chưa tính`,

  indices: { SIPAS: 'SIPAS', policy: 'Chỉ số chính sách', service: 'Chỉ số dịch vụ' } as Record<string, string>,
  tableTitle: 'Chỉ số hài lòng theo địa bàn (%, khoảng tin cậy 95 %)',
  tableCaption: (level: string) => `Tỷ lệ hài lòng (%) theo ${level.toLowerCase()}; số sau dấu ± là sai số (nửa khoảng tin cậy 95 %).`,
  noLocalities: 'Đợt này không có số liệu theo cấp địa bàn này.',
  locality: 'Địa bàn',
  respondents: 'Số phiếu',
  parColumn: 'Điểm tiêu chí 8.1',
  marginOfError: (moe: string) => `±${moe}`,
  ciText: (low: string, high: string) => `KTC 95 %: ${low}–${high}`,
  reliability: {
    noData: 'không có câu trả lời hợp lệ',
    fewRespondents: (minN: number) => `ít hơn ${minN} người trả lời — không đủ tin cậy để công bố`,
    wideInterval: (maxHalfWidth: number) => `sai số lớn hơn ${maxHalfWidth} điểm phần trăm — không đủ tin cậy để công bố`,
  } satisfies Record<ReliabilityProblem, unknown>,
  reliabilityMarks: { noData: '—', fewRespondents: 'a', wideInterval: 'b' } satisfies Record<ReliabilityProblem, string>,
  legendTitle: 'Ký hiệu',
  legendUnreliable: 'Ô tô nhạt, có ký hiệu: số liệu chưa đủ tin cậy.',

  chartTitle: (index: string) => `${index} theo địa bàn`,
  chartDescription: (index: string, reached: number, total: number, target: string) =>
    `Biểu đồ thanh: ${index} của ${total} địa bàn, mỗi thanh có khoảng tin cậy 95 %; đường đứt nét là mục tiêu ${target} %. ${reached} trên ${total} địa bàn đạt mục tiêu.`,
  chartTargetLabel: (target: string) => `Mục tiêu ${target} %`,
  chartBar: (name: string, value: string, low: string, high: string) => `${name}: ${value} % (KTC 95 %: ${low}–${high})`,

  rankingTitle: (index: string) => `Xếp hạng theo ${index}`,
  rank: 'Hạng',
  value: 'Giá trị (%)',
  meetsTarget: 'Đạt mục tiêu',
  yes: 'Đạt',
  no: 'Chưa đạt',

  parTitle: 'Điểm tương đương tiêu chí 8.1 của PAR INDEX',
  parExplain: 'Điểm = SIPAS (%) × 10 / 100, trên tối đa 10 điểm.',
  parOf: (points: string) => `${points} / 10 điểm`,
  parRange: (low: string, high: string) => `(khoảng tin cậy 95 %: ${low}–${high})`,

  policyTitle: 'Chất lượng từng chính sách',
  policyFor: 'Địa bàn',
  policy: 'Chính sách',
  policyIndex: 'Tỷ lệ hài lòng (%)',
  veryInterested: 'Rất quan tâm (%)',

  trendTitle: 'Xu hướng qua các đợt',
  trendExplain: (asOf: string) => `Các đơn vị cũ được quy về đơn vị hành chính hiện hành (ngày ${asOf}) để so sánh được qua đợt sắp xếp năm 2025.`,
  trendCaption: (index: string) => `${index} (%) qua các đợt khảo sát`,
  trendNoFigures: 'không có số liệu',

  downloadsTitle: 'Tải xuống',
  downloadCsv: 'Kết quả (CSV)',
  downloadXlsx: 'Kết quả (Excel)',
  downloadMicrodata: 'Dữ liệu vi mô (CSV)',
  downloadCodebook: 'Bảng mã dữ liệu vi mô',
  microdataNote: 'Ý kiến tự do chỉ có trong dữ liệu vi mô với tài khoản được phép.',

  publishTitle: 'Công bố kết quả',
  publish: 'Công bố kết quả…',
  unpublish: 'Thu hồi công bố…',
  publishConfirm: (round: string) =>
    `Công bố kết quả đợt ${round}? Mọi người sẽ xem được các chỉ số cấp tỉnh và địa bàn trên trang công khai, và việc thu thập phiếu của đợt kết thúc.`,
  unpublishConfirm: (round: string) => `Thu hồi kết quả đã công bố của đợt ${round}? Trang công khai sẽ không hiện đợt này nữa.`,
  confirmPublish: 'Xác nhận công bố',
  confirmUnpublish: 'Xác nhận thu hồi',
  cancel: 'Hủy',
  published: (when: string) => `Đã công bố lúc ${when}.`,
  publishedDone: 'Đã công bố kết quả.',
  unpublishedDone: 'Đã thu hồi công bố.',
  publicLink: 'Xem trang công khai',

  printReport: 'In báo cáo',
  printedOn: (when: string) => `In ngày ${when}`,
  errorTitle: 'Không thực hiện được',
  networkError: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',

  publicIntro: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước, theo các đợt khảo sát đã công bố.',
  publicRounds: 'Các đợt đã công bố',
  publicNone: 'Hiện chưa có đợt khảo sát nào được công bố kết quả.',
  notPublished: (round: string) => `Kết quả đợt ${round} chưa được công bố. Xin vui lòng quay lại sau.`,
  backToPublic: 'Xem các đợt đã công bố',
  // rounds
  targetTitle: 'Mục tiêu của đợt',
  targetOf: (target: string, index: string) => `Mục tiêu: ${index} đạt từ ${target} trở lên.`,
  targetReached: (value: string) => `Đã đạt: ${value}.`,
  targetMissed: (value: string, gap: string) => `Chưa đạt: ${value}, còn thiếu ${gap} điểm phần trăm.`,
  publishNeedsClosed: 'Chỉ công bố được khi đợt đã đóng (ngừng thu phiếu). Đóng đợt ở trang Đợt khảo sát.',
  // respondent types
  respondentSwitch: 'Kết quả của',
  respondentTypes: { citizen: 'Người dân', organisation: 'Tổ chức, doanh nghiệp' } as Record<'citizen' | 'organisation', string>,
  // questionnaire panels, target, narrow screens (dashboard)
  panels: {
    title: 'Các câu hỏi khác của phiếu',
    explain:
      'Tỷ lệ có trọng số của từng phương án trả lời, trong số người đã trả lời câu hỏi (câu hỏi bỏ qua theo phiếu không tính); số sau dấu ± là sai số (nửa khoảng tin cậy 95 %).',
    unit: 'Địa bàn, cơ quan',
    levels: { all: 'toàn đợt', national: 'toàn quốc', province: 'tỉnh', district: 'huyện', commune: 'xã', office: 'cơ quan một cửa' } as Record<string, string>,
    sectionTitles: {
      profile: 'Đặc điểm người trả lời',
      interest: 'Mức độ quan tâm đến các chính sách',
      policy_info: 'Thông tin và góp ý về chính sách',
      service_opinion: 'Phiền hà, sách nhiễu, chi phí không chính thức và hình thức giao dịch',
      expectations: 'Mong đợi: cơ quan nhà nước cần ưu tiên cải thiện',
    } as Record<string, string>,
    answered: (n: string) => `${n} người trả lời`,
    multiNote: 'chọn được nhiều phương án, tổng có thể vượt 100 %',
    answer: 'Phương án',
    share: 'Tỷ lệ (%)',
    question: 'Nội dung',
    byUnitTitle: 'Một câu hỏi theo từng địa bàn, cơ quan',
    matrixCaption: 'Tỷ lệ (%) từng mức trả lời trong số người trả lời nội dung đó.',
  },
  targetColumn: 'So với mục tiêu',
  targetStatus: { above: 'Đạt', below: 'Chưa đạt' } as Record<'above' | 'below', string>,
  targetUnclear: 'chưa chắc chắn: khoảng tin cậy 95 % chứa mục tiêu',
  targetLegend: (target: string) =>
    `So với mục tiêu ${target} %: Đạt / Chưa đạt theo giá trị ước lượng; * khi khoảng tin cậy 95 % chứa mục tiêu (chưa chắc chắn).`,
  chartDescriptionNoTarget: (index: string, total: number) =>
    `Biểu đồ thanh: ${index} của ${total} địa bàn, mỗi thanh có khoảng tin cậy 95 %; đợt này chưa đặt mục tiêu.`,
  keyFigures: 'Các chỉ số chính',
};

export type Messages = typeof vi;
