import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { auditLog, users } from '../schema/index.ts';

export type AuditEntry = typeof auditLog.$inferInsert;

export async function recordAudit(db: Database, entries: AuditEntry[]): Promise<void> {
  // A statement takes at most 65,535 parameters: marking 20,000 forms is 20,000 entries.
  for (let i = 0; i < entries.length; i += 2000) await db.insert(auditLog).values(entries.slice(i, i + 2000));
}

/** Everything recorded about one thing, oldest first, with who did it. */
export async function auditTrail(db: Database, entity: string, entityId: string) {
  return db
    .select({
      at: auditLog.at,
      userId: auditLog.userId,
      username: users.username,
      action: auditLog.action,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id));
}

/** Entries of one action about many things of one kind, oldest first (e.g. reviews of responses). */
export async function auditOfAction(db: Database, entity: string, entityIds: string[], action: string) {
  if (entityIds.length === 0) return [];
  return db
    .select({ entityId: auditLog.entityId, at: auditLog.at, username: users.username, newValue: auditLog.newValue })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, action), inArray(auditLog.entityId, entityIds)))
    .orderBy(asc(auditLog.id));
}
