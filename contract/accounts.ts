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
/** What the Users page changes about an account: whether it may log in, its role, or both. */
export const AccountChangeBody = z
  .object({ active: z.boolean().optional(), role: z.enum(roles).optional() })
  .refine((body) => body.active !== undefined || body.role !== undefined, { message: 'Give active, role or both', path: ['active'] });
export type AccountChangeBody = z.input<typeof AccountChangeBody>;

/** Passwords as typed: the rules (at least 10 characters) are checked by the server, naming the field. */
const password = z.string().max(200);

/** Whether the installation still needs its first administrator; the setup link only for a browser on the server's own machine. */
export const SetupStatusView = z.object({
  needed: z.boolean(),
  link: z.string().nullable().describe('The setup page with its token, shown only to a browser on the same machine as the server'),
});
export type SetupStatusView = z.output<typeof SetupStatusView>;

export const FirstAdminBody = z.object({
  token: z.string().min(1).max(100).describe('The token of the setup link the server printed when it started'),
  username: z.string().max(80),
  displayName: z.string().max(120).default(''),
  password,
});
export type FirstAdminBody = z.input<typeof FirstAdminBody>;

export const PasswordResetView = z.object({
  user: StaffUserView,
  code: z.string().describe('One-time code: shown once, stored only as a hash'),
  path: z.string().describe('The page that sets the new password, with the account and code after #'),
  expiresAt: z.iso.datetime(),
});
export type PasswordResetView = z.output<typeof PasswordResetView>;

export const RedeemResetBody = z.object({ username: z.string().min(1).max(80), code: z.string().min(1).max(100), password });
export type RedeemResetBody = z.input<typeof RedeemResetBody>;

export const OwnPasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password });
export type OwnPasswordBody = z.input<typeof OwnPasswordBody>;
