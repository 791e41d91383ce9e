/**
 * Every problem the API answers with, in one place: its code (whose integer part is the HTTP
 * status, ODK Central's convention), the slug clients match on, and its words in Vietnamese and
 * English. Code throws by name — `throw problems.roundNotPublished({ code })` — and never builds a
 * Problem inline. Each code and each slug means one thing (tests/unit/server/error-catalogue.test.ts);
 * a message with parameters is a function of them. The list is published in the OpenAPI document
 * (`x-problems` of GET /api/openapi.json).
 */
import { Problem, type Worded } from './errors.ts';

type Issues = Array<{ path: string; worded: Worded }>;

/** What a problem carries beside its words. */
export interface Detail {
  issues?: Issues;
  extra?: Record<string, unknown>;
  /** Only for bad_request: the 4xx status Fastify itself chose. */
  status?: number;
}

type Words<P> = (params: P) => Worded;

/** One kind of problem: call it with its parameters to get the Problem to throw. */
export interface ProblemKind<P> {
  (params: P, detail?: Detail): Problem;
  readonly code: number;
  readonly slug: string;
  readonly words: Words<P>;
}

/** One kind of problem with several wordings of the same meaning (e.g. what was not found). */
export interface ProblemVariants<T extends Record<string, Words<never>>> {
  <V extends keyof T & string>(variant: V, ...params: Parameters<T[V]>): Problem;
  readonly code: number;
  readonly slug: string;
  readonly variants: T;
}

function kind<P = void>(code: number, slug: string, words: Worded | Words<P>, detail?: (params: P) => Detail): ProblemKind<P> {
  const wordsOf: Words<P> = typeof words === 'function' ? words : () => words;
  const make = (params: P, more: Detail = {}) => {
    const { issues = [], extra = {}, status } = { ...detail?.(params), ...more };
    return new Problem(status ?? code, slug, wordsOf(params), issues, extra);
  };
  return Object.assign(make, { code, slug, words: wordsOf });
}

function variants<T extends Record<string, Words<never>>>(code: number, slug: string, table: T): ProblemVariants<T> {
  const make = <V extends keyof T & string>(variant: V, ...params: Parameters<T[V]>) =>
    new Problem(code, slug, (table[variant] as unknown as Words<unknown>)(params[0]));
  return Object.assign(make, { code, slug, variants: table });
}

/** 2025-01-31 as a Vietnamese reader writes it: 31/01/2025. */
const viDate = (day: string) => String(day).split('-').reverse().join('/');

/** How long to wait, in words. */
function wait(seconds: number): Worded {
  return seconds >= 120
    ? { vi: `${Math.ceil(seconds / 60)} phút`, en: `${Math.ceil(seconds / 60)} minutes` }
    : { vi: `${seconds} giây`, en: `${seconds} seconds` };
}

