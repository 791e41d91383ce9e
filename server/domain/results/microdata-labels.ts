/**
 * The words behind the microdata's codes, in Vietnamese: each option's label, the channel's, and
 * "not applicable". The labelled microdata (values=labels) and the syntax files read them here.
 */
import type { OptionValue, QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { scaleOf } from '../../../analysis/questionnaire/structure.ts';
import type { Channel } from '../../../db/schema/responses.ts';

export const CHANNEL_LABELS: Record<Channel, string> = {
  office: 'Tại bộ phận một cửa',
  paper: 'Phiếu giấy',
  online: 'Trực tuyến',
};

export const NOT_APPLICABLE_LABEL = 'Không áp dụng';

/** Whether the microdata's coded cells hold the codes (the exchange format) or their labels. */
export type MicrodataValues = 'codes' | 'labels';

/** Per coded question, its options' labels by value. */
export function optionLabels(def: QuestionnaireDefinition): Map<string, Map<OptionValue, string>> {
  return new Map(
    def.questions.filter((q) => q.type !== 'text').map((q) => [q.code, new Map((scaleOf(def, q)?.options ?? []).map((o) => [o.value, o.label.vi]))]),
  );
}
