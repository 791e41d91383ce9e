/**
 * The questionnaire template (an XLSX in the spirit of XLSForm): its sheets and columns, each with
 * what it means in Vietnamese and English. The template's "Hướng dẫn" sheet and the reader's
 * messages are written from this one list.
 */
export interface ColumnDoc {
  name: string;
  required: boolean;
  vi: string;
  en: string;
  example: string;
}

export interface SheetDoc {
  name: string;
  vi: string;
  en: string;
  columns: ColumnDoc[];
  /** A sheet that may hold no rows (a version without skip rules). */
  mayBeEmpty?: boolean;
}

const col = (name: string, required: boolean, vi: string, en: string, example = ''): ColumnDoc => ({ name, required, vi, en, example });

export const SETTINGS_KEYS = [
  col(
    'version',
    true,
    'Mã phiên bản: chữ, số, dấu chấm, gạch ngang, gạch dưới; không đổi được sau khi đã có phiếu trả lời',
    'Version code: letters, digits, . - _; fixed once a response uses it',
    '2026',
  ),
  col('respondent_type', true, 'Đối tượng: citizen (người dân) hoặc organisation (tổ chức, doanh nghiệp)', 'Whom it asks: citizen or organisation', 'citizen'),
  col('title_vi', true, 'Tên phiếu (tiếng Việt)', 'Title (Vietnamese)', 'Phiếu khảo sát SIPAS 2026'),
  col('title_en', false, 'Tên phiếu (tiếng Anh)', 'Title (English)', 'SIPAS questionnaire 2026'),
  col('intro_vi', false, 'Lời giới thiệu đầu phiếu (tiếng Việt)', 'Introduction (Vietnamese)'),
  col('intro_en', false, 'Lời giới thiệu (tiếng Anh)', 'Introduction (English)'),
  col('satisfied_values', true, 'Giá trị được tính là hài lòng, cách nhau bởi dấu phẩy', 'Values counted as satisfied, comma-separated', '4,5'),
  col('valid_values', true, 'Giá trị trả lời hợp lệ (mẫu số), cách nhau bởi dấu phẩy', 'Valid answer values (the denominator), comma-separated', '1,2,3,4,5'),
  col('overall_code', true, 'Mã chỉ số chung', 'Code of the overall index', 'SIPAS'),
  col(
    'empty_components',
    false,
    'Khi một thành phần không có trả lời hợp lệ: reweight (tính lại trọng số, mặc định) hoặc require (để trống chỉ số)',
    'A component without valid answers: reweight (default) or require (leave the composite empty)',
    'reweight',
  ),
];

