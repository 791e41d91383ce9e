/**
 * The microdata export of a round, in the platform's microdata format (the format `sipas analyze`
 * reads): `response_id, round, province, district, commune, stratum, psu, weight`, the profile
 * columns, one column per satisfaction item (`1`–`5`, empty = missing, `NA` = not applicable),
 * then the opinion and expectation questions (several choices joined by `;`), the screening
 * questions and the channel; free-text answers last, only for readers cleared for them.
 * Rows are decoded from the answer bits and written batch by batch: never the whole file in memory.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { decodeAnswer, type CodedQuestion } from '../../analysis/estimation/answer-bits.ts';
import { stratumWeights } from '../../analysis/estimation/cell-counts.ts';
import { FrameError } from '../../analysis/estimation/design-weights.ts';
import { DESIGN_COLUMNS, MULTI_SEPARATOR, NOT_APPLICABLE } from '../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../analysis/estimation/variables.ts';
import type { Question, QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { scaleOf } from '../../analysis/questionnaire/structure.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { findFrame } from '../../db/queries/frames.ts';
import { microdataBatches, stratumCounts, type MicrodataRow, type TextField } from '../../db/queries/microdata.ts';
import { officeCodes } from '../../db/queries/results.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import { ensureAnswerBits, layoutOf } from './answer-bits.ts';
import { frameIncomplete, questionnaireOfRound } from './results.ts';
import { psuOf, stratumOf } from './survey-design.ts';

const BOM = '\uFEFF';
const BATCH = 5000;

export interface MicrodataLayout {
  header: string[];
  coded: CodedQuestion[];
  textFields: TextField[];
}

/** The columns, in the order of the format. */
export function microdataLayout(def: QuestionnaireDefinition, withText: boolean): MicrodataLayout {
  const layout = layoutOf(def);
  const plan = estimationPlan(def);
  const profile = def.questions.filter((q) => q.role === 'profile' && q.type !== 'text').map((q) => q.code);
  const planned = plan.variables.map((v) => v.code);
  const placed = new Set([...profile, ...planned]);
  const others = layout.questions.map((q) => q.code).filter((code) => !placed.has(code));
  const coded = [...profile, ...planned, ...others].map((code) => layout.byCode.get(code)!);
  const textFields: TextField[] = withText
    ? def.questions.filter((q) => q.type === 'text').map((q) => ({ group: q.role === 'profile' ? 'profile' : 'answers', code: q.code }))
    : [];
  return { header: [...DESIGN_COLUMNS, ...coded.map((q) => q.code), 'channel', ...textFields.map((f) => f.code)], coded, textFields };
}

function cellOf(q: CodedQuestion, bits: Uint8Array): string {
  const value = decodeAnswer(q, bits);
  if (value === null) return NOT_APPLICABLE;
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(MULTI_SEPARATOR) : String(value);
}

export interface MicrodataExport {
  fileName: string;
  rows: number;
  stream: Readable;
}

/** Checks what can fail (frame) before the first byte is sent, then streams. */
export async function microdataExport(handle: DatabaseHandle, round: RoundRow, withText: boolean): Promise<MicrodataExport> {
  const def = await questionnaireOfRound(handle.db, round);
  await ensureAnswerBits(handle.db, def);
  const layout = microdataLayout(def, withText);
  const [counts, frame, offices] = await Promise.all([stratumCounts(handle, round.id), findFrame(handle.db, round.id), officeCodes(handle.db)]);
  const strata = counts.map((c) => ({ stratum: stratumOf(c), size: c.size }));
  let weights: Map<string, number>;
  try {
    weights = stratumWeights(strata.map((s) => ({ ...s, psu: '', domains: [], counts: [] })), frame);
  } catch (error) {
    if (error instanceof FrameError) throw frameIncomplete(error.message);
    throw error;
  }

  const line = (r: MicrodataRow): string[] => {
    const facts = { ...r, officeCode: r.officeId === null ? null : offices.get(r.officeId) ?? String(r.officeId) };
    const stratum = stratumOf(facts);
    const bits = r.bits ?? new Uint8Array(0);
    return [
      r.id, round.code, r.province, r.district ?? '', r.commune ?? '', stratum, psuOf(facts), String(weights.get(stratum) ?? 1),
      ...layout.coded.map((q) => cellOf(q, bits)),
      r.channel,
      ...r.texts.map((t) => t ?? ''),
    ];
  };
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + stringify([layout.header]);
    for await (const batch of microdataBatches(handle, round.id, layout.textFields, BATCH)) yield stringify(batch.map(line));
  }
  return {
    fileName: `sipas-vi-mo-${round.code}${withText ? '-co-y-kien' : ''}.csv`,
    rows: strata.reduce((sum, s) => sum + s.size, 0),
    stream: Readable.from(chunks(), { objectMode: false }),
  };
}

