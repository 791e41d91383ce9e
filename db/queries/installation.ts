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
