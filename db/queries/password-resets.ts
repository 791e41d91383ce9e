import { and, eq, gt, lte, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { passwordResets } from '../schema/index.ts';

/** Stores a new code for the account, replacing any earlier one (and dropping every expired code). */
export async function replacePasswordReset(db: Database, reset: typeof passwordResets.$inferInsert): Promise<void> {
  await db.delete(passwordResets).where(or(eq(passwordResets.userId, reset.userId), lte(passwordResets.expiresAt, new Date())));
  await db.insert(passwordResets).values(reset);
}

/**
 * Takes the code out of the table if it is the account's and has not expired: a code is deleted by
 * the one request that uses it, so two requests with the same code cannot both succeed.
 */
export async function takePasswordReset(db: Database, codeHash: string, userId: number): Promise<boolean> {
  const taken = await db
    .delete(passwordResets)
    .where(and(eq(passwordResets.codeHash, codeHash), eq(passwordResets.userId, userId), gt(passwordResets.expiresAt, new Date())))
    .returning({ userId: passwordResets.userId });
  return taken.length === 1;
}

export async function deletePasswordResetsOfUser(db: Database, userId: number): Promise<void> {
  await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
}