function valuesText(def: QuestionnaireDefinition, q: Question): string {
  if (q.type === 'text') return 'chữ tự do / free text';
  const options = (scaleOf(def, q)?.options ?? []).map((o) => `${o.value} = ${o.label.vi}${o.label.en ? ` (${o.label.en})` : ''}`).join('; ');
  return q.type === 'multi' ? `${options} — nhiều lựa chọn, cách nhau bởi "${MULTI_SEPARATOR}" / several, separated by "${MULTI_SEPARATOR}"` : options;
}

const DESIGN_DESCRIPTIONS: Record<string, [string, string]> = {
  response_id: ['Mã phiếu (ngẫu nhiên, không định danh người trả lời)', 'Response id (random; does not identify the respondent)'],
  round: ['Mã đợt khảo sát', 'Survey round code'],
  province: ['Mã tỉnh', 'Province code'],
  district: ['Mã huyện (trống nếu không có cấp huyện)', 'District code (empty where there is no district level)'],
  commune: ['Mã xã (trống nếu phiếu không ghi xã)', 'Commune code (empty when the response names none)'],
  stratum: ['Tầng = địa bàn (huyện, hoặc tỉnh nếu không có huyện) × kênh, ví dụ 660-office', 'Stratum = locality (district, or province without districts) × channel, e.g. 660-office'],
  psu: ['Đơn vị mẫu bậc một: điểm khảo sát (tại bộ phận một cửa), xã hoặc huyện của phiếu (phiếu giấy), chính phiếu đó (trực tuyến)', 'Primary sampling unit: the office (office channel), the form’s commune or district (paper), the response itself (online)'],
  weight: ['Trọng số thiết kế N_h / n_h theo khung mẫu của đợt; 1 nếu đợt chưa có khung mẫu (không trọng số)', 'Design weight N_h / n_h from the round’s frame; 1 when the round has no frame (unweighted)'],
};

/** One row per column: name, meaning (Vietnamese, English), values. */
export function codebookRows(def: QuestionnaireDefinition, withText: boolean): string[][] {
  const layout = microdataLayout(def, withText);
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  const blank = `trống = không trả lời; ${NOT_APPLICABLE} = không áp dụng (câu bị bỏ qua theo điều kiện) / empty = no answer; ${NOT_APPLICABLE} = not applicable (skipped)`;
  return layout.header.map((column) => {
    const design = DESIGN_DESCRIPTIONS[column];
    if (design) return [column, design[0], design[1], ''];
    if (column === 'channel') return [column, 'Kênh khảo sát', 'Channel', 'office = tại bộ phận một cửa; paper = phiếu giấy (đã nhập và đối chiếu); online = trực tuyến'];
    const q = byCode.get(column)!;
    return [column, q.text.vi, q.text.en ?? '', q.type === 'text' ? valuesText(def, q) : `${valuesText(def, q)}; ${blank}`];
  });
}

export function codebookCsv(def: QuestionnaireDefinition, withText: boolean): Buffer {
  const rows = codebookRows(def, withText);
  return Buffer.from(BOM + stringify([['column', 'mô tả', 'description', 'giá trị / values'], ...rows]), 'utf8');
}
