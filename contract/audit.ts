/** The audit trail of one thing, as staff screens show it. */
import { z } from 'zod';

export const AuditQuery = z.object({ entity: z.string().min(1).max(64), id: z.string().min(1).max(200) });

export const AuditEventView = z.object({
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  field: z.string().nullable(),
  // Whatever the audited field held: a status, a number, an answer, a list of answers.
  oldValue: z.json(),
  newValue: z.json(),
});
export type AuditEventView = z.output<typeof AuditEventView>;
