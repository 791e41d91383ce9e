/**
 * What the results API sends back, under the names these pages use: every type here is the
 * contract's own (contract/results.ts, rounds.ts, questionnaires.ts), so a field changed there
 * breaks the build here. Types only: no zod in the results bundle.
 */
export type { LocalizedQuestionnaireView as QuestionnaireLabels } from '../../../../contract/questionnaires.ts';
export type {
  AnalysisResultView as AnalysisResult,
  EstimateView as Estimate,
  GroupView as ResultGroup,
  TrendView as Trend,
} from '../../../../contract/results.ts';
export type { RoundView as ResultRound } from '../../../../contract/rounds.ts';
