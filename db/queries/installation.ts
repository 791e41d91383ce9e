import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { installationFacts } from '../schema/index.ts';

export async function hasFact(db: Database, key: string): Promise<boolean> {
  const [row] = await db.select({ key: installationFacts.key }).from(installationFacts).where(eq(installationFacts.key, key));
  return row !== undefined;
}

export async function recordFact(db: Database, key: string, value: unknown): Promise<void> {
  await db.insert(installationFacts).values({ key, value }).onConflictDoNothing();
}

export async function factValue(db: Database, key: string): Promise<unknown> {
  const [row] = await db.select({ value: installationFacts.value }).from(installationFacts).where(eq(installationFacts.key, key));
  return row?.value;
}

export async function setFact(db: Database, key: string, value: unknown): Promise<void> {
  await db
    .insert(installationFacts)
    .values({ key, value })
    .onConflictDoUpdate({ target: installationFacts.key, set: { value, recordedAt: new Date() } });
}

/** A fact's value, its row locked until the transaction ends (made first, with `initial`, if absent). */
export async function lockFact(db: Database, key: string, initial: unknown): Promise<unknown> {
  await db.insert(installationFacts).values({ key, value: initial }).onConflictDoNothing();
  const [row] = await db.select({ value: installationFacts.value }).from(installationFacts).where(eq(installationFacts.key, key)).for('update');
  return row.value;
}
