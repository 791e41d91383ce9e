/**
 * When a survey link takes responses, and the responses finished before it closed but delivered
 * after.
 *
 * A round's dates are days in Vietnam (UTC+7, no daylight saving): it takes responses from 00:00
 * of `period_start` to 24:00 of `period_end`, Vietnam time, whatever the server's own time zone.
 * A link takes responses while the round is open, the link (and its office) active, and the
 * server's clock within those days; before the first day it refuses them, politely. A round marked
 * demo (synthetic data, kept apart from every real round) is the exception: its last day does not
 * end it, so that a new installation's demonstration survey can be tried at any time.
 *
 * Late delivery: a phone that finished at 16:59 on the last day and found a network the next
 * morning still holds a response the round asked for; refusing it would lose it. Such a response
 * is accepted, flagged `late_delivery` (so held out of the figures until someone reviews it), when
 * the phone's own finishing time falls within the round's days, before the closing moment, and it
 * arrives within a grace period. The closing moment is when the link was closed or the round's
 * last day ended, whichever came first; a round closed by hand with its link left open has no
 * known closing moment and takes nothing late. Published rounds take nothing more: their figures
 * are out.
 */
export const lateDeliveryPolicy = {
  graceDays: 14,
  /** A finishing time this far in the future is a phone clock set wrong, not a finishing time. */
  clockToleranceMinutes: 10,
};

const DAY_MS = 86_400_000;
export const VIETNAM_OFFSET = '+07:00';

/** 00:00 of a YYYY-MM-DD day in Vietnam. */
export function startOfDayVietnam(day: string): Date {
  return new Date(`${day}T00:00:00${VIETNAM_OFFSET}`);
}

/** The first moment after a round's days (24:00 of its last day, Vietnam time). */
export function endOfPeriod(periodEnd: string): Date {
  return new Date(startOfDayVietnam(periodEnd).getTime() + DAY_MS);
}

/** When a round's days end, if they do. */
export function periodEnded(survey: Pick<SurveyWindow, 'periodEnd' | 'demo'>, now: Date): Date | undefined {
  const end = endOfPeriod(survey.periodEnd);
  return !survey.demo && now >= end ? end : undefined;
}

export interface SurveyWindow {
  roundStatus: 'draft' | 'open' | 'closed' | 'published';
  /** YYYY-MM-DD, the round's first and last days. */
  periodStart: string;
  periodEnd: string;
  /** A demonstration round, which its last day does not end. */
  demo: boolean;
  /** Whether the link and its office (if any) take responses. */
  linkActive: boolean;
  /** When the link was closed; null when it never was (or was reopened). */
  linkDisabledAt: Date | null;
}

export type WindowState = 'open' | 'not_started' | 'ended' | 'closed';

/** Whether a link takes responses at `now`, and if not, why. */
export function windowState(survey: SurveyWindow, now: Date): WindowState {
  if (survey.roundStatus === 'draft') return 'not_started';
  if (survey.roundStatus === 'published') return 'closed';
  if (now < startOfDayVietnam(survey.periodStart)) return 'not_started';
  if (periodEnded(survey, now)) return 'ended';
  if (survey.roundStatus !== 'open' || !survey.linkActive) return 'closed';
  return 'open';
}

/** The moment the link stopped taking responses, when it is known. */
function closingMoment(survey: SurveyWindow, now: Date): Date | undefined {
  const moments: Date[] = [];
  if (!survey.linkActive && survey.linkDisabledAt) moments.push(survey.linkDisabledAt);
  const end = periodEnded(survey, now);
  if (end) moments.push(end);
  if (moments.length === 0) return undefined;
  return new Date(Math.min(...moments.map((m) => m.getTime())));
}

/** When a closed link's survey closed, if a response finished at `submittedAt` may still come in late. */
export function lateDeliveryClosing(survey: SurveyWindow, submittedAt: Date | undefined, now: Date): Date | undefined {
  const state = windowState(survey, now);
  if (!submittedAt || state === 'open' || state === 'not_started' || survey.roundStatus === 'published') return undefined;
  const closed = closingMoment(survey, now);
  if (!closed) return undefined;
  if (submittedAt.getTime() > now.getTime() + lateDeliveryPolicy.clockToleranceMinutes * 60_000) return undefined;
  if (submittedAt < startOfDayVietnam(survey.periodStart)) return undefined;
  return submittedAt < closed && now.getTime() - closed.getTime() <= lateDeliveryPolicy.graceDays * DAY_MS ? closed : undefined;
}
