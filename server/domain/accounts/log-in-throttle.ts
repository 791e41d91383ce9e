/**
 * How failed log-ins are held back. Three counters, each answering a different attacker:
 *
 * - per typed username and client network (an IPv4 address, an IPv6 /64): the first five failures
 *   in a row are checked at once; after that one attempt is checked per wait, the wait doubling
 *   from 1 minute to at most 1 hour (1, 2, 4, 8, 16, 32, 60, 60 … minutes). Someone guessing one
 *   account from one network gets about 30 guesses a day, and the account's owner, logging in from
 *   elsewhere, is not held back by it at all.
 * - per typed username from everywhere: a bucket of 100 failures that drains in 24 hours (about
 *   4 an hour). One network's sustained rate (1 an hour) never fills it; guessing spread over many
 *   networks does, and then holds every address to the bucket's drain rate.
 * - per client network over every account: 30 log-in attempts per 15 minutes (plugins/rate-limits.ts).
 *
 * Every attempt is counted before its password is checked, and forgiven when the password was
 * right, so parallel guesses can never be checked beyond what the counters allow. A refused
 * attempt is not counted: hammering a held-back account does not lengthen the wait. A counter with
 * no failure for a day is forgotten; an administrator can lift all of a name's counters at once.
 */
import type { Database } from '../../../db/client.ts';
import { throttleStates, type ThrottleNumbers } from '../../../db/queries/log-in-throttle.ts';

export type { ThrottleNumbers } from '../../../db/queries/log-in-throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const defaultThrottle: ThrottleNumbers = {
  freeFailures: 5,
  firstDelayMs: MINUTE,
  maxDelayMs: HOUR,
  accountCeiling: 100,
  accountDrainMs: 24 * HOUR,
  forgetAfterMs: 24 * HOUR,
};

/** Until when log-ins under each name are held back from some address (or from all), or null. */
export async function logInBlockedUntil(db: Database, usernames: string[], numbers: ThrottleNumbers): Promise<Map<string, Date | null>> {
  const now = Date.now();
  const drainPerMs = numbers.accountCeiling / numbers.accountDrainMs;
  const states = await throttleStates(db, usernames, numbers);
  return new Map(
    states.map((state) => {
      const accountFullUntil = state.accountLevel + 1 > numbers.accountCeiling ? now + (state.accountLevel + 1 - numbers.accountCeiling) / drainPerMs : 0;
      const until = Math.max(state.addressBlockedUntil?.getTime() ?? 0, accountFullUntil);
      return [state.username, until > now ? new Date(until) : null];
    }),
  );
}
