/**
 * Personal data in citizens' free answers — phone numbers, identity-card numbers, e-mail
 * addresses, people's names and home addresses — found and masked before a reader without the
 * right to see it reads the text (server/domain/free-text/) or downloads it (microdata, the free
 * answers file). The survey asks for none of it, yet people write "chị Lan ở quầy 3, sđt 0912…".
 *
 * The rules are deliberately greedy: masking a place name or a long number that was harmless costs
 * an analyst a word; leaking a phone number breaks the promise that responses are anonymous.
 * - numbers: any run of 7 or more digits, separated at most by spaces, dots, dashes or brackets
 *   (phones in 0… and +84 forms, CMND 9 and CCCD 12 digits, bank accounts), except a date
 *   (12.05.2024) and a sum of money written as such (2.000.000 đồng);
 * - e-mail: any word with an @ (or "(at)") in it;
 * - names: capitalised words after a form of address or a label (anh, chị, ông, bà, cô, chú, em,
 *   cán bộ, đồng chí, tôi là, tên …), after "họ tên:" whatever their case, a Vietnamese surname
 *   followed by a capitalised word, three capitalised words in a row, and any capitalised word in
 *   the middle of a sentence (Vietnamese capitalises little but proper names);
 * - addresses: a house number, or a street, hamlet, ward or commune word (số nhà, đường, phố, ngõ,
 *   hẻm, thôn, xóm, ấp, buôn, tổ, khu phố, phường, xã, huyện …) followed by a number or a name,
 *   and the rest of the clause after "địa chỉ", "trú tại", "nhà tôi ở".
 * Pure: strings in, strings out (NFC).
 */

