/**
 * Who may do what: the one table of staff actions and the roles allowed each. Every staff route
 * names one action (server/plugins/auth.ts refuses to start a route that names neither an action
 * nor `public`), the session reply lists the caller's actions, and the staff and results screens
 * show only what those allow. Pure data, so that the UI, the tests and the documentation read it too.
 */
import type { Role } from './accounts.ts';

const everyone = ['admin', 'manager', 'keyer', 'analyst'] as const satisfies readonly Role[];
const managers = ['admin', 'manager'] as const satisfies readonly Role[];
const readers = ['admin', 'manager', 'analyst'] as const satisfies readonly Role[];

export const permissions = {
  'session.end': { roles: everyone, en: 'Log out' },
  'rounds.list': { roles: everyone, en: 'See the list of survey rounds' },
  'users.list': { roles: managers, en: 'See staff accounts (to assign keyers)' },
  'users.manage': { roles: ['admin'], en: 'Create, deactivate, unlock staff accounts, change their roles, issue password resets' },
  // accounts: everyone keeps their own password
  'account.password': { roles: everyone, en: 'Change one’s own password' },
  'localities.list': { roles: managers, en: 'Browse administrative units' },
  'paper.manage': { roles: managers, en: 'Issue paper forms, mark returns, make batches' },
  'paper.track': { roles: managers, en: 'Follow paper progress, a form’s history and the audit trail' },
  'batches.read': { roles: ['admin', 'manager', 'keyer'], en: 'Open batches (a keyer only those assigned)' },
  // No route of its own: decides, within batches.read and forms.reconcile, whether a batch must be assigned to the caller.
  'batches.oversee': { roles: managers, en: 'See and reconcile every batch, not only assigned ones' },
  'forms.key': { roles: ['keyer'], en: 'Key paper forms of an assigned batch' },
  'forms.reconcile': { roles: ['admin', 'manager', 'keyer'], en: 'Compare and reconcile two entries (a keyer only as a batch’s reconciler)' },
  'responses.import': { roles: managers, en: 'Import keyed responses from a file' },
  'links.manage': { roles: managers, en: 'See, open and close survey links' },
  'responses.review': { roles: readers, en: 'Review flagged responses' },
  'results.read': { roles: readers, en: 'Read results, downloads, microdata, trends and frames' },
  'results.frame': { roles: managers, en: 'Upload or remove a round’s sampling frame' },
  'results.publish': { roles: managers, en: 'Publish and withdraw a round’s results' },
  // Questionnaire versions: upload, check, preview and download.
  'questionnaires.manage': { roles: ['admin'], en: 'Upload questionnaire versions (JSON or XLSX), preview and download them' },
  // offices and localities: the lists a province keeps before a round
  'offices.manage': { roles: managers, en: 'Add, import, edit and deactivate offices' },
  'localities.manage': { roles: managers, en: 'Import and edit administrative units and their old → new mappings' },
  // rounds: creating and editing rounds, their sample plan and lifecycle (open, close, keying).
  'rounds.read': { roles: readers, en: 'See a round’s settings, sample plan and progress' },
  'rounds.manage': { roles: managers, en: 'Create and edit rounds and their sample plans; open, close and reopen them; close keying' },
  // free text: citizens' own words, personal data masked unless the reader is cleared (users.can_read_comments)
  'freetext.read': { roles: readers, en: 'Read and download citizens’ free answers, their categories and counts (personal data masked unless cleared)' },
  'freetext.tag': { roles: readers, en: 'Create, rename and delete categories of free answers, and tag answers with them' },
  // improvement plans: leaders read them; managers keep them and the lead-agency tables
  'plans.read': { roles: readers, en: 'Read improvement plans, lead agencies and the plan reports' },
  'plans.manage': { roles: managers, en: 'Make and edit improvement plans and a province’s lead agencies' },
} as const satisfies Record<string, { roles: readonly Role[]; en: string }>;

export type Action = keyof typeof permissions;

export const actions = Object.keys(permissions) as Action[];

export function roleMay(role: Role, action: Action): boolean {
  return (permissions[action].roles as readonly Role[]).includes(role);
}

/** What one role may do, in the table's order. */
export function actionsOf(role: Role): Action[] {
  return actions.filter((action) => roleMay(role, action));
}