export const SHEETS: SheetDoc[] = [
  {
    name: 'settings',
    vi: 'Thông tin chung của phiếu: mỗi dòng một khóa (cột key) và giá trị (cột value)',
    en: 'The version’s settings: one key (column key) and its value per row',
    columns: [col('key', true, 'Tên khóa (xem các khóa bên dưới)', 'Key (see the keys below)', 'version'), col('value', false, 'Giá trị', 'Value', '2026')],
  },
  {
    name: 'questions',
    vi: 'Các câu hỏi theo đúng thứ tự hỏi; mỗi dòng một câu',
    en: 'The questions in the order they are asked; one per row',
    columns: [
      col(
        'code',
        true,
        'Mã câu hỏi (chữ cái đầu, rồi chữ, số, _); cũng là tên cột trong dữ liệu vi mô',
        'Question code (a letter, then letters, digits, _); its microdata column',
        'B3_1',
      ),
      col(
        'role',
        true,
        'Vai trò: profile (thông tin người trả lời), screening (câu sàng lọc), satisfaction (tiêu chí đánh giá, vào chỉ số), opinion, expectation, comment',
        'Role: profile, screening, satisfaction (counts in the indices), opinion, expectation, comment',
        'satisfaction',
      ),
      col(
        'type',
        true,
        'Kiểu: rating (thang điểm), single (một lựa chọn), multi (nhiều lựa chọn), text (chữ tự do)',
        'Type: rating, single, multi, text',
        'rating',
      ),
      col(
        'scale',
        false,
        'Mã thang đo / danh sách lựa chọn (trang choices); bỏ trống với kiểu text',
        'Scale or choice list (sheet choices); empty for text',
        'satisfaction5',
      ),
      col('text_vi', true, 'Nội dung câu hỏi (tiếng Việt)', 'Question text (Vietnamese)', 'Công chức có thái độ giao tiếp lịch sự'),
      col('text_en', false, 'Nội dung câu hỏi (tiếng Anh)', 'Question text (English)', 'Civil servants are polite'),
      col('hint_vi', false, 'Ghi chú, ví dụ hiển thị chữ nhỏ (tiếng Việt)', 'Hint shown smaller (Vietnamese)'),
      col('hint_en', false, 'Ghi chú (tiếng Anh)', 'Hint (English)'),
      col('required', false, 'Bắt buộc trả lời: yes hoặc no (trống = no)', 'Required: yes or no (empty = no)', 'no'),
      col(
        'show_if',
        false,
        'Tên điều kiện (trang skip_rules): câu chỉ hiện khi điều kiện đúng',
        'Name of a skip rule (sheet skip_rules): asked only when it holds',
        'dk_1',
      ),
      col('max_length', false, 'Số ký tự tối đa (câu text)', 'Most characters (text questions)', '2000'),
      col(
        'relates_to',
        false,
        'Mã câu đánh giá mà câu này gắn với (ví dụ mức độ quan tâm đến chính sách A3_4)',
        'The satisfaction item this question is about',
        'A3_4',
      ),
      col(
        'number',
        false,
        'Số câu in trên phiếu giấy (ví dụ Câu 4, I.2): màn hình nhập phiếu gọi câu hỏi bằng số này',
        'The number printed beside the question on the paper form (e.g. Câu 4, I.2): the keying screens name it so',
        'Câu 4',
      ),
      col('section', true, 'Mã mục (màn hình) chứa câu hỏi (trang sections)', 'Section (screen) holding it (sheet sections)', 'B3'),
      col(
        'element',
        false,
        'Với câu satisfaction: mã yếu tố (trang elements) mà tiêu chí được tính vào',
        'For satisfaction items: the element it counts in (sheet elements)',
        'B3',
      ),
    ],
  },
  {
    name: 'choices',
    vi: 'Các thang đo và danh sách lựa chọn: mỗi dòng một lựa chọn, theo thứ tự hiển thị',
    en: 'Scales and choice lists: one option per row, in the order shown',
    columns: [
      col('scale', true, 'Mã thang đo', 'Scale code', 'satisfaction5'),
      col(
        'value',
        true,
        'Giá trị lưu (số nguyên cho thang điểm; chữ không dấu cho lựa chọn)',
        'Stored value (a whole number for ratings; a plain word for choices)',
        '5',
      ),
      col('label_vi', true, 'Nhãn (tiếng Việt)', 'Label (Vietnamese)', 'Rất hài lòng'),
      col('label_en', false, 'Nhãn (tiếng Anh)', 'Label (English)', 'Very satisfied'),
    ],
  },
  {
    name: 'skip_rules',
    mayBeEmpty: true,
    vi: 'Điều kiện bỏ qua, đặt tên để dùng ở cột show_if: q = giá trị; q in (a, b); all(…, …); any(…, …); not(…). Giá trị là chữ số → số; chữ có dấu cách hay ký tự đặc biệt đặt trong nháy đơn',
    en: 'Skip rules, named for the show_if columns: q = value; q in (a, b); all(…, …); any(…, …); not(…). Digits are numbers; quote text with spaces or symbols in single quotes',
    columns: [
      col('name', true, 'Tên điều kiện', 'Rule name', 'dk_1'),
      col('condition', true, 'Điều kiện', 'Condition', 'all(had_procedure = yes, made_feedback = yes)'),
      col('note', false, 'Ghi chú (không dùng khi đọc)', 'Note (not read)'),
    ],
  },
  {
    name: 'sections',
    vi: 'Các mục (mỗi mục một màn hình trên điện thoại), theo thứ tự; câu hỏi của mục là các dòng của trang questions có cột section bằng mã mục',
    en: 'Sections (one phone screen each), in order; a section’s questions are the questions rows naming it',
    columns: [
      col('code', true, 'Mã mục', 'Section code', 'B3'),
      col('title_vi', true, 'Tiêu đề (tiếng Việt)', 'Title (Vietnamese)', 'Công chức trực tiếp giải quyết công việc'),
      col('title_en', false, 'Tiêu đề (tiếng Anh)', 'Title (English)', 'Civil servants'),
      col('description_vi', false, 'Mô tả (tiếng Việt)', 'Description (Vietnamese)'),
      col('description_en', false, 'Mô tả (tiếng Anh)', 'Description (English)'),
      col('show_if', false, 'Tên điều kiện: cả mục chỉ hiện khi điều kiện đúng', 'Skip rule: the whole section is asked only when it holds', 'dk_1'),
    ],
  },
  {
    name: 'elements',
    vi: 'Các yếu tố (A1…B5) theo thứ tự; tiêu chí của yếu tố là các câu satisfaction có cột element bằng mã yếu tố',
    en: 'Elements (A1…B5) in order; an element’s items are the satisfaction questions naming it',
    columns: [
      col('code', true, 'Mã yếu tố: một chữ in hoa rồi chữ số', 'Element code: a capital letter, then digits', 'B3'),
      col('part', true, 'Mã phần (trang parts) chứa yếu tố', 'The part it belongs to (sheet parts)', 'service'),
      col('label_vi', true, 'Tên yếu tố (tiếng Việt)', 'Label (Vietnamese)', 'Công chức trực tiếp giải quyết công việc'),
      col('label_en', false, 'Tên yếu tố (tiếng Anh)', 'Label (English)', 'Civil servants'),
      col('weight', false, 'Trọng số trong phần (trống = bằng nhau)', 'Weight within its part (empty = equal)', ''),
    ],
  },
  {
    name: 'parts',
    vi: 'Các phần (chính sách, dịch vụ); yếu tố của phần là các dòng của trang elements có cột part bằng mã phần',
    en: 'Parts (policy, service); a part’s elements are the elements rows naming it',
    columns: [
      col('code', true, 'Mã phần', 'Part code', 'service'),
      col('label_vi', true, 'Tên phần (tiếng Việt)', 'Label (Vietnamese)', 'Cung ứng dịch vụ hành chính công'),
      col('label_en', false, 'Tên phần (tiếng Anh)', 'Label (English)', 'Public administrative service delivery'),
      col('weight', false, 'Trọng số trong chỉ số chung (trống = không tính vào chỉ số chung)', 'Weight in the overall index (empty = not in it)', '0.4'),
    ],
  },
];

export const GUIDE_SHEET = 'Hướng dẫn';
