/**
 * Validation issues in words, Vietnamese first. zod's own codes use zod's locales; the reasons
 * our questionnaire rules add have their own catalogue.
 */
import { z } from 'zod';
import type { AnswerIssueReason } from './answers-schema.ts';

export type Language = 'vi' | 'en';

const reasons: Record<AnswerIssueReason, Record<Language, (q: string) => string>> = {
  not_an_answer: {
    vi: (q) => `Câu trả lời cho "${q}" phải là chữ, số nguyên hoặc danh sách các giá trị đó`,
    en: (q) => `The answer to "${q}" must be text, a whole number or a list of these`,
  },
  unknown_question: {
    vi: (q) => `Câu hỏi "${q}" không có trong phiếu khảo sát này`,
    en: (q) => `Question "${q}" is not part of this questionnaire`,
  },
  wrong_group: {
    vi: (q) => `Câu "${q}" đặt sai nhóm (thông tin cá nhân hay câu trả lời)`,
    en: (q) => `Question "${q}" is in the wrong group (profile or answers)`,
  },
  not_applicable: {
    vi: (q) => `Câu "${q}" không áp dụng với người trả lời này theo logic bỏ qua của phiếu, không được trả lời`,
    en: (q) => `Question "${q}" does not apply to this respondent (skip logic) and must not be answered`,
  },
  required: {
    vi: (q) => `Câu "${q}" là bắt buộc`,
    en: (q) => `Question "${q}" is required`,
  },
  forbidden_character: {
    vi: (q) => `Trường "${q}" chứa ký tự không hợp lệ (ký tự NUL hoặc mã UTF-16 không trọn vẹn)`,
    en: (q) => `Field "${q}" contains a character that cannot be stored (NUL or a broken UTF-16 pair)`,
  },
  too_deep: {
    vi: (q) => `Dữ liệu tại "${q}" lồng nhau quá sâu`,
    en: (q) => `The data at "${q}" is nested too deeply`,
  },
  duplicate_choice: {
    vi: (q) => `Câu "${q}" có lựa chọn bị lặp lại`,
    en: (q) => `Question "${q}" lists the same choice twice`,
  },
};

type Issue = z.core.$ZodIssue;

/** zod words an infinite number as "expected number, received number"; 1e400 in JSON or a query reads as Infinity. */
const notFinite: Record<Language, string> = { vi: 'Số quá lớn (không hữu hạn)', en: 'The number is too large (not finite)' };

export function formatIssue(issue: Issue, language: Language): string {
  if (issue.code === 'invalid_type' && typeof issue.input === 'number' && Math.abs(issue.input) === Infinity) return notFinite[language];
  const reason = issue.code === 'custom' ? (issue.params?.reason as AnswerIssueReason | undefined) : undefined;
  if (issue.code === 'custom' && reason && reason in reasons) {
    return reasons[reason][language](String(issue.params?.question ?? issue.path.at(-1) ?? ''));
  }
  const worded = z.locales[language]().localeError(issue as never);
  if (typeof worded === 'string') return worded;
  return worded?.message ?? issue.message ?? 'invalid';
}

export function issuePath(issue: Issue): string {
  return issue.path.map(String).join('.');
}
