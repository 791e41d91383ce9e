/**
 * Paper forms keyed elsewhere, imported from the platform's own template (CSV or XLSX). An import
 * obeys the paper-form lifecycle exactly as double entry does: a row is stored only for a serial
 * issued in that round, for the locality the row names, and marked returned — not a form handed
 * to keyers in a batch, being keyed, verified with other content, spoiled or never returned.
 * Every row is checked against the questionnaire version and against the forms (locked while the
 * import runs), every problem of the file is reported in one answer, nothing is stored unless all
 * rows are sound, and re-importing the same file adds nothing.
 */
import { answerGroup, textLimit } from '../../../analysis/questionnaire/answer-rules.ts';
import { answersSchema, compactAnswers, type AnswerMap } from '../../../analysis/questionnaire/answers-schema.ts';
import type { Question, QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { formatIssue } from '../../../analysis/questionnaire/issue-messages.ts';
import { applicableQuestions } from '../../../analysis/questionnaire/skip.ts';
import { scaleOf } from '../../../analysis/questionnaire/structure.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import { findBatch, findForms, lockForms, markFormsVerified, type PaperFormRow } from '../../../db/queries/paper.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { findResponses, insertServerResponses, type NewResponseRow } from '../../../db/queries/responses.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { rowProblem, type RowProblem } from '../../errors.ts';
import { detectFormat, readTable, uploadLimits, type Table } from '../../files/tables.ts';
import { newPaperResponseId } from '../paper-forms/double-entry.ts';
import { localityChain, type LocalityChain } from '../localities/localities.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import { responseRow, sha256Json } from '../responses/response-row.ts';
import { keyingRefusal } from '../rounds/keying-window.ts';

export const NOT_APPLICABLE = 'NA';
export const MULTI_SEPARATOR = '|';

export type ImportProblem = RowProblem;
export const REQUIRED_IMPORT_COLUMNS = ['serial', 'locality'] as const;

/** The template's columns: serial, locality, then every question in questionnaire order. */
export function templateColumns(def: QuestionnaireDefinition): string[] {
  const order = def.sections.flatMap((s) => s.questions);
  return ['serial', 'locality', ...order];
}

function describeValues(def: QuestionnaireDefinition, q: Question): string {
  if (q.type === 'text') return `chữ tự do (tối đa ${textLimit(q)} ký tự)`;
  const options = (scaleOf(def, q)?.options ?? []).map((o) => `${o.value} = ${o.label.vi}`).join('; ');
  return q.type === 'multi' ? `${options} (nhiều lựa chọn, cách nhau bởi "${MULTI_SEPARATOR}")` : options;
}

/** One codebook row per column: what it holds and the values it takes. */
export function codebook(def: QuestionnaireDefinition): string[][] {
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  return [
    ['serial', 'Số sê-ri in trên phiếu', 'số nguyên dương', ''],
    ['locality', 'Mã đơn vị hành chính nơi phát phiếu (huyện hoặc xã)', 'mã đơn vị', ''],
    ...templateColumns(def)
      .slice(2)
      .map((code) => {
        const q = byCode.get(code)!;
        const skip = q.showIf ? `Chỉ trả lời khi: ${JSON.stringify(q.showIf)}` : '';
        const section = def.sections.find((s) => s.questions.includes(code));
        const sectionSkip = section?.showIf ? `Phần này chỉ dành cho: ${JSON.stringify(section.showIf)}` : '';
        return [
          code,
          q.text.vi,
          `${describeValues(def, q)} ; để trống = không trả lời; ${NOT_APPLICABLE} = không áp dụng`,
          [skip, sectionSkip].filter(Boolean).join(' '),
        ];
      }),
  ];
}

function cellValue(def: QuestionnaireDefinition, q: Question, text: string): AnswerMap[string] {
  if (q.type === 'text') return text;
  const numeric = scaleOf(def, q)?.options.some((o) => typeof o.value === 'number');
  const convert = (v: string) => (numeric && /^-?\d+$/.test(v) ? Number(v) : v);
  return q.type === 'multi'
    ? text
        .split(MULTI_SEPARATOR)
        .map((v) => convert(v.trim()))
        .filter((v) => v !== '')
    : convert(text);
}

/** A row of the file as checked on its own: its serial and locality, and its answers when they are sound. */
export interface ImportedRow {
  row: number;
  serial?: number;
  locality: string;
  form?: { profile: AnswerMap; answers: AnswerMap; contentHash: string };
}

/** The import file as uploaded (CSV or XLSX), read within the import's limits. */
export function readResponsesTable(bytes: Buffer, nameOrType: string): Promise<Table> {
  return readTable(bytes, detectFormat(nameOrType, bytes), { limits: uploadLimits.responses, required: REQUIRED_IMPORT_COLUMNS });
}

/** Every row against the questionnaire version: values, skip logic, serials repeated in the file. */
export async function checkImportRows(def: QuestionnaireDefinition, table: Table): Promise<{ rows: ImportedRow[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const rows: ImportedRow[] = [];
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  const known = new Set(templateColumns(def));
  // Paper forms keyed elsewhere: a question left blank on the paper is missing, even a required one.
  const schema = answersSchema(def, { requireAnswers: false });
  const serialRows = new Map<number, number>();
  for (const column of table.header.filter((c) => !known.has(c))) {
    problems.push(
      rowProblem(1, column, column, 'cột không có trong mẫu của phiên bản phiếu này', "the column is not in this questionnaire version's template"),
    );
  }
  for (const [index, { row, cells: record }] of table.rows.entries()) {
    // Checking is CPU work: let other requests in every so often.
    if (index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    const problem = (column: string, vi: string, en: string) => problems.push(rowProblem(row, column, record[column] ?? '', vi, en));
    const serialText = record.serial ?? '';
    const serial = /^\d{1,9}$/.test(serialText) ? Number(serialText) : NaN;
    const imported: ImportedRow = { row, locality: record.locality ?? '' };
    if (!Number.isInteger(serial) || serial <= 0) problem('serial', 'số sê-ri phải là số nguyên dương', 'the serial must be a positive whole number');
    else if (serialRows.has(serial)) problem('serial', `trùng số sê-ri với dòng ${serialRows.get(serial)}`, `the serial repeats row ${serialRows.get(serial)}`);
    else {
      serialRows.set(serial, row);
      imported.serial = serial;
    }
    if (!imported.locality) problem('locality', 'thiếu mã đơn vị hành chính', 'the locality code is empty');
    rows.push(imported);

    const raw: { profile: Record<string, unknown>; answers: Record<string, unknown> } = { profile: {}, answers: {} };
    const markedNotApplicable: string[] = [];
    for (const [column, text] of Object.entries(record)) {
      const q = byCode.get(column);
      if (!q || text === '') continue;
      if (text.toUpperCase() === NOT_APPLICABLE) markedNotApplicable.push(column);
      else raw[answerGroup(q)][column] = cellValue(def, q, text);
    }
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(String(issue.path[1] ?? issue.path[0]), formatIssue(issue, 'vi'), formatIssue(issue, 'en'));
      continue;
    }
    const answers = { ...parsed.data.profile, ...parsed.data.answers };
    const applicable = applicableQuestions(def, answers);
    const misused = markedNotApplicable.filter((c) => applicable.has(c));
    for (const column of misused) {
      problem(
        column,
        `${NOT_APPLICABLE} chỉ dùng cho câu không áp dụng theo logic bỏ qua; câu này áp dụng — để trống nếu không trả lời`,
        `${NOT_APPLICABLE} is only for questions the skip logic leaves out; this one applies — leave it empty when unanswered`,
      );
    }
    if (misused.length > 0 || imported.serial === undefined) continue;
    const profile = compactAnswers(parsed.data.profile);
    const given = compactAnswers(parsed.data.answers);
    // The same content hash as double entry gives the same form: keyed or imported, it is one response.
    imported.form = { profile, answers: given, contentHash: sha256Json({ serial, profile, answers: given }) };
  }
  return { rows, problems };
}

/** Why a form in this state cannot be imported (undefined: it can, or it is verified and compared below). */
function lifecycleProblem(form: PaperFormRow, batchCode: string | undefined): [string, string] | undefined {
  switch (form.status) {
    case 'returned':
      return form.batchId === null
        ? undefined
        : [
            `phiếu số ${form.serial} đã được giao cho lô ${batchCode ?? form.batchId} để nhập liệu hai lần; nhập tại đó hoặc bỏ phiếu khỏi tệp`,
            `form ${form.serial} is assigned to batch ${batchCode ?? form.batchId} for double entry; key it there or leave it out of the file`,
          ];
    case 'issued':
      return [
        `phiếu số ${form.serial} chưa được đánh dấu đã thu về; đánh dấu "đã thu về" trước khi nhập`,
        `form ${form.serial} is not marked returned; mark it returned before importing`,
      ];
    case 'keyed_once':
    case 'keyed_twice':
      return [
        `phiếu số ${form.serial} đang được nhập liệu hai lần (lô ${batchCode ?? form.batchId})`,
        `form ${form.serial} is being double-keyed (batch ${batchCode ?? form.batchId})`,
      ];
    case 'spoiled':
      return [`phiếu số ${form.serial} đã bị đánh dấu hỏng`, `form ${form.serial} is marked spoiled`];
    case 'unreturned':
      return [`phiếu số ${form.serial} đã bị đánh dấu không thu về`, `form ${form.serial} is marked not returned`];
    case 'verified':
      return undefined;
  }
}

/** Every row against the round's paper forms (locked by the caller's transaction): the serials that may be stored. */
async function checkLifecycle(tx: Database, round: RoundRow, rows: ImportedRow[], chains: Map<string, LocalityChain | undefined>, problems: ImportProblem[]) {
  const serials = rows.flatMap((r) => (r.serial === undefined ? [] : [r.serial]));
  const forms = new Map((await lockForms(tx, round.id, serials)).map((f) => [f.serial, f]));
  const batchCodes = new Map<number, string>();
  for (const id of new Set([...forms.values()].flatMap((f) => (f.batchId === null ? [] : [f.batchId])))) {
    const batch = await findBatch(tx, id);
    if (batch) batchCodes.set(id, batch.code);
  }
  const storedIds = [...forms.values()].flatMap((f) => (f.status === 'verified' && f.responseId ? [f.responseId] : []));
  const storedHashes = new Map<string, string>();
  for (let i = 0; i < storedIds.length; i += 5000) {
    for (const r of await findResponses(tx, storedIds.slice(i, i + 5000))) storedHashes.set(r.id, r.contentHash);
  }
  const accepted: number[] = [];
  let unchanged = 0;
  for (const r of rows) {
    if (r.serial === undefined) continue;
    const problem = (column: string, value: string, vi: string, en: string) => problems.push(rowProblem(r.row, column, value, vi, en));
    const form = forms.get(r.serial);
    if (!form) {
      problem(
        'serial',
        String(r.serial),
        `số sê-ri ${r.serial} chưa được cấp trong đợt ${round.code}`,
        `serial ${r.serial} was not issued in round ${round.code}`,
      );
      continue;
    }
    const chain = chains.get(r.locality);
    // The row may name the unit the form was issued to or the commune it was filled in.
    if (r.locality && r.locality !== form.localityCode && r.locality !== form.communeCode) {
      problem(
        'locality',
        r.locality,
        `phiếu số ${r.serial} được phát cho đơn vị ${form.localityCode}`,
        `form ${r.serial} was issued to unit ${form.localityCode}`,
      );
    } else if (r.locality && (!chain || !round.provinceCodes.includes(chain.province))) {
      problem(
        'locality',
        r.locality,
        `đơn vị ${form.localityCode} không thuộc tỉnh của đợt khảo sát (${round.provinceCodes.join(', ')})`,
        `unit ${form.localityCode} is not in the round's provinces (${round.provinceCodes.join(', ')})`,
      );
    }
    const refused = lifecycleProblem(form, form.batchId === null ? undefined : batchCodes.get(form.batchId));
    if (refused) {
      problem('serial', String(r.serial), ...refused);
      continue;
    }
    const outsideWindow = form.status === 'verified' ? undefined : keyingRefusal(round, form);
    if (outsideWindow) {
      problem('serial', String(r.serial), outsideWindow.worded.vi, outsideWindow.worded.en);
      continue;
    }
    if (form.status === 'verified') {
      // The same form again (this file imported before, or keyed alike) is harmless; other content is not.
      if (r.form && storedHashes.get(form.responseId ?? '') === r.form.contentHash) unchanged += 1;
      else if (r.form) {
        problem(
          'serial',
          String(r.serial),
          `phiếu số ${r.serial} đã được xác nhận với nội dung khác; sửa đổi phải qua đối chiếu, không qua nhập tệp`,
          `form ${r.serial} is already verified with other content; changes go through reconciliation, not an import`,
        );
      }
      continue;
    }
    if (r.form && chain) accepted.push(r.serial);
  }
  return { accepted, unchanged };
}

export async function importResponses(
  db: Database,
  actorId: number | null,
  roundCode: string,
  table: Table,
): Promise<{ problems: ImportProblem[]; imported: number; unchanged: number }> {
  const round = await roundOrFail(db, roundCode);
  const def = await findQuestionnaire(db, round.questionnaires.citizen);
  if (!def) throw new Error(`questionnaire ${round.questionnaires.citizen} is missing`);
  const { rows, problems } = await checkImportRows(def, table);
  // A form issued with its commune gives the response that commune as its PSU, whatever unit the row names.
  const communes = new Map(
    (
      await findForms(
        db,
        round.id,
        rows.flatMap((r) => (r.serial === undefined ? [] : [r.serial])),
      )
    ).flatMap((f) => (f.communeCode ? [[f.serial, f.communeCode] as const] : [])),
  );
  const chains = new Map<string, LocalityChain | undefined>();
  for (const code of new Set([...rows.map((r) => r.locality).filter(Boolean), ...communes.values()])) chains.set(code, await localityChain(db, code));
  // The stored rows are worked out before the transaction, which then holds the forms (and, on
  // PGlite, the one connection) only for the checks against them and the writes.
  const prepared = new Map<number, NewResponseRow>();
  for (const r of rows) {
    const chain = chains.get(r.locality) && chains.get((r.serial !== undefined && communes.get(r.serial)) || r.locality);
    if (!r.form || r.serial === undefined || !chain) continue;
    prepared.set(
      r.serial,
      responseRow(def, {
        id: newPaperResponseId(),
        round,
        channel: 'paper',
        locality: chain,
        profile: r.form.profile,
        answers: r.form.answers,
        contentHash: r.form.contentHash,
      }),
    );
    if (prepared.size % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  return db.transaction(async (tx) => {
    const { accepted, unchanged } = await checkLifecycle(tx, round, rows, chains, problems);
    // All or nothing: one problem anywhere in the file and nothing is written (the locks end with the transaction).
    if (problems.length > 0) return { problems: problems.sort((a, b) => a.row - b.row), imported: 0, unchanged: 0 };
    const stored = accepted.map((serial) => ({ serial, row: prepared.get(serial)! }));
    await insertServerResponses(
      tx,
      stored.map((a) => a.row),
    );
    await markFormsVerified(
      tx,
      round.id,
      stored.map((a) => ({ serial: a.serial, responseId: a.row.id })),
    );
    const audit: AuditEntry[] = stored.map((a) => ({
      userId: actorId,
      action: 'verify_by_import',
      entity: 'paper_form',
      entityId: `${round.code}:${a.serial}`,
      field: 'status',
      oldValue: 'returned',
      newValue: 'verified',
    }));
    audit.push({
      userId: actorId,
      action: 'import_responses',
      entity: 'round',
      entityId: round.code,
      newValue: { imported: stored.length, unchanged, rows: rows.length },
    });
    await recordAudit(tx, audit);
    return { problems: [], imported: stored.length, unchanged };
  });
}
