/**
 * Plausibility checks for responses collected without accounts. A flagged response is kept and
 * counted until a survey manager reviews it: flags inform, they never drop data.
 */
export type ResponseFlag = 'too_fast' | 'identical_burst' | 'device_burst' | 'late_delivery';

export const plausibility = {
  /** Reading and answering one question takes a person at least this long. */
  minSecondsPerAnswer: 1.5,
  /** Window in which identical answers through one office link, or many responses from one device, look like a burst. */
  burstWindowMinutes: 15,
  /** More responses than this from one device in the window is a burst (a shared office tablet may send a few). */
  maxPerDeviceInWindow: 5,
};

export interface PlausibilityFacts {
  startedAt?: Date;
  submittedAt?: Date;
  answeredCount: number;
  identicalInWindow: number;
  fromDeviceInWindow: number;
  /** Finished before the survey closed, delivered after it. */
  lateDelivery?: boolean;
}

export function plausibilityFlags(facts: PlausibilityFacts): ResponseFlag[] {
  const flags: ResponseFlag[] = [];
  if (facts.startedAt && facts.submittedAt) {
    const seconds = (facts.submittedAt.getTime() - facts.startedAt.getTime()) / 1000;
    if (seconds < facts.answeredCount * plausibility.minSecondsPerAnswer) flags.push('too_fast');
  }
  if (facts.identicalInWindow > 0) flags.push('identical_burst');
  if (facts.fromDeviceInWindow >= plausibility.maxPerDeviceInWindow) flags.push('device_burst');
  if (facts.lateDelivery) flags.push('late_delivery');
  return flags;
}
