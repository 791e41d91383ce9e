/** The review before sending: every section the respondent saw, with the answers as worded. */
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { AnswerMap } from './answers.ts';
import { answerLabel } from './fields.ts';
import { visibleScreens } from './screens.ts';

export interface ReviewRow {
  code: string;
  question: string;
  /** Undefined: left unanswered. */
  answer?: string;
}

export interface ReviewSection {
  code: string;
  title: string;
  /** The screen that shows the section, where "Sửa" leads. */
  screen: string;
  rows: ReviewRow[];
}

export function reviewSections(questionnaire: LocalizedQuestionnaire, answers: AnswerMap): ReviewSection[] {
  return visibleScreens(questionnaire, answers).flatMap((screen) =>
    screen.groups.map((group) => ({
      code: group.code,
      title: group.title,
      screen: screen.code,
      rows: group.fields.map((field) => {
        const answer = answerLabel(field, answers[field.code]);
        return { code: field.code, question: field.text, ...(answer === undefined ? {} : { answer }) };
      }),
    })),
  );
}