export const personalDataKinds = ['phone', 'id_number', 'number', 'email', 'name', 'address'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

export interface PersonalDataSpan {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

/** What a reader without the right sees in place of each kind (Vietnamese: the text is). */
export const MASKS: Record<PersonalDataKind, string> = {
  phone: '[SĐT]',
  id_number: '[SỐ GIẤY TỜ]',
  number: '[SỐ]',
  email: '[EMAIL]',
  name: '[HỌ TÊN]',
  address: '[ĐỊA CHỈ]',
};

/** A word of any case variant a writer may use: lower, Capitalised, UPPER. */
function variants(words: readonly string[], lower = true): string {
  const all = new Set<string>();
  for (const w of words) {
    if (lower) all.add(w);
    all.add(w.charAt(0).toUpperCase() + w.slice(1));
    all.add(w.toUpperCase());
  }
  // Longest first, so that "tổ dân phố" wins over "tổ".
  return [...all]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** A capital letter after a space: every name pattern needs one (a name at the very start is caught only after a label). */
const INNER_CAPITAL = /\s\p{Lu}/u;
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
/** A capitalised word, hyphens and apostrophes inside (H'Hen, Y-Moan), or an upper-case word. */
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}]*(?:['’\\-]\\p{L}[\\p{L}\\p{M}]*)*";
const NAME = `${CAP_WORD}(?:[ \\t]+${CAP_WORD}){0,5}`;
/** Capitalised and then lower case (not an acronym such as UBND or a shouted word). */
const TITLE_WORD = '\\p{Lu}[\\p{Ll}\\p{M}]+';

const ADDRESSING = variants([
  'anh',
  'chị',
  'ông',
  'bà',
  'cô',
  'chú',
  'bác',
  'em',
  'cháu',
  'cậu',
  'dì',
  'bạn',
  'đồng chí',
  'đ/c',
  'cán bộ',
  'công chức',
  'viên chức',
  'chuyên viên',
  'nhân viên',
  'lãnh đạo',
  'giám đốc',
  'trưởng phòng',
  'chủ tịch',
  'tôi là',
  'tôi tên',
  'tôi tên là',
  'em là',
  'mình là',
  'cháu là',
  'tên',
  'tên là',
  'tên tôi là',
  'gia đình',
  'mr',
  'mrs',
  'ms',
]);
/** Labels after which whatever follows is a name, whatever its case: "họ tên: nguyễn văn a". */
const NAME_LABELS = variants(['họ tên', 'họ và tên', 'tên', 'tên tôi', 'người khai', 'người nộp', 'người trả lời']);

const SURNAMES = variants(
  [
    'nguyễn',
    'trần',
    'lê',
    'phạm',
    'hoàng',
    'huỳnh',
    'phan',
    'vũ',
    'võ',
    'đặng',
    'bùi',
    'đỗ',
    'hồ',
    'ngô',
    'dương',
    'lý',
    'đào',
    'đoàn',
    'vương',
    'trịnh',
    'trương',
    'lâm',
    'phùng',
    'mai',
    'tô',
    'hà',
    'tạ',
    'lương',
    'cao',
    'đinh',
    'lưu',
    'quách',
    'thái',
    'kiều',
    'châu',
    'la',
    'triệu',
    'hứa',
    'chu',
    'tăng',
    'khổng',
    'doãn',
    'lại',
    'nông',
    'y',
    'ksor',
    'nay',
    'rơ',
  ],
  false,
);

const PLACES = variants([
  'số nhà',
  'nhà số',
  'đường',
  'phố',
  'ngõ',
  'ngách',
  'hẻm',
  'kiệt',
  'thôn',
  'xóm',
  'ấp',
  'bản',
  'buôn',
  'bon',
  'làng',
  'sóc',
  'tổ dân phố',
  'tổ',
  'khu phố',
  'khu dân cư',
  'khu',
  'khối',
  'phường',
  'xã',
  'thị trấn',
  'thị xã',
  'quận',
  'huyện',
  'thành phố',
  'tp',
  'tp.',
  'tỉnh',
  'lô',
  'căn hộ',
  'chung cư',
  'tòa nhà',
  'km',
]);
/** After these, the rest of the clause is an address. */
const ADDRESS_LABELS = variants(['địa chỉ', 'đ/c', 'trú tại', 'thường trú', 'tạm trú', 'cư trú tại', 'nhà tôi ở', 'sống tại', 'ở tại']);

const HOUSE_NUMBER = '\\d+\\p{L}?(?:[\\/\\-]\\d+\\p{L}?)*';

/**
 * Each pattern's first group is the data. A pattern starts at the beginning or after a character
 * that is not part of a word (consumed rather than looked behind for: V8 then finds candidates by
 * their first character, some ten times faster). `whole`: the data is a capitalised phrase, which
 * may be an ordinary capitalised word (COMMON_CAPITALISED).
 */
const START = '(?:^|[^\\p{L}\\p{M}\\p{N}])';
const patterns: Array<{ kind: PersonalDataKind; re: RegExp; whole?: boolean; needs?: RegExp }> = [
  { kind: 'email', re: /([^\s@]*[^\s@[\]]\s?(?:@|\(at\)|\[at\])\s?[^\s@[][^\s@]*|(?:@|\(at\))[^\s@[][^\s@]*)/dgu, needs: /@|\(at\)|\[at\]/u },
  { kind: 'name', re: new RegExp(`${START}(?:${NAME_LABELS})\\s*:\\s*([^\\n.,;:!?()\\[\\]]{1,60})`, 'dgu'), needs: /:/u },
  { kind: 'name', re: new RegExp(`${START}(?:${ADDRESSING})\\s+(${NAME})${WORD_END}`, 'dgu'), needs: INNER_CAPITAL },
  { kind: 'name', re: new RegExp(`${START}((?:${SURNAMES})(?:[ \\t]+${CAP_WORD})+)${WORD_END}`, 'dgu'), whole: true, needs: INNER_CAPITAL },
  { kind: 'name', re: new RegExp(`${START}(${TITLE_WORD}(?:[ \\t]+${TITLE_WORD}){2,})${WORD_END}`, 'dgu'), whole: true, needs: INNER_CAPITAL },
  // A capitalised word inside a sentence: after a lower-case word, a digit or a comma.
  { kind: 'name', re: new RegExp(`(?<=[\\p{Ll}\\p{M}\\d,;)][ \\t]+)(${NAME})${WORD_END}`, 'dgu'), whole: true, needs: INNER_CAPITAL },
  { kind: 'address', re: new RegExp(`${START}(?:${ADDRESS_LABELS})\\s*:?\\s*([^\\n.;!?()\\[\\]]{1,80})`, 'dgu') },
  {
    kind: 'address',
    re: new RegExp(`${START}((?:${PLACES})\\.?\\s*(?:${HOUSE_NUMBER}(?:[ \\t]+${NAME})?|${NAME}))${WORD_END}`, 'dgu'),
    needs: /[\d\p{Lu}]/u,
  },
  // "số 12 Lê Lợi", "số 5, đường …": a number is a house number when a name or a place follows it.
  { kind: 'address', re: new RegExp(`${START}((?:${variants(['số'])})\\s*${HOUSE_NUMBER})(?=[ \\t,]+(?:\\p{Lu}|${PLACES}))`, 'dgu'), needs: /\d/u },
];

/** Ordinary words that a sentence capitalises without naming anyone. */
const COMMON_CAPITALISED = new Set(
  [
    'Ông',
    'Bà',
    'Anh',
    'Chị',
    'Em',
    'Cô',
    'Chú',
    'Bác',
    'Ông/Bà',
    'Nhà',
    'Nước',
    'Nhà nước',
    'Đảng',
    'Chính',
    'Phủ',
    'Việt',
    'Nam',
    'Việt Nam',
    'Một',
    'Cửa',
    'UBND',
    'HĐND',
    'CCCD',
    'CMND',
    'BHYT',
    'BHXH',
    'TTHC',
    'VNeID',
    'OK',
    'I',
    'Ủy',
    'Uỷ',
    'Ban',
    'Sở',
    'Bộ',
    'Phòng',
    'Bưu',
    'Điện',
    'Tỉnh',
    'Huyện',
    'Xã',
    'Phường',
    'Nhân',
    'Dân',
    'Tòa',
    'Viện',
    'Bệnh',
    'Trường',
    'Hội',
    'Zalo',
    'Facebook',
    'Thứ Hai',
    'Thứ Ba',
    'Thứ Tư',
    'Thứ Năm',
    'Thứ Sáu',
    'Thứ Bảy',
    'Chủ Nhật',
    'Chủ nhật',
    'Thứ',
    'Internet',
    'Tết',
    'Công an',
  ].map((w) => w.normalize('NFC')),
);

const DIGIT_RUN = /(?:\+|\(\+?)?\d(?:[ \t.\-()]{0,3}\d)*/gu;
const MONEY = /^[1-9]\d{0,2}(?:[.,]\d{3})+$/u;
const MONEY_WORD = /^\s*(?:đ|đồng|vnđ|vnd|₫|nghìn|ngàn|triệu|tỷ|k|tr)(?![\p{L}\p{M}])/iu;
const DATE = /^\d{1,2}[.-]\d{1,2}[.-](?:\d{2}|\d{4})$/u;

function numberKind(run: string): PersonalDataKind {
  const digits = run.replace(/\D/g, '');
  if (/^(?:\+|\(\+)?84/.test(run.replace(/\s/g, '')) || (digits.startsWith('0') && digits.length === 10)) return 'phone';
  if (digits.length === 9 || digits.length === 12) return 'id_number';
  if (digits.length === 10 || digits.length === 11) return 'phone';
  return 'number';
}

function numberSpans(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0].replace(/[ \t.\-(]+$/u, '');
    const digits = run.replace(/\D/g, '').length;
    if (digits < 7) continue;
    const after = text.slice(m.index + run.length, m.index + run.length + 12);
    if (MONEY.test(run) && MONEY_WORD.test(after)) continue;
    if (DATE.test(run)) continue;
    spans.push({ start: m.index, end: m.index + run.length, kind: numberKind(run) });
  }
  return spans;
}

/** Every piece of personal data found, in order, overlapping ones joined. */
export function findPersonalData(input: string): PersonalDataSpan[] {
  const text = input.normalize('NFC');
  const found: PersonalDataSpan[] = numberSpans(text);
  for (const { kind, re, whole, needs } of patterns) {
    if (needs && !needs.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const part = m[1];
      const at = m.indices?.[1];
      if (part === undefined || at === undefined || part.trim() === '') continue;
      const trimmed = part.replace(/\s+$/u, '');
      if (whole && COMMON_CAPITALISED.has(trimmed)) continue;
      found.push({ start: at[0], end: at[0] + trimmed.length, kind });
    }
  }
  return joined(found, text);
}

const RANK: Record<PersonalDataKind, number> = { email: 6, phone: 5, id_number: 4, number: 3, address: 2, name: 1 };

/**
 * Overlapping spans become one, named after the most telling kind among them; so do the pieces of
 * one address ("số 12 đường Lê Lợi, phường Nghĩa Thành"), which only spaces and commas separate.
 */
function joined(spans: PersonalDataSpan[], text: string): PersonalDataSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalDataSpan[] = [];
  const onePlace = (a: PersonalDataSpan, b: PersonalDataSpan) =>
    a.kind === 'address' && b.kind === 'address' && /^[\s,\-–]*$/u.test(text.slice(a.end, b.start));
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && (span.start <= last.end || onePlace(last, span))) {
      last.end = Math.max(last.end, span.end);
      if (RANK[span.kind] > RANK[last.kind]) last.kind = span.kind;
    } else out.push({ ...span });
  }
  return out;
}

/** The text with each piece of personal data replaced by what kind it was: "[SĐT]", "[HỌ TÊN]" … */
export function maskPersonalData(input: string): string {
  const text = input.normalize('NFC');
  const spans = findPersonalData(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + MASKS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}
