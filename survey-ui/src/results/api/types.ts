/** What the results API sends back (server/schemas/results.ts), as these pages use it. */
export interface Estimate {
  estimate: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  weight_sum: number;
  reliable: boolean;
}

export interface IndexEstimate extends Estimate {
  index: string;
}

export interface ResultGroup {
  level: string;
  code: string;
  name: string;
  indices: IndexEstimate[];
  options: Array<{ question: string; shares: Array<Estimate & { option: string | number }> }>;
}

export interface AnalysisResult {
  groups: ResultGroup[];
  questionnaire: string;
  method: { reliability: { minN: number; maxHalfWidth: number }; weights: string };
  /** Responses counted, and flagged ones held out until reviewed (absent from older servers). */
  responses?: { counted: number; heldForReview: number; excluded: number };
}

export interface ResultRound {
  code: string;
  name: string;
  provinceCode: string;
  periodStart: string;
  periodEnd: string;
  questionnaireVersion: string;
  status: string;
  publishedAt: string | null;
}

export interface TrendRound {
  code: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  groups: Array<Pick<ResultGroup, 'level' | 'code' | 'name' | 'indices'>>;
  problem: { vi: string; en: string } | null;
}

export interface Trend {
  asOf: string;
  rounds: TrendRound[];
}

/** The parts of a questionnaire (GET /api/questionnaires/:version?lang=…) the results need: labels. */
export interface QuestionnaireLabels {
  version: string;
  parts: Array<{ code: string; label: string; elements: string[] }>;
  elements: Array<{ code: string; label: string; items: string[] }>;
  questions: Array<{ code: string; text: string; relatesTo?: string }>;
  aggregation: { overall: { code: string } };
}
