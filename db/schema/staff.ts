import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const roles = ['admin', 'manager', 'keyer', 'analyst'] as const;
export type Role = (typeof roles)[number];

/** Staff accounts. Citizens never have one: their responses are anonymous. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    /** scrypt, with its parameters and salt: `scrypt$N$r$p$salt$hash` (base64url). */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Analysts see free-text answers in microdata only when cleared; admins and managers always do. */
    canReadComments: boolean('can_read_comments').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_check', sql`${t.role} in ('admin', 'manager', 'keyer', 'analyst')`)],
);

/**
 * Failed log-ins in a row under one typed username from one network address, and when the next
 * attempt from there may be checked (server/domain/accounts/log-in-throttle.ts). Keyed by the name as typed
 * (normalised), not by account, so that unknown names take exactly the same path as real ones.
 */
export const logInFailures = pgTable(
  'log_in_failures',
  {
    username: text('username').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    retryAt: timestamp('retry_at', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] }), index('log_in_failures_last_idx').on(t.lastFailureAt)],
);

/**
 * Failed log-ins under one typed username from every address together: a leaky bucket whose level
 * drains continuously, the ceiling that guessing spread over many addresses runs into.
 */
export const logInPressure = pgTable(
  'log_in_pressure',
  {
    username: text('username').primaryKey(),
    level: doublePrecision('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('log_in_pressure_updated_idx').on(t.updatedAt)],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Who did what, when, and the value before and after: nothing is overwritten silently. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/**
 * One-time codes an administrator issues so that a staff member can set a new password. Only the
 * SHA-256 of the code is kept; a code works once, for its own account, until it expires, and a new
 * code for the same account replaces the old one.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The administrator who issued it; null when issued at the command line. */
    issuedBy: integer('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