const roundStatusWords: Record<string, Worded> = {
  draft: { vi: 'bản nháp', en: 'a draft' },
  open: { vi: 'đang thu phiếu', en: 'open' },
  closed: { vi: 'đã đóng', en: 'closed' },
  published: { vi: 'đã công bố', en: 'published' },
};
const stillOnPhone = { vi: 'Phiếu của Ông/Bà vẫn được lưu trên máy này.', en: 'Your response stays saved on this device.' };
const serverError = { vi: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.', en: 'Server error. Please try again later.' };

export const problems = {
  // 400: the request itself is wrong.
  badRequest: kind<{ message: string }>(400, 'bad_request', ({ message }) => ({ vi: message, en: message })),
  validation: kind<Issues>(
    400.1,
    'validation_failed',
    {
      vi: 'Dữ liệu gửi lên không hợp lệ. Xem chi tiết từng trường bên dưới.',
      en: 'The submitted data is not valid. See the fields below.',
    },
    (issues) => ({ issues }),
  ),
  emptyFile: variants(400.2, 'empty_file', {
    responses: () => ({ vi: 'Chưa có tệp để nhập (gửi tệp CSV hoặc XLSX làm nội dung)', en: 'No file (send a CSV or XLSX file as the body)' }),
    frame: () => ({ vi: 'Chưa có tệp khung mẫu (gửi tệp CSV hoặc XLSX làm nội dung)', en: 'No frame file (send a CSV or XLSX file as the body)' }),
    questionnaire: () => ({
      vi: 'Chưa có tệp phiếu khảo sát (gửi tệp JSON hoặc XLSX làm nội dung)',
      en: 'No questionnaire file (send a JSON or XLSX file as the body)',
    }),
    // offices and localities
    offices: () => ({
      vi: 'Chưa có tệp danh sách điểm khảo sát (gửi tệp CSV hoặc XLSX làm nội dung)',
      en: 'No offices file (send a CSV or XLSX file as the body)',
    }),
    localities: () => ({ vi: 'Chưa có tệp đơn vị hành chính (gửi tệp CSV hoặc XLSX làm nội dung)', en: 'No units file (send a CSV or XLSX file as the body)' }),
    samplePlan: () => ({
      vi: 'Chưa có tệp kế hoạch mẫu (gửi tệp CSV hoặc XLSX làm nội dung)',
      en: 'No sample plan file (send a CSV or XLSX file as the body)',
    }),
  }),
  badUrl: kind(400.3, 'bad_url', {
    vi: 'Đường dẫn chứa ký tự không hợp lệ (mã %… không phải UTF-8)',
    en: 'The path holds an invalid character (a %-escape that is not UTF-8)',
  }),
  importRejected: kind<{ count: number }>(400.4, 'import_rejected', ({ count }) => ({
    vi: `Không nhập: ${count} lỗi. Sửa các dòng dưới đây rồi nhập lại cả tệp.`,
    en: `Nothing imported: ${count} problem(s). Fix the rows below and import the whole file again.`,
  })),
  frameRejected: kind<{ count: number }>(400.5, 'frame_rejected', ({ count }) => ({
    vi: `Không lưu khung mẫu: ${count} lỗi. Sửa các dòng dưới đây rồi tải lên lại cả tệp.`,
    en: `Frame not saved: ${count} problem(s). Fix the rows below and upload the whole file again.`,
  })),
  malformedFile: kind<{ file: Worded; count: number }>(400.6, 'malformed_file', ({ file, count }) => ({
    vi: `Không đọc được ${file.vi}: ${count} lỗi. Sửa các chỗ dưới đây rồi tải lên lại cả tệp.`,
    en: `The ${file.en} cannot be read: ${count} problem(s). Fix them and upload the whole file again.`,
  })),
  // offices and localities
  listRejected: kind<{ count: number }>(400.21, 'list_rejected', ({ count }) => ({
    vi: `Không lưu gì: ${count} lỗi. Sửa các dòng dưới đây rồi tải lên lại cả tệp.`,
    en: `Nothing stored: ${count} problem(s). Fix the rows below and upload the whole file again.`,
  })),
  samplePlanRejected: kind<{ count: number }>(400.51, 'sample_plan_rejected', ({ count }) => ({
    vi: `Không lưu kế hoạch mẫu: ${count} lỗi. Sửa các dòng dưới đây rồi tải lên lại cả tệp.`,
    en: `Sample plan not saved: ${count} problem(s). Fix the rows below and upload the whole file again.`,
  })),
  invalidUtf8: kind(400.7, 'invalid_utf8', { vi: 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ', en: 'The body is not valid UTF-8 text' }),
  emptyBody: kind(400.8, 'empty_body', { vi: 'Thiếu nội dung JSON', en: 'The JSON body is empty' }),
  malformedJson: kind(400.9, 'malformed_json', { vi: 'Nội dung không phải JSON hợp lệ', en: 'The body is not valid JSON' }),
  // Questionnaire versions (uploads).
  questionnaireRejected: kind<{ count: number }>(400.31, 'questionnaire_rejected', ({ count }) => ({
    vi: `Không lưu phiếu khảo sát: ${count} lỗi. Sửa các chỗ dưới đây (trang, dòng, cột) rồi tải lên lại cả tệp.`,
    en: `Questionnaire not saved: ${count} problem(s). Fix them (sheet, row, column) and upload the whole file again.`,
  })),
  // accounts: first-run setup, password resets, own password
  setupTokenInvalid: kind(400.41, 'setup_token_invalid', {
    vi: 'Mã thiết lập không đúng hoặc đã được dùng. Hãy dùng đường dẫn mới nhất mà máy chủ in ra khi khởi động.',
    en: 'The setup token is wrong or already used. Use the latest link the server printed when it started.',
  }),
  resetCodeInvalid: kind(400.42, 'reset_code_invalid', {
    vi: 'Mã đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn. Hãy nhờ quản trị viên cấp mã mới.',
    en: 'The password reset code is wrong, used or expired. Ask an administrator for a new one.',
  }),
  wrongCurrentPassword: kind(400.43, 'wrong_current_password', {
    vi: 'Mật khẩu hiện tại không đúng',
    en: 'The current password is wrong',
  }),
  // free text: citizens' own words, their categories and tags
  notAFreeTextItem: kind<{ item: string; path: string }>(
    400.81,
    'not_a_free_text_item',
    ({ item }) => ({ vi: `${item} không phải câu hỏi trả lời tự do của phiếu khảo sát này`, en: `${item} is not a free-text question of this questionnaire` }),
    ({ item, path }) => ({
      issues: [{ path, worded: { vi: `không có câu hỏi trả lời tự do mã ${item}`, en: `no free-text question has code ${item}` } }],
    }),
  ),

  // 401, 403: who is asking.
  notLoggedIn: kind(401, 'not_logged_in', { vi: 'Vui lòng đăng nhập', en: 'Please log in' }),
  badCredentials: kind(401.1, 'bad_credentials', {
    vi: 'Sai tên đăng nhập hoặc mật khẩu. Sau nhiều lần nhập sai, đăng nhập bị tạm chặn: hãy chờ ít phút rồi thử lại, hoặc nhờ quản trị viên mở khóa.',
    en: 'Wrong username or password. After repeated failures log-ins are held back for a while: wait a few minutes and try again, or ask an administrator to unlock the account.',
  }),
  forbidden: variants(403, 'forbidden', {
    role: () => ({ vi: 'Tài khoản của Ông/Bà không có quyền này', en: 'Your account may not do this' }),
    notBatchKeyer: () => ({ vi: 'Ông/Bà không phải người nhập liệu của lô này', en: 'You are not a keyer of this batch' }),
    notBatchComparer: () => ({ vi: 'Chỉ người đối chiếu được xem cả hai bản nhập', en: 'Only a reconciler may see both entries' }),
    notBatchReconciler: () => ({ vi: 'Ông/Bà không được đối chiếu lô này', en: 'You may not reconcile this batch' }),
  }),
  csrf: kind(403.1, 'csrf', { vi: 'Thiếu mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang', en: 'Missing or wrong CSRF token; reload the page' }),

  // 404: what was asked for is not there (or not for this caller).
  notFound: variants(404.1, 'not_found', {
    route: (p: { url: string }) => ({ vi: `Không có đường dẫn ${p.url}`, en: `No route ${p.url}` }),
    round: (p: { code: string }) => ({ vi: `Không có đợt khảo sát mã ${p.code}`, en: `No survey round has code ${p.code}` }),
    publishedResults: (p: { code: string }) => ({ vi: `Không có kết quả đã công bố của đợt ${p.code}`, en: `No published results for round ${p.code}` }),
    questionnaire: (p: { version: string }) => ({ vi: `Không có phiếu khảo sát phiên bản ${p.version}`, en: `No questionnaire version ${p.version}` }),
    surveyLink: () => ({
      vi: 'Đường dẫn khảo sát không đúng hoặc đã được thay thế. Vui lòng quét lại mã QR tại bộ phận một cửa.',
      en: 'This survey link is not valid or has been replaced. Please scan the QR code at the office again.',
    }),
    link: () => ({ vi: 'Không có đường dẫn khảo sát này', en: 'No such survey link' }),
    response: (p: { id: string }) => ({ vi: `Không có phiếu mã ${p.id}`, en: `No response has id ${p.id}` }),
    paperForm: (p: { serial: number; round: string }) => ({
      vi: `Chưa cấp phiếu số ${p.serial} trong đợt ${p.round}`,
      en: `Form ${p.serial} was not issued in round ${p.round}`,
    }),
    batch: () => ({ vi: 'Không có lô phiếu này trong các lô được giao', en: 'No such batch among those assigned to you' }),
    account: (p: { id: number }) => ({ vi: `Không có tài khoản số ${p.id}`, en: `No account has id ${p.id}` }),
    // offices and localities
    office: (p: { code: string }) => ({ vi: `Không có điểm khảo sát mã ${p.code}`, en: `No office has code ${p.code}` }),
    locality: (p: { code: string }) => ({ vi: `Không có đơn vị hành chính mã ${p.code}`, en: `No administrative unit has code ${p.code}` }),
  }),
  // Results kept apart by respondent type.
  noRespondentsOfType: kind<{ code: string; respondentType: string }>(404.31, 'no_respondents_of_type', ({ code, respondentType }) => ({
    vi: `Đợt ${code} không có phiếu của ${respondentType === 'organisation' ? 'tổ chức, doanh nghiệp' : 'người dân'}`,
    en: `Round ${code} has no responses of ${respondentType === 'organisation' ? 'organisations' : 'citizens'}`,
  })),
  // free text
  freeTextCategoryNotFound: kind<{ id: number; round: string }>(404.81, 'free_text_category_not_found', ({ id, round }) => ({
    vi: `Đợt ${round} không có nhóm ý kiến số ${id}`,
    en: `Round ${round} has no category ${id}`,
  })),
  freeAnswerNotFound: kind<{ responseId: string; item: string; round: string }>(404.82, 'free_answer_not_found', ({ responseId, item, round }) => ({
    vi: `Đợt ${round} không có câu trả lời ${item} của phiếu ${responseId}`,
    en: `Round ${round} has no answer to ${item} in response ${responseId}`,
  })),

  // improvement plans
  planEntryNotFound: kind<{ id: number }>(404.91, 'plan_entry_not_found', ({ id }) => ({
    vi: `Không có mục kế hoạch cải thiện số ${id}`,
    en: `No improvement plan entry has id ${id}`,
  })),

  // 409: the request is well formed, but what is stored does not allow it now.
  alreadyExists: kind(409, 'already_exists', { vi: 'Bản ghi đã tồn tại', en: 'The record already exists' }),
  conflictingResend: kind<{ id: string }>(409.1, 'conflicting_resend', ({ id }) => ({
    vi: `Phiếu có mã ${id} đã được lưu với nội dung khác. Một phiếu đã gửi không thể bị thay đổi; hãy tạo phiếu mới.`,
    en: `A response with id ${id} is already stored with different content. A sent response cannot be changed; create a new one.`,
  })),
  linkClosed: kind<{ code: string }>(409.2, 'round_not_open', ({ code }) => ({
    vi: `Đường dẫn khảo sát này đã đóng, đợt khảo sát ${code} hiện không nhận phiếu qua đường dẫn này. ${stillOnPhone.vi} Cảm ơn Ông/Bà đã quan tâm.`,
    en: `This survey link is closed: round ${code} is not taking responses through it. ${stillOnPhone.en} Thank you for your interest.`,
  })),
  roundNotStarted: kind<{ code: string; start: string }>(409.3, 'round_not_started', ({ code, start }) => ({
    vi: `Đợt khảo sát ${code} chưa bắt đầu: phiếu được nhận từ ngày ${viDate(start)}. ${stillOnPhone.vi}`,
    en: `Survey round ${code} has not started: responses are taken from ${start}. ${stillOnPhone.en}`,
  })),
  roundEnded: kind<{ code: string; end: string }>(409.4, 'round_ended', ({ code, end }) => ({
    vi: `Đợt khảo sát ${code} đã kết thúc ngày ${viDate(end)} nên không nhận thêm phiếu. ${stillOnPhone.vi} Cảm ơn Ông/Bà đã quan tâm.`,
    en: `Survey round ${code} ended on ${end} and takes no more responses. ${stillOnPhone.en} Thank you for your interest.`,
  })),
  formState: kind<{ status: string; serials: string }>(409.5, 'form_state', ({ status, serials }) => ({
    vi: `Không thể chuyển sang "${status}" các phiếu: ${serials} (đã nhập liệu hoặc đã xác nhận)`,
    en: `Cannot mark as "${status}": ${serials} (already keyed or verified)`,
  })),
  batchExists: kind<{ code: string }>(409.6, 'batch_exists', ({ code }) => ({
    vi: `Lô ${code} đã có trong đợt này`,
    en: `Batch ${code} already exists in this round`,
  })),
  formClosed: kind<{ serial: number; status: string }>(409.7, 'form_closed', ({ serial, status }) => ({
    vi: `Phiếu số ${serial} đã được cả hai người nhập (${status}); mọi sửa đổi phải qua đối chiếu`,
    en: `Form ${serial} has both entries (${status}); changes go through reconciliation`,
  })),
  nothingToReconcile: kind<{ serial: number; status: string }>(409.8, 'nothing_to_reconcile', ({ serial, status }) => ({
    vi: `Phiếu số ${serial} không chờ đối chiếu (${status})`,
    en: `Form ${serial} is not awaiting reconciliation (${status})`,
  })),
  ownAccount: kind(409.9, 'own_account', {
    vi: 'Không thể tự khóa tài khoản của chính mình; hãy nhờ một quản trị viên khác',
    en: 'You cannot deactivate your own account; ask another administrator',
  }),
  frameIncomplete: kind<{ stratum: string }>(409.11, 'frame_incomplete', ({ stratum }) => ({
    vi: `Khung mẫu của đợt khảo sát thiếu dân số của tầng: ${stratum}. Hãy tải lên khung mẫu đầy đủ (stratum,population) hoặc xóa khung mẫu để tính không trọng số.`,
    en: `The round's frame lacks a population for stratum ${stratum}. Upload a complete frame (stratum,population), or remove it for unweighted results.`,
  })),
  roundIsDraft: kind<{ code: string }>(409.12, 'round_is_draft', ({ code }) => ({
    vi: `Đợt ${code} còn là bản nháp, chưa có kết quả để công bố`,
    en: `Round ${code} is a draft; there are no results to publish`,
  })),
  roundNotPublished: kind<{ code: string }>(409.13, 'round_not_published', ({ code }) => ({
    vi: `Kết quả đợt ${code} chưa được công bố`,
    en: `Round ${code} is not published`,
  })),
  notADemoRound: kind<{ code: string }>(409.14, 'not_a_demo_round', ({ code }) => ({
    vi: `Đợt ${code} không phải đợt dữ liệu mẫu: không nạp dữ liệu mẫu vào đợt thật`,
    en: `Round ${code} is not a demo round: demo data never goes into real rounds`,
  })),
  usernameTaken: kind<{ username: string }>(409.15, 'username_taken', ({ username }) => ({
    vi: `Tên đăng nhập ${username} đã có`,
    en: `Username ${username} is taken`,
  })),
  serialsTaken: kind<{ serials: string }>(409.16, 'serials_taken', ({ serials }) => ({
    vi: `Các số sê-ri đã được cấp: ${serials}`,
    en: `Serials already issued: ${serials}`,
  })),
  notFlagged: kind(409.17, 'not_flagged', {
    vi: 'Phiếu này không bị gắn cờ nên không cần xem xét',
    en: 'This response is not flagged, so there is nothing to review',
  }),
  formAlreadyVerified: kind<{ serial: number }>(409.18, 'form_already_verified', ({ serial }) => ({
    vi: `Phiếu số ${serial} vừa được người khác xác nhận`,
    en: `Form ${serial} was just verified by someone else`,
  })),
  mixedVersions: kind<{ code: string; versions: string }>(409.32, 'mixed_versions', ({ code, versions }) => ({
    vi: `Phiếu cùng đối tượng của đợt ${code} thuộc nhiều phiên bản (${versions}): không thể tính chung`,
    en: `Responses of one respondent type in round ${code} use several versions (${versions}): they cannot be estimated together`,
  })),
  // Questionnaire versions.
  questionnaireLocked: kind<{ version: string; why: Worded }>(409.31, 'questionnaire_locked', ({ version, why }) => ({
    vi: `Phiếu khảo sát phiên bản ${version} đã có với nội dung khác và không thể thay đổi (${why.vi}). Hãy lưu nội dung mới thành một phiên bản mới (đổi "version" trong trang settings).`,
    en: `Questionnaire version ${version} already exists with other content and cannot change (${why.en}). Store the new content as a new version (change "version" in the settings sheet).`,
  })),
  // offices and localities
  officeExists: kind<{ code: string }>(409.21, 'office_exists', ({ code }) => ({
    vi: `Đã có điểm khảo sát mã ${code}; hãy sửa điểm đó thay vì thêm mới`,
    en: `An office with code ${code} exists; edit it instead`,
  })),
  localityExists: kind<{ code: string }>(409.22, 'locality_exists', ({ code }) => ({
    vi: `Đã có đơn vị hành chính mã ${code}; hãy sửa đơn vị đó thay vì thêm mới`,
    en: `An administrative unit with code ${code} exists; edit it instead`,
  })),
  // accounts: the platform always keeps an administrator who can log in
  alreadySetUp: kind(409.41, 'already_set_up', {
    vi: 'Đã có quản trị viên; hãy đăng nhập. Tài khoản mới do quản trị viên tạo ở trang Tài khoản.',
    en: 'An administrator already exists; log in. New accounts are made by an administrator on the Users page.',
  }),
  lastAdmin: kind(409.42, 'last_admin', {
    vi: 'Đây là quản trị viên cuối cùng còn hoạt động: hãy cho một tài khoản khác làm quản trị viên trước',
    en: 'This is the last active administrator: make another account an administrator first',
  }),
  ownRole: kind(409.43, 'own_role', {
    vi: 'Không thể tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác',
    en: 'You cannot change your own role; ask another administrator',
  }),
  // rounds: creating, editing and the lifecycle draft → open → closed → published.
  roundCodeTaken: kind<{ code: string }>(409.51, 'round_code_taken', ({ code }) => ({
    vi: `Mã đợt ${code} đã được dùng; hãy chọn mã khác`,
    en: `Round code ${code} is taken; choose another`,
  })),
  roundTransition: kind<{ code: string; from: string; to: string }>(409.52, 'round_transition', ({ code, from, to }) => ({
    vi: `Đợt ${code} đang ở trạng thái "${roundStatusWords[from]?.vi ?? from}", không chuyển sang "${roundStatusWords[to]?.vi ?? to}" được`,
    en: `Round ${code} is ${roundStatusWords[from]?.en ?? from}; it cannot become ${roundStatusWords[to]?.en ?? to}`,
  })),
  roundNotClosed: kind<{ code: string }>(409.53, 'round_not_closed', ({ code }) => ({
    vi: `Chỉ công bố kết quả khi đợt ${code} đã đóng: hãy đóng đợt (ngừng thu phiếu) trước rồi mới công bố`,
    en: `Results are published only once round ${code} is closed: close it (stop collection) first, then publish`,
  })),
  keyingClosed: kind<{ code: string }>(409.54, 'keying_closed', ({ code }) => ({
    vi: `Đợt ${code} đã kết thúc nhập phiếu giấy: không nhập thêm được. Nếu còn phiếu cần nhập, hãy đề nghị cán bộ quản lý đợt mở lại việc nhập phiếu.`,
    en: `Keying of paper forms for round ${code} is closed: nothing more can be keyed. If forms remain, ask the round's manager to reopen keying.`,
  })),
  keyingNotAllowed: variants(409.55, 'keying_not_allowed', {
    draft: (p: { code: string }) => ({
      vi: `Đợt ${p.code} còn là bản nháp, chưa mở: chưa nhập phiếu được`,
      en: `Round ${p.code} is a draft, not open yet: nothing can be keyed`,
    }),
    published: (p: { code: string }) => ({
      vi: `Đợt ${p.code} đã công bố kết quả: không nhập thêm phiếu được (kết quả đã công bố không được thay đổi âm thầm)`,
      en: `Round ${p.code} is published: nothing more can be keyed (published figures never move silently)`,
    }),
    issuedLate: (p: { code: string; serial: number }) => ({
      vi: `Đợt ${p.code} đã đóng; phiếu số ${p.serial} được cấp sau khi đợt kết thúc nên không nhập được`,
      en: `Round ${p.code} is closed; form ${p.serial} was issued after the round's period, so it cannot be keyed`,
    }),
  }),
  roundLocked: variants(409.56, 'round_locked', {
    questionnaire: (p: { code: string; version: string }) => ({
      vi: `Không đổi được phiếu khảo sát của đợt ${p.code}: đã có phiếu trả lời theo phiên bản ${p.version}`,
      en: `The questionnaire of round ${p.code} cannot change: responses already use version ${p.version}`,
    }),
    published: (p: { code: string }) => ({
      vi: `Đợt ${p.code} đã công bố kết quả: hãy thu hồi công bố trước khi sửa`,
      en: `Round ${p.code} is published: withdraw the publication before editing it`,
    }),
    periodStart: (p: { code: string }) => ({
      vi: `Đợt ${p.code} đã có phiếu trả lời: không dời ngày bắt đầu về sau được (các phiếu đã nhận sẽ nằm ngoài thời gian khảo sát)`,
      en: `Round ${p.code} has responses: its start cannot move later (responses already taken would fall outside its period)`,
    }),
    periodEnd: (p: { code: string; day: string }) => ({
      vi: `Đợt ${p.code} đã có phiếu trả lời đến ngày ${viDate(p.day)}: ngày kết thúc không được sớm hơn ngày đó`,
      en: `Round ${p.code} has responses up to ${p.day}: its end cannot be earlier`,
    }),
    provinces: (p: { code: string; province: string }) => ({
      vi: `Đợt ${p.code} đã có phiếu trả lời ở tỉnh ${p.province}: không bỏ tỉnh này khỏi đợt được`,
      en: `Round ${p.code} has responses in province ${p.province}: it cannot be removed from the round`,
    }),
  }),
  // figures
  designRefused: kind<{ reason: string }>(409.61, 'design_refused', ({ reason }) => ({
    vi: `Không tính được kết quả với thiết kế mẫu và lựa chọn đã chọn (${reason}). Hãy chọn cách xử lý tầng một đơn vị mẫu khác (lonelyPsu: adjust, average, remove, certainty).`,
    en: `The results cannot be computed with this design and these options (${reason}). Choose another lonely-PSU option (lonelyPsu: adjust, average, remove, certainty).`,
  })),
  notComparable: kind<{ code: string; previous: string }>(409.62, 'rounds_not_comparable', ({ code, previous }) => ({
    vi: `Đợt ${previous} không so sánh được với đợt ${code}: phải là một đợt khác, đã kết thúc hoặc đã công bố, bắt đầu trước đợt ${code} và có chung ít nhất một tỉnh`,
    en: `Round ${previous} cannot be compared with round ${code}: it must be another round, closed or published, starting before ${code} and sharing a province with it`,
  })),
  // free text
  freeTextCategoryExists: kind<{ name: string }>(409.81, 'free_text_category_exists', ({ name }) => ({
    vi: `Đợt này đã có nhóm ý kiến "${name}"`,
    en: `This round already has a category "${name}"`,
  })),

  // improvement plans and the publish checklist
  publishWarningsChanged: kind<{ code: string; added: number; gone: number }>(409.91, 'publish_warnings_changed', ({ code, added, gone }) => ({
    vi: `Cảnh báo trước khi công bố đợt ${code} đã thay đổi (${added} cảnh báo chưa được xác nhận, ${gone} cảnh báo không còn): hãy đọc lại danh sách và xác nhận trước khi công bố`,
    en: `The warnings before publishing round ${code} have changed (${added} not acknowledged, ${gone} no longer hold): read the list again and acknowledge it before publishing`,
  })),
  planNeedsPublishedRound: kind<{ code: string }>(409.92, 'plan_needs_published_round', ({ code }) => ({
    vi: `Đợt ${code} chưa công bố kết quả: kế hoạch cải thiện được lập từ kết quả đã công bố`,
    en: `Round ${code} is not published: an improvement plan is made from published results`,
  })),
  provinceNotInRound: kind<{ code: string; province: string }>(409.93, 'province_not_in_round', ({ code, province }) => ({
    vi: `Đợt ${code} không khảo sát tỉnh ${province}`,
    en: `Round ${code} does not cover province ${province}`,
  })),

  // 413–415: the request's shape.
  bodyTooLarge: kind(413, 'body_too_large', { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' }),
  fileTooLarge: kind<{ file: Worded; why: Worded }>(413.1, 'file_too_large', ({ file, why }) => ({
    vi: `${String(file.vi)[0].toUpperCase()}${String(file.vi).slice(1)} quá lớn: ${why.vi}. Hãy chia thành nhiều tệp nhỏ hơn.`,
    en: `The ${file.en} is too large: ${why.en}. Split it into smaller files.`,
  })),
  pathTooLong: kind(414, 'path_too_long', { vi: 'Một phần của đường dẫn quá dài', en: 'A part of the path is too long' }),
  unsupportedMediaType: kind(415, 'unsupported_media_type', {
    vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON (Content-Type: application/json)',
    en: 'Unsupported content type; send JSON (Content-Type: application/json)',
  }),

  // 429: too many, too fast; the reply's Retry-After says how long to wait.
  surveyRateLimited: kind<{ seconds: number }>(
    429,
    'rate_limited',
    ({ seconds }) => ({
      vi: `Máy chủ đang nhận quá nhiều phiếu từ thiết bị hoặc điểm khảo sát này. Phiếu của Ông/Bà vẫn được lưu trên máy và sẽ tự gửi lại sau ${wait(seconds).vi}.`,
      en: `Too many responses from this device or office right now. Your response stays on the phone and is sent again in ${wait(seconds).en}.`,
    }),
    ({ seconds }) => ({ extra: { retryAfterSeconds: seconds } }),
  ),
  tooManyLogIns: kind<{ seconds: number }>(
    429.2,
    'too_many_log_ins',
    ({ seconds }) => ({
      vi: `Có quá nhiều lần đăng nhập từ địa chỉ mạng này. Vui lòng thử lại sau ${wait(seconds).vi}.`,
      en: `Too many log-in attempts from this network address. Try again in ${wait(seconds).en}.`,
    }),
    ({ seconds }) => ({ extra: { retryAfterSeconds: seconds } }),
  ),
  staffRateLimited: kind<{ seconds: number }>(
    429.3,
    'too_many_requests',
    ({ seconds }) => ({
      vi: `Có quá nhiều yêu cầu từ địa chỉ mạng này. Vui lòng chờ ${wait(seconds).vi} rồi thử lại.`,
      en: `Too many requests from this network address. Wait ${wait(seconds).en} and try again.`,
    }),
    ({ seconds }) => ({ extra: { retryAfterSeconds: seconds } }),
  ),

  // 5xx: the server's own trouble; never any detail.
  internalError: kind(500, 'internal_error', serverError),
  databaseUnavailable: kind(
    503,
    'database_unavailable',
    {
      vi: 'Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Phiếu chưa được lưu; vui lòng gửi lại sau ít phút.',
      en: 'The server cannot reach its database right now. Nothing was stored; please send again in a moment.',
    },
    () => ({ extra: { retryAfterSeconds: 5 } }),
  ),
};

/** One line of the catalogue as documented: parameters shown as {name}. */
export interface CatalogueLine {
  code: number;
  status: number;
  slug: string;
  name: string;
  variant?: string;
  vi: string;
  en: string;
}

/** A parameter's placeholder, `{name}`, also where the words read its .vi and .en. */
const placeholders = new Proxy(
  {},
  {
    get: (_target, name) => {
      const shown = `{${String(name)}}`;
      return Object.assign(new String(shown), { vi: shown, en: shown });
    },
  },
);

/** Every problem the API may answer with, as the OpenAPI document lists them. */
export function catalogueLines(): CatalogueLine[] {
  return Object.entries(problems).flatMap(([name, entry]): CatalogueLine[] => {
    const line = { code: entry.code, status: Math.floor(entry.code), slug: entry.slug, name };
    const shown = (words: Words<unknown>) => {
      const worded = words(placeholders);
      return { vi: String(worded.vi), en: String(worded.en) };
    };
    if ('variants' in entry) {
      return Object.entries(entry.variants as Record<string, Words<unknown>>).map(([variant, words]) => ({ ...line, variant, ...shown(words) }));
    }
    return [{ ...line, ...shown(entry.words as Words<unknown>) }];
  });
}
