/**
 * The microdata export of a round, in the platform's microdata format (the format `sipas analyze`
 * reads): `response_id, round, province, district, commune, stratum, psu, weight`, the profile
 * columns, one column per satisfaction item (`1`–`5`, empty = missing, `NA` = not applicable),
 * then the opinion and expectation questions (several choices joined by `;`), the screening
 * questions and the channel; free-text answers last, with personal data masked for readers not cleared to see it.
 * Rows are decoded from the answer bits and written batch by batch (server/files/csv-fragments.ts):
 * never the whole file in memory.
 */
import { Readable } from 'node:stream';
import type { CodedQuestion } from '../../../analysis/estimation/answer-bits.ts';
import { stratumWeights } from '../../../analysis/estimation/cell-counts.ts';
import { FrameError } from '../../../analysis/estimation/design-weights.ts';
import { DESIGN_COLUMNS, MULTI_SEPARATOR, NOT_APPLICABLE } from '../../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { answerGroup } from '../../../analysis/questionnaire/answer-rules.ts';
import type { Question, QuestionnaireDefinition, RespondentType } from '../../../analysis/questionnaire/definition.ts';
import { scaleOf } from '../../../analysis/questionnaire/structure.ts';
import type { DatabaseHandle, ReadSnapshot } from '../../../db/client.ts';
import { LineWriter, utf8 } from '../../files/csv-fragments.ts';
import { CellTables } from './microdata-cells.ts';
import { MicrodataPlaces } from './microdata-places.ts';
import { csvHead, escapedField, escapedText, writeCsv } from '../../files/tables.ts';
import { writeUuid, type CopyRows } from '../../../db/queries/copy-binary.ts';
import { MICRODATA_FIELD as FIELD, microdataBatches, stratumCounts, type MicrodataPlace, type TextField } from '../../../db/queries/microdata.ts';
import { officeCodes } from '../../../db/queries/results.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { ensureAnswerBits, layoutOf } from './answer-bits.ts';
import { CHANNEL_LABELS, type MicrodataValues, NOT_APPLICABLE_LABEL, optionLabels } from './microdata-labels.ts';
import { microdataFileName } from './microdata-names.ts';
import { frameIncomplete, frameOf, questionnaireOfRound } from './results.ts';
import { psuOf, stratumOf } from './survey-design.ts';

/** PGlite's page of rows (PostgreSQL streams them all in one COPY). */
const PAGE = 2_000;
/** A uuid as text. */
const ID_LENGTH = 36;
const SHORT_ANSWER = 200;
const SHORT_ANSWERS_KEPT = 10_000;

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
  // Profile questions are estimated too (planned): each column once, the profile first.
  const coded = [...new Set([...profile, ...planned, ...others])].map((code) => layout.byCode.get(code)!);
  const textFields: TextField[] = withText ? def.questions.filter((q) => q.type === 'text').map((q) => ({ group: answerGroup(q), code: q.code })) : [];
  return { header: [...DESIGN_COLUMNS, ...coded.map((q) => q.code), 'channel', 'office', ...textFields.map((f) => f.code)], coded, textFields };
}

export interface MicrodataExport {
  fileName: string;
  rows: number;
  stream: Readable;
}

/** Checks what can fail (frame) before the first byte is sent, then streams. */
export async function microdataExport(
  handle: DatabaseHandle,
  round: RoundRow,
  withText: boolean,
  respondentType: RespondentType = 'citizen',
  values: MicrodataValues = 'codes',
  /** What the reader may see of each free answer: masked (analysis/free-text/personal-data.ts) unless cleared. */
  shownText: (text: string) => string = (text) => text,
): Promise<MicrodataExport> {
  const def = await questionnaireOfRound(handle.db, round, respondentType);
  await ensureAnswerBits(handle.db, def);
  const layout = microdataLayout(def, withText);
  // On PostgreSQL the counts behind the weights and the rows are read in one snapshot: a response
  // stored meanwhile is in neither, so the weights count exactly the rows written.
  const snapshot = await handle.snapshot?.();
  try {
    return await exportIn(handle, snapshot, round, def, withText, layout, respondentType, values, shownText);
  } catch (error) {
    await snapshot?.release();
    throw error;
  }
}

