/**
 * Responses finished before a survey closed but delivered after it. A phone that finished at 16:59
 * on the last day and found a network the next morning still holds a response the round asked for:
 * refusing it would lose it. Such a response is accepted, flagged `late_delivery` for the survey
 * manager to review, when the phone's own finishing time falls before the closing moment and it
 * arrives within a grace period. The closing moment is when the office link was disabled, or for
 * a response without a link the end of the round's last day (Vietnam time). Published rounds take
 * nothing more: their figures are out.
 */
export const lateDeliveryPolicy = {
  graceDays: 14,
  /** A finishing time this far in the future is a phone clock set wrong, not a finishing time. */
  clockToleranceMinutes: 10,
};

const DAY_MS = 86_400_000;

export interface ClosedSurvey {
  roundStatus: 'draft' | 'open' | 'closed' | 'published';
  /** When the office link was disabled; null when it never was. */
  linkDisabledAt: Date | null;
  /** YYYY-MM-DD, the round's last day. */
  periodEnd: string;
}

/** The moment the survey stopped taking responses, if it did. */
function closingMoment(survey: ClosedSurvey, viaLink: boolean): Date | undefined {
  if (viaLink) return survey.linkDisabledAt ?? undefined;
  return new Date(`${survey.periodEnd}T23:59:59.999+07:00`);
}

export function acceptsLateDelivery(survey: ClosedSurvey, viaLink: boolean, submittedAt: Date | undefined, now: Date): boolean {
  if (!submittedAt || survey.roundStatus === 'published' || survey.roundStatus === 'draft') return false;
  const closed = closingMoment(survey, viaLink);
  if (!closed) return false;
  if (submittedAt.getTime() > now.getTime() + lateDeliveryPolicy.clockToleranceMinutes * 60_000) return false;
  return submittedAt <= closed && now.getTime() - closed.getTime() <= lateDeliveryPolicy.graceDays * DAY_MS;
}
