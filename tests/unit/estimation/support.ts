/** Small microdata sets written by hand for the estimation tests. */
import { readMicrodata, type Microdata } from '../../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { satisfactionItems } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';

export const def2024: QuestionnaireDefinition = seededQuestionnaire('2024')!;
export const itemCodes = satisfactionItems(def2024).map((i) => i.code);

export interface Row {
  stratum?: string;
  psu?: string;
  weight?: number;
  district?: string;
  sex?: string;
  /** Answers by item code; items not given are "NA". */
  answers?: Record<string, string | number>;
  /** Every item gets this answer unless `answers` says otherwise. */
  all?: string | number;
}

export function microdata(rows: Row[], def = def2024): Microdata {
  const items = satisfactionItems(def).map((i) => i.code);
  const header = ['response_id', 'province', 'district', 'stratum', 'psu', 'weight', 'sex', ...items];
  const body = rows.map((r, i) => [
    `r${i + 1}`,
    '67',
    r.district ?? '660',
    r.stratum ?? 'S',
    r.psu ?? `p${i + 1}`,
    String(r.weight ?? 1),
    r.sex ?? 'nu',
    ...items.map((code) => String(r.answers?.[code] ?? r.all ?? 'NA')),
  ]);
  const { data, problems } = readMicrodata(header, body, estimationPlan(def));
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return data;
}