async function exportIn(
  handle: DatabaseHandle,
  snapshot: ReadSnapshot | undefined,
  round: RoundRow,
  def: QuestionnaireDefinition,
  withText: boolean,
  layout: MicrodataLayout,
  respondentType: RespondentType,
  values: MicrodataValues,
  shownText: (text: string) => string,
): Promise<MicrodataExport> {
  const [counts, frame, offices] = await Promise.all([
    stratumCounts(handle, round.id, respondentType, snapshot),
    frameOf(handle.db, round, respondentType),
    officeCodes(handle.db),
  ]);
  const strata = counts.map((c) => ({ stratum: stratumOf(c), size: c.size }));
  let weights: Map<string, number>;
  try {
    weights = stratumWeights(
      strata.map((s) => ({ ...s, psu: '', domains: [], counts: [] })),
      frame,
    );
  } catch (error) {
    if (error instanceof FrameError) throw frameIncomplete(error.message);
    throw error;
  }

  const labels = values === 'labels' ? optionLabels(def) : undefined;
  const tables = new CellTables(
    layout.coded,
    labels
      ? { value: (q, v) => labels.get(q.code)?.get(v) ?? String(v), notApplicable: NOT_APPLICABLE_LABEL }
      : { value: (_, v) => String(v), notApplicable: NOT_APPLICABLE },
  );
  const channelText = (channel: MicrodataPlace['channel']) => (labels ? CHANNEL_LABELS[channel] : channel);
  // Everything between a row's id and its answers follows from where it came from: escaped once per
  // place (channel, office, locality, week) and kept as bytes, the delimiters included.
  interface PlaceBytes {
    online: boolean;
    /** From the round to the weight, the delimiters included; online: up to the psu, which is the id. */
    head: Uint8Array;
    /** Online only: the weight, after the psu. */
    weight: Uint8Array;
    /** The channel and the office. */
    tail: Uint8Array;
  }
  const field = (value: string) => `,${escapedField(value)}`;
  const places = new MicrodataPlaces((r): PlaceBytes => {
    const officeCode = r.officeId === null ? null : (offices.get(r.officeId) ?? String(r.officeId));
    const facts = { id: '', channel: r.channel, officeCode, province: r.province, district: r.district, commune: r.commune, week: r.week };
    const stratum = stratumOf(facts);
    const online = r.channel === 'online';
    const design = [round.code, r.province, r.district ?? '', r.commune ?? '', stratum, ...(online ? [] : [psuOf(facts)])].map(field).join('');
    const weight = field(String(weights.get(stratum) ?? 1));
    return {
      online,
      head: utf8.encode(online ? design : design + weight),
      weight: utf8.encode(online ? weight : ''),
      // The office the response was served at (office channel only): the `office` level.
      tail: utf8.encode(field(channelText(r.channel)) + field(r.channel === 'office' ? (officeCode ?? '') : '')),
    };
  });
  const { slow } = tables;
  const questions = tables.bit.length;
  const textCount = layout.textFields.length;
  // A row's answer bits, copied into the same bytes each time; zeros past its end, as
  // missing bytes read. Three bytes of slack: a window is read from three.
  const answerBitsLength = Math.max(0, ...layout.coded.map((q) => (q.first + q.options.length + 1 + 7) >> 3));
  const bits = new Uint8Array(answerBitsLength + 3);
  const windowsFrom = new Int32Array(answerBitsLength);
  // Short free answers repeat ("Không", "Tốt quá"): each is masked and escaped once per download,
  // a bounded number of them kept.
  const shownFields = new Map<string, string>();
  const shownField = (text: string): string => {
    let shown = shownFields.get(text);
    if (shown === undefined) {
      shown = `,${escapedText(shownText(text))}`;
      if (text.length <= SHORT_ANSWER) {
        if (shownFields.size >= SHORT_ANSWERS_KEPT) shownFields.clear();
        shownFields.set(text, shown);
      }
    }
    return shown;
  };
  const COMMA = 44;
  const NEWLINE = 10;
  const writer = new LineWriter();
  const anySlow = slow.some((cellOf) => cellOf !== undefined);
  /** Small copies (a place's bytes, a cell) are cheaper as a loop than as a native call. */
  const copy = (from: Uint8Array, to: Uint8Array, at: number): number => {
    for (let j = 0; j < from.length; j++) to[at++] = from[j];
    return at;
  };
  const width = FIELD.firstText + textCount;
  const batchBytes = (batch: CopyRows): Buffer => {
    // The tables as locals: read a million times a column, closure slots cost more than registers.
    const { bit, mask, base, start, pool, packed } = tables;
    const { data, start: fieldStart, length: fieldLength } = batch;
    const answerBits = bits;
    const windows = windowsFrom;
    for (let i = 0; i < batch.rows; i++) {
      const row = i * width;
      const place = places.of(batch, i, width);
      const bitsAt = fieldStart[row + FIELD.bits];
      const bitsLength = Math.min(fieldLength[row + FIELD.bits], answerBitsLength);
      for (let j = 0; j < bitsLength; j++) answerBits[j] = data[bitsAt + j];
      for (let j = bitsLength < 0 ? 0 : bitsLength; j < answerBits.length; j++) answerBits[j] = 0;
      // The 24 bits from each byte on, once a row: a question's window is then one read.
      for (let j = 0; j < answerBitsLength; j++) windows[j] = answerBits[j] | (answerBits[j + 1] << 8) | (answerBits[j + 2] << 16);
      let room = 2 * ID_LENGTH + place.head.length + place.weight.length + place.tail.length + tables.widest + 6;
      for (let t = 0; t < textCount; t++) room += 1 + 3 * Math.max(0, fieldLength[row + FIELD.firstText + t]);
      let out = writer.reserve(room);
      const idAt = fieldStart[row + FIELD.id];
      let at = writeUuid(data, idAt, out, writer.at);
      at = copy(place.head, out, at);
      // An online response is its own PSU: its psu is its id.
      if (place.online) {
        out[at++] = COMMA;
        at = writeUuid(data, idAt, out, at);
        at = copy(place.weight, out, at);
      }
      for (let k = 0; k < questions; k++) {
        if (anySlow) {
          const cellOf = slow[k];
          if (cellOf !== undefined) {
            writer.at = at;
            writer.bytes(cellOf(answerBits));
            out = writer.reserve(room);
            at = writer.at;
            continue;
          }
        }
        const first = bit[k];
        const w = base[k] + ((windows[first >> 3] >> (first & 7)) & mask[k]);
        const cell = packed[w];
        if (cell >= 0) {
          // Three bytes written, the cell's length kept: what lies past it is written over next.
          out[at] = cell;
          out[at + 1] = cell >> 8;
          out[at + 2] = cell >> 16;
          at += cell >>> 24;
        } else for (let j = start[w], end = start[w + 1]; j < end; j++) out[at++] = pool[j];
      }
      at = copy(place.tail, out, at);
      for (let t = 0; t < textCount; t++) {
        const textLength = fieldLength[row + FIELD.firstText + t];
        if (textLength < 0) out[at++] = COMMA;
        else {
          const textAt = fieldStart[row + FIELD.firstText + t];
          writer.at = at;
          writer.text(shownField(data.toString('utf8', textAt, textAt + textLength)));
          out = writer.reserve(room);
          at = writer.at;
        }
      }
      out[at++] = NEWLINE;
      writer.at = at;
    }
    return writer.take();
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield csvHead(layout.header);
      for await (const batch of microdataBatches(handle, snapshot, round.id, respondentType, layout.textFields, PAGE)) yield batchBytes(batch);
    } finally {
      await snapshot?.release();
    }
  }
  const stream = Readable.from(chunks(), { objectMode: false });
  // A stream destroyed before its first read never enters chunks(): its snapshot is given back here.
  stream.once('close', () => void snapshot?.release());
  return {
    fileName: microdataFileName(round.code, respondentType, withText, 'csv', values === 'labels'),
    rows: strata.reduce((sum, s) => sum + s.size, 0),
    stream,
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
  stratum: [
    'Tầng = địa bàn (huyện, hoặc tỉnh nếu không có huyện) × kênh, ví dụ 660-office',
    'Stratum = locality (district, or province without districts) × channel, e.g. 660-office',
  ],
  psu: [
    'Đơn vị mẫu bậc một: điểm khảo sát và tuần khảo sát (MÃ@YYYY-Www, tuần ISO, tại bộ phận một cửa), xã hoặc huyện của phiếu (phiếu giấy), chính phiếu đó (trực tuyến)',
    'Primary sampling unit: the office and survey week (CODE@YYYY-Www, ISO week, office channel), the form’s commune or district (paper), the response itself (online)',
  ],
  weight: [
    'Trọng số thiết kế N_h / n_h theo khung mẫu của đợt; 1 nếu đợt chưa có khung mẫu (không trọng số)',
    'Design weight N_h / n_h from the round’s frame; 1 when the round has no frame (unweighted)',
  ],
};

