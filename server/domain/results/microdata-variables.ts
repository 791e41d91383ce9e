/**
 * The microdata's columns as statistical packages see them: each column's label and kind, and for
 * coded questions the numeric code, the value in the file and its label. The SPSS, Stata and R
 * syntax files (syntax-*.ts) are written from this one description, so they name the same
 * variables, labels and codes as the file (microdata.ts) and its codebook.
 *
 * Codes: a question whose options are whole numbers (the 1–5 scale) keeps them; one with text
 * options (`mot_so`) is coded 1, 2, … in the order of its options. A multiple-choice column stays
 * as written (`1;3`) and gets one 0/1 variable per option beside it. `NA` in the file is "not
 * applicable" (skipped by the questionnaire's rules): its own missing code, never a value.
 */
import { type DESIGN_COLUMNS, MULTI_SEPARATOR, NOT_APPLICABLE } from '../../../analysis/estimation/microdata.ts';
import { compositeItemWeights, estimationPlan } from '../../../analysis/estimation/variables.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { satisfactionItems, scaleOf } from '../../../analysis/questionnaire/structure.ts';
import { channels } from '../../../db/schema/responses.ts';
import { microdataLayout } from './microdata.ts';
import { CHANNEL_LABELS } from './microdata-labels.ts';

export interface LabelledValue {
  code: number;
  /** The value as the file writes it. */
  raw: string;
  label: string;
}

export type MicrodataVariable =
  | { name: string; label: string; kind: 'text'; width: number }
  | { name: string; label: string; kind: 'number' }
  | { name: string; label: string; kind: 'coded'; values: LabelledValue[]; width: number; ordered: boolean }
  | { name: string; label: string; kind: 'multi'; width: number; options: Array<{ name: string; raw: string; label: string }> };

export interface MicrodataVariables {
  fileName: string;
  variables: MicrodataVariable[];
  notApplicable: string;
  separator: string;
  /** The SIPAS computation: items with the answers that are valid and satisfied, the composites' item coefficients. */
  indices: {
    items: string[];
    validValues: number[];
    satisfiedValues: number[];
    composites: Array<{ code: string; coefficients: Array<[string, number]> }>;
  };
}

const DESIGN_LABELS: Record<string, string> = {
  response_id: 'Mã phiếu (ngẫu nhiên, không định danh người trả lời)',
  round: 'Mã đợt khảo sát',
  province: 'Mã tỉnh',
  district: 'Mã huyện (trống nếu không có cấp huyện)',
  commune: 'Mã xã (trống nếu phiếu không ghi xã)',
  stratum: 'Tầng = địa bàn × kênh khảo sát',
  psu: 'Đơn vị mẫu bậc một (điểm khảo sát, xã/huyện của phiếu giấy, hoặc chính phiếu trực tuyến)',
  weight: 'Trọng số thiết kế N_h / n_h',
};

/** Widths in bytes of text columns: codes and ids are short; free text is long. */
const DESIGN_WIDTHS: Record<string, number> = { response_id: 40, round: 40, province: 12, district: 12, commune: 12, stratum: 40, psu: 40 };
export const FREE_TEXT_WIDTH = 4000;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

export function microdataVariables(def: QuestionnaireDefinition, withText: boolean, fileName: string): MicrodataVariables {
  const layout = microdataLayout(def, withText);
  const questions = new Map(def.questions.map((q) => [q.code, q]));
  const taken = new Set(layout.header.map((c) => c.toLowerCase()));
  const unique = (wanted: string) => {
    let name = wanted;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${wanted}_${k}`;
    taken.add(name.toLowerCase());
    return name;
  };

  const variables = layout.header.map((column): MicrodataVariable => {
    if (column === 'weight') return { name: column, label: DESIGN_LABELS.weight, kind: 'number' };
    if (column in DESIGN_LABELS) return { name: column, label: DESIGN_LABELS[column], kind: 'text', width: DESIGN_WIDTHS[column] ?? 40 };
    if (column === 'channel') {
      const values = channels.map((raw, k) => ({ code: k + 1, raw, label: CHANNEL_LABELS[raw] }));
      return { name: column, label: 'Kênh khảo sát', kind: 'coded', values, width: 8, ordered: false };
    }
    // The office the response was served at (office responses only; empty for paper and online).
    if (column === 'office') return { name: column, label: 'Bộ phận Một cửa nơi người dân được phục vụ (mã)', kind: 'text', width: 40 };
    const q = questions.get(column)!;
    const label = q.number ? `${q.number}. ${q.text.vi}` : q.text.vi;
    if (q.type === 'text') return { name: column, label, kind: 'text', width: FREE_TEXT_WIDTH };
    const options = scaleOf(def, q)?.options ?? [];
    const raws = options.map((o) => String(o.value));
    if (q.type === 'multi') {
      const width = Math.max(byteLength(NOT_APPLICABLE), byteLength(raws.join(MULTI_SEPARATOR)));
      return {
        name: column,
        label,
        kind: 'multi',
        width,
        options: options.map((o, k) => ({ name: unique(`${column}_${k + 1}`), raw: raws[k], label: `${q.text.vi}: ${o.label.vi}` })),
      };
    }
    const numeric = options.every((o) => typeof o.value === 'number');
    const values = options.map((o, k) => ({ code: numeric ? Number(o.value) : k + 1, raw: raws[k], label: o.label.vi }));
    const width = Math.max(byteLength(NOT_APPLICABLE), ...raws.map(byteLength));
    return { name: column, label, kind: 'coded', values, width, ordered: q.type === 'rating' };
  });

  const plan = estimationPlan(def);
  return {
    fileName,
    variables,
    notApplicable: NOT_APPLICABLE,
    separator: MULTI_SEPARATOR,
    indices: {
      items: satisfactionItems(def).map((i) => i.code),
      validValues: def.aggregation.validValues,
      satisfiedValues: def.aggregation.satisfiedValues,
      composites: plan.composites.map((c) => ({ code: c.code, coefficients: [...compositeItemWeights(plan, c.code)] })),
    },
  };
}

/** The design columns, as every syntax file declares the design. */
export const DESIGN = { ids: 'psu', strata: 'stratum', weights: 'weight' } as const satisfies Record<string, (typeof DESIGN_COLUMNS)[number]>;

/** Text cut to at most `max` UTF-8 bytes on a character boundary, marked with an ellipsis when cut. */
export function cutToBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (byteLength(`${out}${char}…`) > max) break;
    out += char;
  }
  return `${out}…`;
}

/** Labels on one line, without control characters. */
export const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
