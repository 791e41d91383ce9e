/**
 * Plausibility checks for responses collected without accounts. A flagged response is kept and
 * counted until a survey manager reviews it: flags inform, they never drop data.
 *
 * - too_fast: answered faster than a person can read the questions;
 * - identical_burst: the same answers through the same office link already arrived in the window;
 * - device_burst: `maxPerDeviceInWindow` or more responses from the same device already arrived in the window;
 * - late_delivery: finished before the survey closed, delivered after it.
 *
 * The two burst checks compare a response with those received before it, so they are decided where
 * that is known at the moment of storing: inside the statement that stores a group of responses
 * (db/queries/responses.ts, `insertResponseGroup`), which counts the stored ones and the group's
 * earlier members. The response alone decides the other two, here.
 */
import type { BurstCheck } from '../../db/queries/responses.ts';

export type ResponseFlag = 'too_fast' | 'identical_burst' | 'device_burst' | 'late_delivery';

/** The order flags are listed in, whichever of them were found. */
export const flagOrder: readonly ResponseFlag[] = ['too_fast', 'identical_burst', 'device_burst', 'late_delivery'];

export const plausibility = {
  /** Reading and answering one question takes a person at least this long. */
  minSecondsPerAnswer: 1.5,
  /** Window in which identical answers through one office link, or many responses from one device, look like a burst. */
  burstWindowMinutes: 15,
  /** More responses than this from one device in the window is a burst (a shared office tablet may send a few). */
  maxPerDeviceInWindow: 5,
};

export interface OwnFacts {
  startedAt?: Date;
  submittedAt?: Date;
  answeredCount: number;
  /** Finished before the survey closed, delivered after. */
  lateDelivery?: boolean;
}

/** The flags a response earns by itself, in `flagOrder`. */
export function ownFlags(facts: OwnFacts): ResponseFlag[] {
  const flags: ResponseFlag[] = [];
  if (facts.startedAt && facts.submittedAt) {
    const seconds = (facts.submittedAt.getTime() - facts.startedAt.getTime()) / 1000;
    if (seconds < facts.answeredCount * plausibility.minSecondsPerAnswer) flags.push('too_fast');
  }
  if (facts.lateDelivery) flags.push('late_delivery');
  return flags;
}

export function burstCheck(now = Date.now()): BurstCheck {
  return { since: new Date(now - plausibility.burstWindowMinutes * 60_000), maxPerDevice: plausibility.maxPerDeviceInWindow, order: flagOrder };
}
