/** Staff accounts and their sessions. */
import { z } from 'zod';
import { RowIdParam } from './fields.ts';
import { actions } from './permissions.ts';

/** What a staff member may do (db/schema/staff.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree). */
export const roles = ['admin', 'manager', 'keyer', 'analyst'] as const;
export type Role = (typeof roles)[number];

export const StaffUserView = z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(roles), active: z.boolean() });
export type StaffUserView = z.output<typeof StaffUserView>;

export const SessionView = z.object({
  user: StaffUserView,
  csrfToken: z.string().describe('Send back in X-CSRF-Token on every POST, PUT, PATCH or DELETE'),
  actions: z.array(z.enum(actions)).describe("What the user's role may do (contract/permissions.ts): screens offer these and no others"),
});
export type SessionView = z.output<typeof SessionView>;

export const LogInBody = z.object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) });
export type LogInBody = z.input<typeof LogInBody>;

/** An account as the Users screen lists it. */
export const StaffAccountView = StaffUserView.extend({
  logInBlockedUntil: z.iso
    .datetime()
    .nullable()
    .describe('Until when repeated failed log-ins hold back further ones from some address (or from all); null when none'),
});
export type StaffAccountView = z.output<typeof StaffAccountView>;

export const UserParams = z.object({ id: RowIdParam });
export const NewUserBody = z.object({
  username: z.string().max(80),
  displayName: z.string().max(120).default(''),
  role: z.enum(roles),
  password: z.string().max(200),
});
export type NewUserBody = z.input<typeof NewUserBody>;
export const ActiveBody = z.object({ active: z.boolean() });
export type ActiveBody = z.input<typeof ActiveBody>;
