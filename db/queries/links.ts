import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { offices, surveyLinks, surveyRounds } from '../schema/index.ts';
import { withRoundParts, type RoundRow } from './rounds.ts';

export interface LinkDetails {
  id: number;
  token: string;
  active: boolean;
  disabledAt: Date | null;
  channel: 'office' | 'online';
  /** The office of an office link; null for the round's online link. */
  office: typeof offices.$inferSelect | null;
  round: RoundRow;
}

/** 128 random bits, URL-safe: unguessable, and short enough for a QR code a cheap camera reads. */
export function newLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

const linkColumns = {
  id: surveyLinks.id,
  token: surveyLinks.token,
  active: surveyLinks.active,
  disabledAt: surveyLinks.disabledAt,
  channel: surveyLinks.channel,
  office: offices,
  round: surveyRounds,
};

type LinkRecord = Omit<LinkDetails, 'round'> & { round: typeof surveyRounds.$inferSelect };

/** The links with their round's provinces and questionnaires. */
async function withRounds(db: Database, rows: LinkRecord[]): Promise<LinkDetails[]> {
  const rounds = new Map((await withRoundParts(db, [...new Map(rows.map((r) => [r.round.id, r.round])).values()])).map((r) => [r.id, r]));
  return rows.map((row) => ({ ...row, round: rounds.get(row.round.id)! }));
}

export async function findLinkByToken(db: Database, token: string): Promise<LinkDetails | undefined> {
  const rows = await db
    .select(linkColumns)
    .from(surveyLinks)
    .leftJoin(offices, eq(offices.id, surveyLinks.officeId))
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyLinks.roundId))
    .where(eq(surveyLinks.token, token));
  return (await withRounds(db, rows))[0];
}

/** The link of an office for a round, made on first use. */
export async function ensureLink(db: Database, officeId: number, roundId: number): Promise<string> {
  await db
    .insert(surveyLinks)
    .values({ token: newLinkToken(), officeId, roundId })
    .onConflictDoNothing({
      target: [surveyLinks.officeId, surveyLinks.roundId],
    });
  const [row] = await db
    .select({ token: surveyLinks.token })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.officeId, officeId), eq(surveyLinks.roundId, roundId)));
  return row.token;
}

/** The round's online link (not tied to an office), made on first use. */
export async function ensureOnlineLink(db: Database, roundId: number): Promise<string> {
  await db
    .insert(surveyLinks)
    .values({ token: newLinkToken(), channel: 'online', officeId: null, roundId })
    .onConflictDoNothing({
      target: surveyLinks.roundId,
      where: isNull(surveyLinks.officeId),
    });
  const [row] = await db
    .select({ token: surveyLinks.token })
    .from(surveyLinks)
    .where(and(isNull(surveyLinks.officeId), eq(surveyLinks.roundId, roundId)));
  return row.token;
}

export async function listLinksOfRound(db: Database, roundId: number): Promise<LinkDetails[]> {
  return withRounds(
    db,
    await db
      .select(linkColumns)
      .from(surveyLinks)
      .leftJoin(offices, eq(offices.id, surveyLinks.officeId))
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyLinks.roundId))
      .where(eq(surveyLinks.roundId, roundId))
      // The offices by code, then the round's online link.
      .orderBy(sql`${offices.code} nulls last`),
  );
}

/** Opens or closes one office's link; `undefined` when no link has this token. */
export async function setLinkActive(db: Database, token: string, active: boolean): Promise<{ id: number; active: boolean } | undefined> {
  const [row] = await db
    .update(surveyLinks)
    .set({ active, disabledAt: active ? null : new Date() })
    .where(eq(surveyLinks.token, token))
    .returning({ id: surveyLinks.id, active: surveyLinks.active });
  return row;
}

export async function setLinksActive(db: Database, roundId: number, active: boolean): Promise<number> {
  const updated = await db
    .update(surveyLinks)
    .set({ active, disabledAt: active ? null : new Date() })
    .where(eq(surveyLinks.roundId, roundId))
    .returning({ id: surveyLinks.id });
  return updated.length;
}

/** Gives a link a new token: the old one then opens nothing. Undefined when no link has `token`. */
export async function replaceLinkToken(db: Database, token: string): Promise<{ id: number; token: string } | undefined> {
  const [row] = await db
    .update(surveyLinks)
    .set({ token: newLinkToken() })
    .where(eq(surveyLinks.token, token))
    .returning({ id: surveyLinks.id, token: surveyLinks.token });
  return row;
}

/** Closes a round's open links at one moment (the round's closing), so that reopening finds exactly those. */
export async function closeOpenLinksOfRound(db: Database, roundId: number, at: Date): Promise<number> {
  const updated = await db
    .update(surveyLinks)
    .set({ active: false, disabledAt: at })
    .where(and(eq(surveyLinks.roundId, roundId), eq(surveyLinks.active, true)))
    .returning({ id: surveyLinks.id });
  return updated.length;
}

/** Opens again the links the round's closing closed (a link a manager closed by hand stays closed). */
export async function reopenLinksClosedAt(db: Database, roundId: number, at: Date): Promise<number> {
  const updated = await db
    .update(surveyLinks)
    .set({ active: true, disabledAt: null })
    .where(and(eq(surveyLinks.roundId, roundId), eq(surveyLinks.active, false), eq(surveyLinks.disabledAt, at)))
    .returning({ id: surveyLinks.id });
  return updated.length;
}

/** Gives the round's online link a new token (made first if missing): the old address stops working at once. */
export async function replaceOnlineLinkToken(db: Database, roundId: number): Promise<{ id: number; token: string; before: string }> {
  const before = await ensureOnlineLink(db, roundId);
  const [row] = await db
    .update(surveyLinks)
    .set({ token: newLinkToken() })
    .where(and(isNull(surveyLinks.officeId), eq(surveyLinks.roundId, roundId)))
    .returning({ id: surveyLinks.id, token: surveyLinks.token });
  return { ...row, before };
}