/** One row per column: name, meaning (Vietnamese, English), values. */
export function codebookRows(def: QuestionnaireDefinition, withText: boolean): string[][] {
  const layout = microdataLayout(def, withText);
  const byCode = new Map(def.questions.map((q) => [q.code, q]));
  const blank = `trống = không trả lời; ${NOT_APPLICABLE} = không áp dụng (câu bị bỏ qua theo điều kiện) / empty = no answer; ${NOT_APPLICABLE} = not applicable (skipped)`;
  return layout.header.map((column) => {
    const design = DESIGN_DESCRIPTIONS[column];
    if (design) return [column, design[0], design[1], ''];
    if (column === 'channel')
      return [column, 'Kênh khảo sát', 'Channel', 'office = tại bộ phận một cửa; paper = phiếu giấy (đã nhập và đối chiếu); online = trực tuyến'];
    if (column === 'office')
      return [
        column,
        'Mã bộ phận một cửa nơi người trả lời được phục vụ (trống với phiếu giấy và trực tuyến)',
        'Code of the one-stop office the respondent was served at (empty for paper and online)',
        '',
      ];
    const q = byCode.get(column)!;
    return [column, q.text.vi, q.text.en ?? '', q.type === 'text' ? valuesText(def, q) : `${valuesText(def, q)}; ${blank}`];
  });
}

export function codebookCsv(def: QuestionnaireDefinition, withText: boolean): Buffer {
  const rows = codebookRows(def, withText);
  return writeCsv(['column', 'mô tả', 'description', 'giá trị / values'], rows);
}
