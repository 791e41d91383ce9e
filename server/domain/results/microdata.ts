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
import { decodeAnswer, type CodedQuestion } from '../../../analysis/estimation/answer-bits.ts';
import { stratumWeights } from '../../../analysis/estimation/cell-counts.ts';
import { FrameError } from '../../../analysis/estimation/design-weights.ts';
import { DESIGN_COLUMNS, MULTI_SEPARATOR, NOT_APPLICABLE } from '../../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { answerGroup } from '../../../analysis/questionnaire/answer-rules.ts';
import type { OptionValue, Question, QuestionnaireDefinition, RespondentType } from '../../../analysis/questionnaire/definition.ts';
import { scaleOf } from '../../../analysis/questionnaire/structure.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { LineWriter, utf8 } from '../../files/csv-fragments.ts';
import { csvHead, escapedField, escapedRecords, writeCsv } from '../../files/tables.ts';
import { microdataBatches, stratumCounts, type MicrodataRow, type TextField } from '../../../db/queries/microdata.ts';
import { officeCodes } from '../../../db/queries/results.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { ensureAnswerBits, layoutOf } from './answer-bits.ts';
import { CHANNEL_LABELS, type MicrodataValues, NOT_APPLICABLE_LABEL, optionLabels } from './microdata-labels.ts';
import { microdataFileName } from './microdata-names.ts';
import { frameIncomplete, frameOf, questionnaireOfRound } from './results.ts';
import { psuOf, stratumOf } from './survey-design.ts';

const BATCH = 10_000;

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

/** How a coded cell shows an option and "not applicable": as the code, or as its label (microdata-labels.ts). */
interface Shown {
  value: (value: OptionValue) => string;
  notApplicable: string;
}

/**
 * A coded question's cell as UTF-8 bytes, escaped and preceded by the delimiter, straight from the
 * bits. A question's option bits and its "not applicable" bit are consecutive, so they form one
 * small number read from two bytes; every possible number's cell is worked out (as decodeAnswer
 * reads it) and escaped once, up front.
 */
function cellWriter(q: CodedQuestion, shown: Shown = { value: String, notApplicable: NOT_APPLICABLE }): (bits: Uint8Array) => Uint8Array {
  const width = q.options.length + 1;
  const escaped = new Map<string, Uint8Array>();
  const bytesOf = (text: string) => {
    let bytes = escaped.get(text);
    if (!bytes) escaped.set(text, (bytes = utf8.encode(`,${escapedField(text)}`)));
    return bytes;
  };
  if (width > 9) {
    // Not seen in the shipped versions: many options; read them one by one.
    return (bits) => {
      const value = decodeAnswer(q, bits);
      return bytesOf(
        value === null
          ? shown.notApplicable
          : value === undefined
            ? ''
            : Array.isArray(value)
              ? value.map(shown.value).join(MULTI_SEPARATOR)
              : shown.value(value),
      );
    };
  }
  const table = Array.from({ length: 1 << width }, (_, window) => {
    if (window & (1 << q.options.length)) return bytesOf(shown.notApplicable);
    const chosen = q.options.filter((_, k) => window & (1 << k));
    if (chosen.length === 0) return bytesOf('');
    return bytesOf(q.type === 'multi' ? chosen.map(shown.value).join(MULTI_SEPARATOR) : shown.value(chosen[0]));
  });
  const byte = q.first >> 3;
  const shift = q.first & 7;
  const mask = (1 << width) - 1;
  return (bits) => table[(((bits[byte] ?? 0) | ((bits[byte + 1] ?? 0) << 8)) >> shift) & mask];
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  const [counts, frame, offices] = await Promise.all([
    stratumCounts(handle, round.id, respondentType),
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
  const cells = layout.coded.map((q) =>
    cellWriter(q, labels ? { value: (v) => labels.get(q.code)?.get(v) ?? String(v), notApplicable: NOT_APPLICABLE_LABEL } : undefined),
  );
  const channelText = (channel: MicrodataRow['channel']) => (labels ? CHANNEL_LABELS[channel] : channel);
  // Everything between a row's id and its answers follows from where it came from: escaped once per
  // place (channel, office, locality) and kept as bytes, the delimiters included.
  const places = new Map<string, { design: Uint8Array; weight: Uint8Array; channel: Uint8Array }>();
  const field = (value: string) => `,${escapedField(value)}`;
  const placeOf = (r: MicrodataRow) => {
    const key = `${r.channel}|${r.officeId}|${r.province}|${r.district}|${r.commune}|${r.week}`;
    let place = places.get(key);
    if (!place) {
      const officeCode = r.officeId === null ? null : (offices.get(r.officeId) ?? String(r.officeId));
      const facts = { id: '', channel: r.channel, officeCode, province: r.province, district: r.district, commune: r.commune, week: r.week };
      const stratum = stratumOf(facts);
      const design = [round.code, r.province, r.district ?? '', r.commune ?? '', stratum, ...(r.channel === 'online' ? [] : [psuOf(facts)])];
      place = {
        design: utf8.encode(design.map(field).join('')),
        weight: utf8.encode(field(String(weights.get(stratum) ?? 1))),
        // The office the response was served at (office channel only): the `office` level.
        channel: utf8.encode(field(channelText(r.channel)) + field(r.channel === 'office' ? (officeCode ?? '') : '')),
      };
      places.set(key, place);
    }
    return place;
  };
  const noBits = new Uint8Array(0);
  const newline = utf8.encode('\n');
  const writer = new LineWriter();
  const batchBytes = (batch: MicrodataRow[]): Buffer => {
    // Ids are PostgreSQL's UUIDs: nothing in them to escape or neutralise (csv-stringify's call per batch cost a sixth of the export).
    const ids = batch.every((r) => CANONICAL_UUID.test(r.id)) ? batch.map((r) => r.id) : escapedRecords(batch.map((r) => [r.id]));
    const texts = layout.textFields.length > 0 ? escapedRecords(batch.map((r) => r.texts.map((t) => (t === null ? '' : shownText(t))))) : undefined;
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i];
      const place = placeOf(r);
      writer.text(ids[i]);
      writer.bytes(place.design);
      // An online response is its own PSU: its psu is its id.
      if (r.channel === 'online') writer.text(`,${ids[i]}`);
      writer.bytes(place.weight);
      const bits = r.bits ?? noBits;
      for (const cell of cells) writer.bytes(cell(bits));
      writer.bytes(place.channel);
      if (texts) writer.text(`,${texts[i]}`);
      writer.bytes(newline);
    }
    return writer.take();
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    yield csvHead(layout.header);
    for await (const batch of microdataBatches(handle, round.id, respondentType, layout.textFields, BATCH)) yield batchBytes(batch);
  }
  return {
    fileName: microdataFileName(round.code, respondentType, withText, 'csv', values === 'labels'),
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
