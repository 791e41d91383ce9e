/** The audit trail of one thing (a paper form, a response, a link…), as staff screens show it. */
import type { AuditEventView } from '../../../contract/audit.ts';
import type { Database } from '../../../db/client.ts';
import { auditTrail } from '../../../db/queries/audit.ts';

type AuditRow = Awaited<ReturnType<typeof auditTrail>>[number];

export function auditEventView(e: AuditRow): AuditEventView {
  // Old and new values come out of a jsonb column: JSON by construction.
  return { ...e, at: e.at.toISOString(), oldValue: e.oldValue as AuditEventView['oldValue'], newValue: e.newValue as AuditEventView['newValue'] };
}

export async function auditEvents(db: Database, entity: string, id: string): Promise<AuditEventView[]> {
  return (await auditTrail(db, entity, id)).map(auditEventView);
}
