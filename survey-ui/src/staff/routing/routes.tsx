/**
 * Every screen of the staff app, the action each is for, and the sections each user sees: those
 * the session's actions allow (contract/permissions.ts). The server checks every request again;
 * hiding a screen here only keeps people from dead ends.
 */
import type { JSX } from 'preact';
import type { Action } from '../../../../contract/permissions.ts';
import type { Session } from '../api/types.ts';
import type { Messages } from '../messages/catalogue.ts';
import { AccountPage } from '../pages/AccountPage.tsx';
import { AnalystPage } from '../pages/AnalystPage.tsx';
import { BatchesPage } from '../pages/BatchesPage.tsx';
import { BatchPage } from '../pages/BatchPage.tsx';
import { FlagsPage } from '../pages/FlagsPage.tsx';
import { FormHistoryPage } from '../pages/FormHistoryPage.tsx';
import { FormsPage } from '../pages/FormsPage.tsx';
import { FreeTextPage } from '../pages/FreeTextPage.tsx';
import { ImportPage } from '../pages/ImportPage.tsx';
import { KeyingPage } from '../pages/KeyingPage.tsx';
import { LinksPage } from '../pages/LinksPage.tsx';
import { LocalitiesPage } from '../pages/LocalitiesPage.tsx';
import { MyBatchesPage } from '../pages/MyBatchesPage.tsx';
import { OfficesPage } from '../pages/OfficesPage.tsx';
import { PlansPage } from '../pages/PlansPage.tsx';
import { ProgressPage } from '../pages/ProgressPage.tsx';
import { QuestionnairesPage } from '../pages/QuestionnairesPage.tsx';
import { ReconcilePage } from '../pages/ReconcilePage.tsx';
import { RoundPage } from '../pages/RoundPage.tsx';
import { RoundsPage } from '../pages/RoundsPage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
import { may } from '../session/may.ts';
import { matchPath, type Params } from './match.ts';

interface StaffRoute {
  pattern: string;
  /** The action of the permission table the screen is for (contract/permissions.ts). */
  action: Action;
  render(params: Params): JSX.Element;
}

const routes: StaffRoute[] = [
  { pattern: '/staff/users', action: 'users.manage', render: () => <UsersPage /> },
  { pattern: '/staff/forms', action: 'paper.manage', render: () => <FormsPage /> },
  { pattern: '/staff/forms/:round/:serial', action: 'paper.track', render: (p) => <FormHistoryPage round={p.round} serial={Number(p.serial)} /> },
  { pattern: '/staff/batches', action: 'batches.oversee', render: () => <BatchesPage /> },
  { pattern: '/staff/batches/:id', action: 'batches.read', render: (p) => <BatchPage id={Number(p.id)} /> },
  {
    pattern: '/staff/batches/:id/forms/:serial/reconcile',
    action: 'forms.reconcile',
    render: (p) => <ReconcilePage batchId={Number(p.id)} serial={Number(p.serial)} />,
  },
  { pattern: '/staff/progress', action: 'paper.track', render: () => <ProgressPage /> },
  { pattern: '/staff/import', action: 'responses.import', render: () => <ImportPage /> },
  { pattern: '/staff/links', action: 'links.manage', render: () => <LinksPage /> },
  { pattern: '/staff/offices', action: 'offices.manage', render: () => <OfficesPage /> },
  { pattern: '/staff/localities', action: 'localities.manage', render: () => <LocalitiesPage /> },
  { pattern: '/staff/flags', action: 'responses.review', render: () => <FlagsPage /> },
  { pattern: '/staff/my-batches', action: 'forms.key', render: () => <MyBatchesPage /> },
  { pattern: '/staff/keying/:id', action: 'forms.key', render: (p) => <KeyingPage batchId={Number(p.id)} /> },
  { pattern: '/staff/analysis', action: 'results.read', render: () => <AnalystPage /> },
  // accounts
  { pattern: '/staff/account', action: 'account.password', render: () => <AccountPage /> },
  // rounds
  { pattern: '/staff/rounds', action: 'rounds.manage', render: () => <RoundsPage /> },
  { pattern: '/staff/rounds/:code', action: 'rounds.manage', render: (p) => <RoundPage code={p.code} /> },
  { pattern: '/staff/questionnaires', action: 'questionnaires.manage', render: () => <QuestionnairesPage /> },
  // free text
  { pattern: '/staff/free-text', action: 'freetext.read', render: () => <FreeTextPage /> },
  // improvement plans
  { pattern: '/staff/plans', action: 'plans.read', render: () => <PlansPage /> },
];

/** Screens for people not logged in: the first-run setup and a password reset, each from a link. */
export const publicScreens = { setup: '/staff/setup', resetPassword: '/staff/reset-password' } as const;

/** The screen for a path, or undefined when the path is unknown or not for what this user may do. */
export function screenFor(path: string, session: Session): JSX.Element | undefined {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params && may(session, route.action)) return route.render(params);
  }
  return undefined;
}

type Section = keyof Messages['nav'];
/** The sections in the order the navigation shows them; each user sees those they may open. */
const sections: Array<{ href: string; label: Section; action: Action }> = [
  { href: '/staff/users', label: 'users', action: 'users.manage' },
  { href: '/staff/rounds', label: 'rounds', action: 'rounds.manage' },
  { href: '/staff/forms', label: 'forms', action: 'paper.manage' },
  { href: '/staff/batches', label: 'batches', action: 'batches.oversee' },
  { href: '/staff/progress', label: 'progress', action: 'paper.track' },
  { href: '/staff/import', label: 'import', action: 'responses.import' },
  { href: '/staff/localities', label: 'localities', action: 'localities.manage' },
  { href: '/staff/offices', label: 'offices', action: 'offices.manage' },
  { href: '/staff/links', label: 'links', action: 'links.manage' },
  { href: '/staff/my-batches', label: 'myBatches', action: 'forms.key' },
  { href: '/staff/flags', label: 'flags', action: 'responses.review' },
  { href: '/staff/questionnaires', label: 'questionnaires', action: 'questionnaires.manage' },
  // free text
  { href: '/staff/free-text', label: 'freeText', action: 'freetext.read' },
  { href: '/results', label: 'results', action: 'results.read' },
  { href: '/staff/plans', label: 'plans', action: 'plans.read' },
];

export function navigationFor(session: Session) {
  return sections.filter((section) => may(session, section.action));
}

/** Where work starts after logging in, the first the user may open; analysts start at the way to the results. */
const homes: Array<{ href: string; action: Action }> = [
  { href: '/staff/users', action: 'users.manage' },
  { href: '/staff/forms', action: 'paper.manage' },
  { href: '/staff/my-batches', action: 'forms.key' },
  { href: '/staff/analysis', action: 'results.read' },
];

export function homeOf(session: Session): string {
  return homes.find((home) => may(session, home.action))?.href ?? navigationFor(session)[0]?.href ?? '/staff/analysis';
}
