/**
 * The counters behind log-in throttling (server/domain/accounts/log-in-throttle.ts explains the policy).
 * Each attempt is reserved by one upsert per counter, whose WHERE refuses it when the counter is
 * full: the row lock the upsert takes makes parallel attempts under one name queue behind each
 * other, so they can never all pass the check before one of them is counted.
 */
import { and, eq, gt, inArray, lt, sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { logInFailures, logInPressure } from '../schema/index.ts';

export interface ThrottleNumbers {
  /** Failures in a row from one address that are checked without waiting. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further one doubles it … */
  firstDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
  /** Failures from all addresses together that fill the account's bucket … */
  accountCeiling: number;
  /** … which drains in this time when nothing more fails. */
  accountDrainMs: number;
  /** A counter with no failure for this long starts again from nothing (and is deleted). */
  forgetAfterMs: number;
}

/** Seconds since a timestamp, never negative (a transaction's now() may precede a row another one just wrote). */
const secondsSince = (column: unknown) => sql`greatest(0, extract(epoch from now() - ${column})::double precision)`;
const milliseconds = (amount: number | SQL) => sql`(${amount}::double precision * interval '1 millisecond')`;

/** The bucket's level now: what it held, less what drained since. */
const drainedLevel = (n: ThrottleNumbers) =>
  sql`greatest(0, ${logInPressure.level} - ${secondsSince(logInPressure.updatedAt)} * ${n.accountCeiling / (n.accountDrainMs / 1000)}::double precision)`;

/**
 * Counts one attempt under the name from the address, in both counters, if both still allow one;
 * false (and nothing counted) otherwise. The attempt counts as a failure until `forgiveAttempt`.
 */
export async function reserveAttempt(db: Database, username: string, address: string, n: ThrottleNumbers): Promise<boolean> {
  const drained = drainedLevel(n);
  const stale = sql`${logInFailures.lastFailureAt} < now() - ${milliseconds(n.forgetAfterMs)}`;
  const failures = sql`case when ${stale} then 1 else ${logInFailures.failures} + 1 end`;
  const retryAt = (count: SQL) => sql`case when ${count} >= ${n.freeFailures}
    then now() + ${milliseconds(sql`least(${n.firstDelayMs}::double precision * power(2, least(${count} - ${n.freeFailures}, 40)), ${n.maxDelayMs})`)}
    end`;
  let allowed = false;
  try {
    await db.transaction(async (tx) => {
      const account = await tx
        .insert(logInPressure)
        .values({ username, level: 1, updatedAt: sql`now()` })
        .onConflictDoUpdate({
          target: logInPressure.username,
          set: { level: sql`${drained} + 1`, updatedAt: sql`now()` },
          setWhere: sql`${drained} + 1 <= ${n.accountCeiling}`,
        })
        .returning({ level: logInPressure.level });
      if (account.length === 0) return;
      const fromAddress = await tx
        .insert(logInFailures)
        .values({ username, address, failures: 1, retryAt: retryAt(sql`1`), lastFailureAt: sql`now()` })
        .onConflictDoUpdate({
          target: [logInFailures.username, logInFailures.address],
          set: { failures, retryAt: retryAt(failures), lastFailureAt: sql`now()` },
          setWhere: sql`${stale} or ${logInFailures.retryAt} is null or ${logInFailures.retryAt} <= now()`,
        })
        .returning({ failures: logInFailures.failures });
      // Refused from this address: the rollback gives the account back the attempt counted above.
      if (fromAddress.length === 0) tx.rollback();
      allowed = true;
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return allowed;
}

/** The password was right: the address starts afresh, and the account gets back the attempt it lent. */
export async function forgiveAttempt(db: Database, username: string, address: string): Promise<void> {
  // The account's row first, as reserveAttempt locks them: the opposite order could deadlock with it.
  await db.transaction(async (tx) => {
    await tx
      .update(logInPressure)
      .set({ level: sql`greatest(0, ${logInPressure.level} - 1)` })
      .where(eq(logInPressure.username, username));
    await tx.delete(logInFailures).where(and(eq(logInFailures.username, username), eq(logInFailures.address, address)));
  });
}

/** An administrator lifts every block on the name, from every address. */
export async function clearThrottle(db: Database, username: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(logInPressure).where(eq(logInPressure.username, username));
    await tx.delete(logInFailures).where(eq(logInFailures.username, username));
  });
}

/** Deletes counters that hold nothing any more: no failure for `forgetAfterMs`, a bucket drained empty. */
export async function forgetOldFailures(db: Database, n: ThrottleNumbers): Promise<void> {
  await db.delete(logInFailures).where(lt(logInFailures.lastFailureAt, sql`now() - ${milliseconds(n.forgetAfterMs)}`));
  await db.delete(logInPressure).where(lt(logInPressure.updatedAt, sql`now() - ${milliseconds(n.accountDrainMs)}`));
}

export interface ThrottleState {
  username: string;
  /** The latest time until which some address must wait, if any still must. */
  addressBlockedUntil: Date | null;
  /** The bucket's level now (after draining). */
  accountLevel: number;
}

/** Where log-ins under these names are held back now. */
export async function throttleStates(db: Database, usernames: string[], n: ThrottleNumbers): Promise<ThrottleState[]> {
  if (usernames.length === 0) return [];
  const blocked = await db
    .select({ username: logInFailures.username, until: sql<Date>`max(${logInFailures.retryAt})`.mapWith(logInFailures.retryAt) })
    .from(logInFailures)
    .where(and(inArray(logInFailures.username, usernames), gt(logInFailures.retryAt, sql`now()`)))
    .groupBy(logInFailures.username);
  const levels = await db
    .select({ username: logInPressure.username, level: drainedLevel(n).mapWith(Number) })
    .from(logInPressure)
    .where(inArray(logInPressure.username, usernames));
  return usernames.map((username) => ({
    username,
    addressBlockedUntil: blocked.find((b) => b.username === username)?.until ?? null,
    accountLevel: levels.find((l) => l.username === username)?.level ?? 0,
  }));
}
