import { and, asc, count, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { offices, responses, surveyRounds } from '../schema/index.ts';

export type NewResponseRow = typeof responses.$inferInsert;
export type ResponseRow = typeof responses.$inferSelect;

export interface StoredResponse extends ResponseRow {
  roundCode: string;
  officeCode: string | null;
}

export async function findResponse(db: Database, id: string): Promise<StoredResponse | undefined> {
  const [row] = await db
    .select({ response: responses, roundCode: surveyRounds.code, officeCode: offices.code })
    .from(responses)
    .innerJoin(surveyRounds, eq(surveyRounds.id, responses.roundId))
    .leftJoin(offices, eq(offices.id, responses.officeId))
    .where(eq(responses.id, id));
  return row && { ...row.response, roundCode: row.roundCode, officeCode: row.officeCode };
}

/**
 * Stores a response unless one with its id exists. The insert is one autocommitted statement, so
 * when this returns `inserted: true` the row is committed; under concurrent identical inserts the
 * primary key lets exactly one through and the others see it afterwards.
 */
export async function insertResponseOnce(db: Database, row: NewResponseRow): Promise<{ inserted: boolean }> {
  const inserted = await db.insert(responses).values(row).onConflictDoNothing({ target: responses.id }).returning({ id: responses.id });
  return { inserted: inserted.length > 0 };
}

/** How many responses came through a link with these exact answers since a moment (burst check). */
export async function countIdenticalSince(db: Database, linkId: number, fingerprint: string, since: Date): Promise<number> {
  const rows = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.linkId, linkId), eq(responses.answersFingerprint, fingerprint), gte(responses.receivedAt, since)));
  return rows.length;
}

/** How many responses one device sent since a moment. */
export async function countFromClientSince(db: Database, clientId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.clientId, clientId), gte(responses.receivedAt, since)));
  return row.n;
}

/** Responses of a round that plausibility checks flagged, for a survey manager to review. */
export async function listFlaggedResponses(db: Database, roundId: number) {
  return db
    .select({
      id: responses.id, channel: responses.channel, officeCode: offices.code, officeName: offices.name, flags: responses.flags,
      status: responses.status, ratings: responses.ratings, startedAt: responses.startedAt, submittedAt: responses.submittedAt, receivedAt: responses.receivedAt,
    })
    .from(responses)
    .leftJoin(offices, eq(offices.id, responses.officeId))
    .where(and(eq(responses.roundId, roundId), sql`cardinality(${responses.flags}) > 0`))
    .orderBy(asc(responses.receivedAt), asc(responses.id));
}

export async function setResponseStatus(db: Database, id: string, status: ResponseRow['status']): Promise<void> {
  await db.update(responses).set({ status }).where(eq(responses.id, id));
}
