/**
 * Paper forms keyed elsewhere, imported from the platform's own template (CSV or XLSX). Every row
 * is checked against the questionnaire version and every problem reported at once; the import
 * stores all rows or none, and re-importing the same file adds nothing.
 */
import { answersSchema, compactAnswers, type AnswerMap } from '../../analysis/questionnaire/answers-schema.ts';
import type { Question, QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { formatIssue } from '../../analysis/questionnaire/issue-messages.ts';
import { applicableQuestions } from '../../analysis/questionnaire/skip.ts';
import { scaleOf } from '../../analysis/questionnaire/structure.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findForms, insertForms, markFormVerified } from '../../db/queries/paper.ts';
import { findQuestionnaire } from '../../db/queries/questionnaires.ts';
import { findResponse, insertStaffResponse } from '../../db/queries/responses.ts';
import type { TableRecord } from '../files/tables.ts';
import { newPaperResponseId } from './double-entry.ts';
import { localityChain, type LocalityChain } from './localities.ts';
import { roundOrFail } from './paper-forms.ts';
import { responseRow, sha256Json } from './response-row.ts';

export const NOT_APPLICABLE = 'NA';
export const MULTI_SEPARATOR = '|';

export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** The template's columns: serial, locality, then every question in questionnaire order. */
export function templateColumns(def: QuestionnaireDefinition): string[] {
  const order = def.sections.flatMap((s) => s.questions);
  return ['serial', 'locality', ...order];
}

function describeValues(def: QuestionnaireDefinition, q: Question): string {
  if (q.type === 'text') return `chữ tự do (tối đa ${q.maxLength ?? 2000} ký tự)`;
  const options = (scaleOf(def, q)?.options ?? []).map((o) => `${o.value} = ${o.label.vi}`).join('; ');
  return q.type === 'multi' ? `${options} (nhiều lựa chọn, cách nhau bởi "${MULTI_SEPARATOR}")` : options;
}

/** One codebook row per column: what it holds and the values it takes. */
export function codebook(def: QuestionnaireDefinition): string[][] {
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  return [
    ['serial', 'Số sê-ri in trên phiếu', 'số nguyên dương', ''],
    ['locality', 'Mã đơn vị hành chính nơi phát phiếu (huyện hoặc xã)', 'mã đơn vị', ''],
    ...templateColumns(def).slice(2).map((code) => {
      const q = byCode.get(code)!;
      const skip = q.showIf ? 'Chỉ trả lời khi: ' + JSON.stringify(q.showIf) : '';
      const section = def.sections.find((s) => s.questions.includes(code));
      const sectionSkip = section?.showIf ? 'Phần này chỉ dành cho: ' + JSON.stringify(section.showIf) : '';
      return [code, q.text.vi, describeValues(def, q) + ` ; để trống = không trả lời; ${NOT_APPLICABLE} = không áp dụng`, [skip, sectionSkip].filter(Boolean).join(' ')];
    }),
  ];
}

function cellValue(def: QuestionnaireDefinition, q: Question, text: string): AnswerMap[string] {
  if (q.type === 'text') return text;
  const numeric = scaleOf(def, q)?.options.some((o) => typeof o.value === 'number');
  const convert = (v: string) => (numeric && /^-?\d+$/.test(v) ? Number(v) : v);
  return q.type === 'multi' ? text.split(MULTI_SEPARATOR).map((v) => convert(v.trim())).filter((v) => v !== '') : convert(text);
}

export interface ImportedForm {
  row: number;
  serial: number;
  locality: string;
  profile: AnswerMap;
  answers: AnswerMap;
}

export function checkImportRows(def: QuestionnaireDefinition, records: TableRecord[]): { forms: ImportedForm[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const forms: ImportedForm[] = [];
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  const known = new Set(templateColumns(def));
  // Paper forms keyed elsewhere: a question left blank on the paper is missing, even a required one.
  const schema = answersSchema(def, { requireAnswers: false });
  const serialRows = new Map<number, number>();
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  for (const column of header.filter((c) => !known.has(c))) {
    problems.push({ row: 1, column, value: column, reason: 'cột không có trong mẫu của phiên bản phiếu này' });
  }
  records.forEach((record, index) => {
    const row = index + 2;
    const problem = (column: string, reason: string) => problems.push({ row, column, value: record[column] ?? '', reason });
    const serialText = record.serial ?? '';
    const serial = /^\d{1,9}$/.test(serialText) ? Number(serialText) : NaN;
    if (!Number.isInteger(serial) || serial <= 0) problem('serial', 'số sê-ri phải là số nguyên dương');
    else if (serialRows.has(serial)) problem('serial', `trùng số sê-ri với dòng ${serialRows.get(serial)}`);
    else serialRows.set(serial, row);
    if (!record.locality) problem('locality', 'thiếu mã đơn vị hành chính');

    const raw: { profile: Record<string, unknown>; answers: Record<string, unknown> } = { profile: {}, answers: {} };
    const markedNotApplicable: string[] = [];
    for (const [column, text] of Object.entries(record)) {
      const q = byCode.get(column);
      if (!q || text === '') continue;
      if (text.toUpperCase() === NOT_APPLICABLE) markedNotApplicable.push(column);
      else raw[q.role === 'profile' ? 'profile' : 'answers'][column] = cellValue(def, q, text);
    }
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(String(issue.path[1] ?? issue.path[0]), formatIssue(issue, 'vi'));
      return;
    }
    const answers = { ...parsed.data.profile, ...parsed.data.answers };
    const applicable = applicableQuestions(def, answers);
    for (const column of markedNotApplicable.filter((c) => applicable.has(c))) {
      problem(column, `${NOT_APPLICABLE} chỉ dùng cho câu không áp dụng theo logic bỏ qua; câu này áp dụng — để trống nếu không trả lời`);
    }
    forms.push({ row, serial, locality: record.locality, profile: compactAnswers(parsed.data.profile), answers: compactAnswers(parsed.data.answers) });
  });
  return { forms, problems };
}

export async function importResponses(
  db: Database,
  actorId: number | null,
  roundCode: string,
  records: TableRecord[],
): Promise<{ problems: ImportProblem[]; imported: number; unchanged: number }> {
  const round = await roundOrFail(db, roundCode);
  const def = await findQuestionnaire(db, round.questionnaireVersion);
  if (!def) throw new Error(`questionnaire ${round.questionnaireVersion} is missing`);
  const { forms, problems } = checkImportRows(def, records);

  const chains = new Map<string, LocalityChain | undefined>();
  for (const code of new Set(forms.map((f) => f.locality))) chains.set(code, await localityChain(db, code));
  for (const f of forms) {
    const chain = chains.get(f.locality);
    if (!chain) problems.push({ row: f.row, column: 'locality', value: f.locality, reason: 'không tìm thấy đơn vị hành chính' });
    else if (chain.province !== round.provinceCode) problems.push({ row: f.row, column: 'locality', value: f.locality, reason: `không thuộc tỉnh của đợt khảo sát (${round.provinceCode})` });
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.row - b.row), imported: 0, unchanged: 0 };

  return db.transaction(async (tx) => {
    const existingForms = new Map((await findForms(tx, round.id, forms.map((f) => f.serial))).map((f) => [f.serial, f]));
    let imported = 0;
    let unchanged = 0;
    const late: ImportProblem[] = [];
    for (const f of forms) {
      const contentHash = sha256Json({ serial: f.serial, profile: f.profile, answers: f.answers });
      const form = existingForms.get(f.serial);
      // A form already stored is recognised by the response its record points at, never by an id
      // derived from round and serial (which anyone could compute and occupy).
      const stored = form?.responseId ? await findResponse(tx, form.responseId) : undefined;
      if (stored) {
        if (stored.contentHash === contentHash) unchanged += 1;
        else late.push({ row: f.row, column: 'serial', value: String(f.serial), reason: 'phiếu số này đã được lưu với nội dung khác' });
        continue;
      }
      if (form && !['issued', 'returned'].includes(form.status)) {
        late.push({ row: f.row, column: 'serial', value: String(f.serial), reason: `phiếu đang được nhập liệu trên hệ thống (${form.status})` });
        continue;
      }
      if (form && form.localityCode !== f.locality) {
        late.push({ row: f.row, column: 'locality', value: f.locality, reason: `phiếu số này được phát cho đơn vị ${form.localityCode}` });
        continue;
      }
      if (!form) await insertForms(tx, round.id, f.locality, [f.serial]);
      const id = newPaperResponseId();
      if (!(await markFormVerified(tx, round.id, f.serial, id, ['issued', 'returned']))) {
        late.push({ row: f.row, column: 'serial', value: String(f.serial), reason: 'phiếu số này vừa được lưu bởi một thao tác khác' });
        continue;
      }
      await insertStaffResponse(tx, responseRow(def, { id, round, channel: 'paper', locality: chains.get(f.locality)!, profile: f.profile, answers: f.answers, contentHash }));
      imported += 1;
    }
    if (late.length > 0) {
      // All or nothing: throwing rolls back every row stored above.
      throw new ImportRejected(late);
    }
    await recordAudit(tx, [{ userId: actorId, action: 'import_responses', entity: 'round', entityId: round.code, newValue: { imported, unchanged, rows: forms.length } }]);
    return { problems: [], imported, unchanged };
  }).catch((error: unknown) => {
    if (error instanceof ImportRejected) return { problems: error.problems, imported: 0, unchanged: 0 };
    throw error;
  });
}

class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}
