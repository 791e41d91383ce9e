/**
 * Plausibility checks for responses collected without accounts. A flagged response is stored but
 * held out of every figure (status `held`) until a reviewer accepts it (then it counts) or
 * excludes it: flags hold data back, they never drop it. The facts behind each flag are stored
 * with it (`flag_facts`), so the reviewer reads why in words.
 *
 * - too_fast: answered faster than a person can read the questions;
 * - implausible_time: the phone's times cannot be true — missing, finished in the future, finished
 *   before it started, or started before the round's first day;
 * - identical_burst: near-identical answers through the same link already arrived in the window:
 *   the satisfaction ratings equal but for at most `maxDifferentRatings` items (identical answers
 *   are the case of no difference);
 * - device_burst: `maxPerDeviceInWindow` or more responses from the same device already arrived in the window;
 * - late_delivery: finished before the survey closed, delivered after it.
 *
 * The two burst checks compare a response with those received before it, so they are decided where
 * that is known at the moment of storing: inside the statement that stores a group of responses
 * (db/queries/responses.ts, `insertResponseGroup`), which counts the stored ones and the group's
 * earlier members. Near-identical candidates are found through four indexed keys, one per band of
 * ratings (items 1, 5, 9…; 2, 6, 10…; …): ratings that differ in at most three items leave at
 * least one band untouched, so its key is equal — then the ratings themselves are compared. The
 * response alone decides the other flags, here.
 */
import { createHash } from 'node:crypto';
import type { BurstCheck } from '../../../db/queries/responses.ts';
import { startOfDayVietnam } from './late-delivery.ts';

export type ResponseFlag = 'too_fast' | 'implausible_time' | 'identical_burst' | 'device_burst' | 'late_delivery';

/** The order flags are listed in, whichever of them were found. */
export const flagOrder: readonly ResponseFlag[] = ['too_fast', 'implausible_time', 'identical_burst', 'device_burst', 'late_delivery'];

export const plausibility = {
  /** Reading and answering one question takes a person at least this long. */
  minSecondsPerAnswer: 1.5,
  /** Window in which near-identical answers through one link, or many responses from one device, look like a burst. */
  burstWindowMinutes: 15,
  /** More responses than this from one device in the window is a burst (a shared office tablet may send a few). */
  maxPerDeviceInWindow: 5,
  /** Ratings that differ in at most this many items are near-identical (the bands below assume ≤ 3). */
  maxDifferentRatings: 3,
  /** A phone's clock may be this far ahead of the server's before its times stop being believable. */
  clockToleranceMinutes: 10,
};

/** How many interleaved bands of ratings get an indexed key: one more than the differences allowed. */
export const RATING_BANDS = 4;

/** The facts a flag rests on, stored with the response (`flag_facts`) and worded on the flags screen. */
export interface FlagFacts {
  /** too_fast: seconds between opening and sending, and questions answered. */
  seconds?: number;
  answered?: number;
  /** implausible_time: which of the phone's times cannot be true, and by how much. */
  timing?: 'missing' | 'future' | 'reversed' | 'before_round';
  minutes?: number;
  /** late_delivery: when the phone finished, and when the link or round had closed. */
  submittedAt?: string;
  closedAt?: string;
  /** identical_burst: near-identical responses through the same link in the window, and the most differing ratings. */
  similar?: number;
  maxDifferent?: number;
  /** device_burst: responses from this device in the window, this one included. */
  deviceCount?: number;
  windowMinutes?: number;
}

export interface OwnFacts {
  startedAt?: Date;
  submittedAt?: Date;
  answeredCount: number;
  /** When the survey had closed, for a response finished before and delivered after. */
  lateDelivery?: { closedAt: Date };
  /** The round's first day (YYYY-MM-DD). */
  periodStart: string;
  now: Date;
}

const minutesBetween = (later: Date, earlier: Date) => Math.round((later.getTime() - earlier.getTime()) / 60_000);

/** Why the phone's own times cannot be true, if they cannot. */
function implausibleTiming(facts: OwnFacts): Pick<FlagFacts, 'timing' | 'minutes'> | undefined {
  const { startedAt, submittedAt, now } = facts;
  const tolerance = plausibility.clockToleranceMinutes * 60_000;
  // The survey page always sends both: a response without them hides how it was made.
  if (!startedAt || !submittedAt) return { timing: 'missing' };
  if (submittedAt.getTime() > now.getTime() + tolerance) return { timing: 'future', minutes: minutesBetween(submittedAt, now) };
  if (startedAt > submittedAt) return { timing: 'reversed', minutes: minutesBetween(startedAt, submittedAt) };
  const opened = startOfDayVietnam(facts.periodStart);
  if (startedAt.getTime() < opened.getTime() - tolerance) return { timing: 'before_round', minutes: minutesBetween(opened, startedAt) };
  return undefined;
}

/** The flags a response earns by itself, in `flagOrder`, with their facts. */
export function ownFlags(facts: OwnFacts): { flags: ResponseFlag[]; facts: FlagFacts } {
  const flags: ResponseFlag[] = [];
  const found: FlagFacts = {};
  if (facts.startedAt && facts.submittedAt) {
    const seconds = (facts.submittedAt.getTime() - facts.startedAt.getTime()) / 1000;
    if (seconds >= 0 && seconds < facts.answeredCount * plausibility.minSecondsPerAnswer) {
      flags.push('too_fast');
      Object.assign(found, { seconds: Math.round(seconds), answered: facts.answeredCount });
    }
  }
  const timing = implausibleTiming(facts);
  if (timing) {
    flags.push('implausible_time');
    Object.assign(found, timing);
  }
  if (facts.lateDelivery) {
    flags.push('late_delivery');
    Object.assign(found, { submittedAt: facts.submittedAt?.toISOString(), closedAt: facts.lateDelivery.closedAt.toISOString() });
  }
  return { flags, facts: found };
}

/** The indexed key of each band of ratings (64 bits of a hash, as PostgreSQL's bigint). */
export function ratingBands(ratings: readonly number[]): bigint[] {
  return Array.from({ length: RATING_BANDS }, (_, band) => {
    const values = ratings.filter((_, k) => k % RATING_BANDS === band).join(',');
    return createHash('sha256').update(`${band}:${values}`).digest().readBigInt64BE(0);
  });
}

export function burstCheck(now = Date.now()): BurstCheck {
  return {
    since: new Date(now - plausibility.burstWindowMinutes * 60_000),
    windowMinutes: plausibility.burstWindowMinutes,
    maxPerDevice: plausibility.maxPerDeviceInWindow,
    maxDifferentRatings: plausibility.maxDifferentRatings,
    order: flagOrder,
  };
}
