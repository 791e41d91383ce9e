import { and, asc, eq, gt, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { sessions, users, type Role } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type PublicUser = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'active'>;

const publicColumns = { id: users.id, username: users.username, displayName: users.displayName, role: users.role, active: users.active };

export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUsersByIds(db: Database, ids: number[]): Promise<PublicUser[]> {
  const all = await listUsers(db);
  return all.filter((u) => ids.includes(u.id));
}

export async function listUsers(db: Database): Promise<PublicUser[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.username));
}

export async function insertUser(
  db: Database,
  user: { username: string; displayName: string; role: Role; passwordHash: string },
): Promise<PublicUser | undefined> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.username }).returning(publicColumns);
  return row;
}

export async function insertSession(db: Database, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The live session of a token hash, with its user; expired or idle sessions are not found. */
export async function findLiveSession(db: Database, tokenHash: string, idleSince: Date) {
  const [row] = await db
    .select({ session: sessions, user: publicColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), gt(sessions.lastSeenAt, idleSince), eq(users.active, true)));
  return row;
}

export async function touchSession(db: Database, tokenHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function setUserActive(db: Database, userId: number, active: boolean): Promise<PublicUser | undefined> {
  const [row] = await db.update(users).set({ active }).where(eq(users.id, userId)).returning(publicColumns);
  return row;
}

export async function deleteSessionsOfUser(db: Database, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes every session past its absolute expiry or idle since before `idleSince`; returns how many. */
export async function deleteDeadSessions(db: Database, now: Date, idleSince: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince)))
    .returning({ tokenHash: sessions.tokenHash });
  return gone.length;
}

/** Whether a staff member may read free-text answers: admins and managers always, analysts when cleared. */
export async function readsFreeText(db: Database, userId: number): Promise<boolean> {
  const [row] = await db.select({ role: users.role, cleared: users.canReadComments }).from(users).where(eq(users.id, userId));
  return !!row && (row.role === 'admin' || row.role === 'manager' || row.cleared);
}

export async function setFreeTextClearance(db: Database, username: string, cleared: boolean): Promise<PublicUser | undefined> {
  const [row] = await db.update(users).set({ canReadComments: cleared }).where(eq(users.username, username)).returning(publicColumns);
  return row;
}

export async function setUserRole(db: Database, userId: number, role: Role): Promise<PublicUser | undefined> {
  const [row] = await db.update(users).set({ role }).where(eq(users.id, userId)).returning(publicColumns);
  return row;
}

export async function setPasswordHash(db: Database, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** An account with its password hash, by id. */
export async function findUserById(db: Database, userId: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/**
 * The ids of the active administrators, their rows locked until the transaction ends: two
 * administrators demoting or deactivating each other at once take turns, and the second sees the
 * first's change, so the last active administrator cannot disappear between a check and a write.
 */
export async function lockActiveAdmins(db: Database): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

export async function countActiveAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return Number(row.n);
}

/** Ends every session of the user but the one whose token hash is kept. */
export async function deleteOtherSessionsOfUser(db: Database, userId: number, keptTokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptTokenHash)));
}
