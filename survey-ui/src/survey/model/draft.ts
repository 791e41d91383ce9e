/** A survey in progress on this phone, kept after every answer so a reload resumes it. */
import { finishedAnswers } from '../../../../analysis/questionnaire/answer-rules.ts';
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { ResponseSubmissionInput } from '../../../../contract/responses.ts';
import type { AnswerMap } from './answers.ts';

export interface Draft {
  /** The survey link it answers (one draft per link). */
  token: string;
  version: string;
  answers: AnswerMap;
  /** The section on screen, or `review`. */
  screen: string;
  startedAt: string;
  updatedAt: string;
  /** Set once sent to the outbox: the thank-you screen shows that response's delivery. */
  finishedAs?: string;
  /** Through the online link: where the respondent lives, as they chose it (an office link sets it instead). */
  locality?: ChosenLocality;
}

/** Where an online respondent lives: a district and maybe a commune, or (two-tier provinces) a commune. */
export interface ChosenLocality {
  province: string;
  district?: string;
  commune?: string;
}

export function newDraft(token: string, version: string, firstScreen: string, now: Date): Draft {
  const at = now.toISOString();
  return { token, version, answers: {}, screen: firstScreen, startedAt: at, updatedAt: at };
}

/**
 * What the server receives (POST /api/responses, contract/responses.ts), frozen once made:
 * resending it is harmless. The phone always sends these fields.
 */
export type Submission = Required<
  Pick<ResponseSubmissionInput, 'id' | 'link' | 'clientId' | 'questionnaireVersion' | 'profile' | 'answers' | 'startedAt' | 'submittedAt'>
> &
  Pick<ResponseSubmissionInput, 'locality'>;

export function submissionOf(questionnaire: LocalizedQuestionnaire, draft: Draft, made: { id: string; clientId: string; now: Date }): Submission {
  return {
    id: made.id,
    link: draft.token,
    clientId: made.clientId,
    questionnaireVersion: draft.version,
    ...finishedAnswers(questionnaire, draft.answers),
    startedAt: draft.startedAt,
    submittedAt: made.now.toISOString(),
    ...(draft.locality ? { locality: draft.locality } : {}),
  };
}
