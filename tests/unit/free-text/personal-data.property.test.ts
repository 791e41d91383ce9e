/**
 * Personal data in free answers is masked whatever form it takes; ordinary comments stay readable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, MASKS, maskPersonalData } from '../../../analysis/free-text/personal-data.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom('', ' ', '.', '-', ' . ');

/** A Vietnamese mobile number as people write it: 0 or +84 / 84, digits grouped by spaces, dots or dashes. */
const phone = fc
  .tuple(
    fc.constantFrom('0', '+84', '84', '+84 ', '(+84) ', '(0'),
    fc.constantFrom('3', '5', '7', '8', '9'),
    digits(8),
    fc.array(separator, { minLength: 3, maxLength: 3 }),
  )
  .map(([prefix, network, rest, [a, b, c]]) =>
    `${prefix}${network}${rest.slice(0, 2)}${a}${rest.slice(2, 4)}${b}${rest.slice(4, 6)}${c}${rest.slice(6)}`.replace('(0', '(0)'),
  );
const identityNumber = fc.oneof(
  digits(9),
  digits(12),
  digits(12).map((d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 9)} ${d.slice(9)}`),
);
const local = fc.stringMatching(/^[a-z][a-z0-9._]{0,15}$/);
const email = fc
  .tuple(local, fc.constantFrom('gmail.com', 'yahoo.com.vn', 'dn.gov.vn', 'x.vn'), fc.constantFrom('@', ' @ ', '(at)'))
  .map(([l, d, at]) => `${l}${at}${d}`);

/** Words of ordinary comments: lower case, no digits, no form of address or place word. */
const plainWord = fc.constantFrom(
  'thủ',
  'tục',
  'nhanh',
  'chậm',
  'hài',
  'lòng',
  'phòng',
  'chờ',
  'chật',
  'hồ',
  'sơ',
  'rất',
  'tốt',
  'cần',
  'thêm',
  'ghế',
  'mong',
  'được',
  'hướng',
  'dẫn',
  'tận',
  'tình',
);
const plainText = fc.array(plainWord, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const around = fc.tuple(plainText, plainText);

const GIVEN = ['Lan', 'Minh', 'Hùng', 'Thảo', 'Tuấn', 'Hoa', 'Sơn', 'Nga', 'Dũng', 'Hương'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Quốc', 'Minh', 'Ngọc', 'Đức'];
const fullName = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)).map((p) => p.join(' '));
const anyName = fc.oneof(fullName, fc.constantFrom(...GIVEN));
const addressing = fc.constantFrom('anh', 'chị', 'ông', 'bà', 'Anh', 'Chị', 'cô', 'chú', 'em', 'cán bộ', 'đồng chí', 'tôi là', 'Tôi là', 'tên tôi là', 'tên');

const digitsOf = (s: string) => s.replace(/\D/g, '');
/** Runs of 7 or more digits left in a text, separators ignored. */
const longDigitRuns = (s: string) => (s.match(/\d(?:[ .\-()]{0,3}\d)*/g) ?? []).map(digitsOf).filter((d) => d.length >= 7);

describe('masking personal data in free answers', () => {
  it('masks every Vietnamese phone number, in 0… and +84 forms, grouped by spaces, dots or dashes, wherever it stands', () => {
    fc.assert(
      fc.property(phone, around, (number, [before, after]) => {
        const masked = maskPersonalData(`${before} sđt ${number} ${after}`);
        expect(longDigitRuns(masked)).toEqual([]);
        expect(masked).not.toContain(digitsOf(number).slice(-7));
        expect(masked).toMatch(/\[(SĐT|SỐ GIẤY TỜ|SỐ)\]/);
      }),
      { numRuns: 400 },
    );
  });

  it('masks identity-card numbers of 9 (CMND) and 12 digits (CCCD)', () => {
    fc.assert(
      fc.property(identityNumber, around, fc.constantFrom('CCCD', 'cmnd', 'số căn cước', ''), (id, [before, after], label) => {
        const masked = maskPersonalData(`${before} ${label} ${id}, ${after}`);
        expect(longDigitRuns(masked)).toEqual([]);
      }),
    );
  });

  it('masks e-mail addresses, also written with spaces or (at)', () => {
    fc.assert(
      fc.property(email, around, (address, [before, after]) => {
        const masked = maskPersonalData(`${before} ${address} ${after}`);
        expect(masked).toContain(MASKS.email);
        expect(masked).not.toMatch(/@|\(at\)/);
      }),
    );
  });

  it('masks a name after a form of address or "tôi là", and any full Vietnamese name', () => {
    fc.assert(
      fc.property(addressing, anyName, around, (title, name, [before, after]) => {
        const masked = maskPersonalData(`${before} ${title} ${name} ${after}`.trim());
        for (const part of name.split(' ')) expect(masked.split(/[^\p{L}]+/u)).not.toContain(part);
        expect(masked).toContain(MASKS.name);
      }),
    );
    fc.assert(
      fc.property(fullName, around, (name, [before, after]) => {
        const masked = maskPersonalData(`${before} ${name} ${after}`.trim());
        expect(masked).not.toContain(name);
      }),
    );
  });

  it('masks a name written in lower case after "họ tên:"', () => {
    expect(maskPersonalData('họ tên: nguyễn thị hoa. Thủ tục nhanh')).toBe('họ tên: [HỌ TÊN]. Thủ tục nhanh');
  });

  it('masks addresses: house number and street, hamlet, ward or commune, and what follows "địa chỉ"', () => {
    const cases: Array<[string, string]> = [
      ['nhà ở số 12 đường Lê Lợi, phường Nghĩa Thành', 'nhà ở [ĐỊA CHỈ]'],
      ['tôi ở thôn 3 xã Đắk Ha, huyện Đắk Glong', 'tôi ở [ĐỊA CHỈ]'],
      ['Địa chỉ: 45/7 hẻm 12 Trần Hưng Đạo; cảm ơn', 'Địa chỉ: [ĐỊA CHỈ]; cảm ơn'],
      ['nhà em ở ấp Tân Hòa', 'nhà em ở [ĐỊA CHỈ]'],
      ['buôn Buôr, tổ dân phố 5', '[ĐỊA CHỈ]'],
    ];
    for (const [text, masked] of cases) expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps ordinary comments, sums of money and dates readable', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(maskPersonalData(text)).toBe(text);
      }),
    );
    for (const text of [
      'Phải nộp thêm 2.000.000 đồng ngoài lệ phí',
      'Ngày 12.05.2024 tôi nộp hồ sơ, hẹn 15 ngày',
      'Cán bộ xã làm việc chậm, phòng chờ chật',
      'Bộ phận Một cửa của Ủy ban nhân dân rất tốt. Cảm ơn Ông/Bà',
      'Kinh',
      'Ê Đê',
      'Thái độ phục vụ tốt, chờ đến số 15 mới được gọi',
      'Mong được giải quyết cả vào Thứ Bảy',
      'Đề nghị UBND xem xét, nộp 2.500.000đ phí',
    ])
      expect(maskPersonalData(text)).toBe(text);
  });

  it('is idempotent, never lengthens a clean text and never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.tuple(plainText, phone, fullName, email).map((p) => p.join(' ')),
        ),
        (text) => {
          const once = maskPersonalData(text);
          expect(maskPersonalData(once)).toBe(once);
          if (findPersonalData(text).length === 0) expect(once).toBe(text.normalize('NFC'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the same data in NFD text as in NFC', () => {
    const text = 'Tôi là Nguyễn Thị Hoa, ở thôn Đắk Ha';
    expect(maskPersonalData(text.normalize('NFD'))).toBe(maskPersonalData(text));
  });

  it('masks long hostile inputs without hanging', () => {
    const hostile = ['Anh '.repeat(20_000), '1 '.repeat(20_000), 'a@'.repeat(20_000), `${'Nguyễn '.repeat(10_000)}x`, 'địa chỉ '.repeat(5000)];
    for (const text of hostile) expect(typeof maskPersonalData(text)).toBe('string');
  });
});
