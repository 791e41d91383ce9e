/**
 * Every screen of the staff app, who may open it, and the sections each role sees. The server
 * checks every request again; hiding a screen here only keeps people from dead ends.
 */
import type { JSX } from 'preact';
import type { Role } from '../api/types.ts';
import type { Messages } from '../messages/catalogue.ts';
import { AnalystPage } from '../pages/AnalystPage.tsx';
import { BatchesPage } from '../pages/BatchesPage.tsx';
import { BatchPage } from '../pages/BatchPage.tsx';
import { FlagsPage } from '../pages/FlagsPage.tsx';
import { FormHistoryPage } from '../pages/FormHistoryPage.tsx';
import { FormsPage } from '../pages/FormsPage.tsx';
import { ImportPage } from '../pages/ImportPage.tsx';
import { KeyingPage } from '../pages/KeyingPage.tsx';
import { LinksPage } from '../pages/LinksPage.tsx';
import { MyBatchesPage } from '../pages/MyBatchesPage.tsx';
import { ProgressPage } from '../pages/ProgressPage.tsx';
import { ReconcilePage } from '../pages/ReconcilePage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
import { matchPath, type Params } from './match.ts';

interface StaffRoute {
  pattern: string;
  roles: Role[];
  render(params: Params): JSX.Element;
}

const managers: Role[] = ['admin', 'manager'];

const routes: StaffRoute[] = [
  { pattern: '/staff/users', roles: ['admin'], render: () => <UsersPage /> },
  { pattern: '/staff/forms', roles: managers, render: () => <FormsPage /> },
  { pattern: '/staff/forms/:round/:serial', roles: managers, render: (p) => <FormHistoryPage round={p.round} serial={Number(p.serial)} /> },
  { pattern: '/staff/batches', roles: managers, render: () => <BatchesPage /> },
  { pattern: '/staff/batches/:id', roles: [...managers, 'keyer'], render: (p) => <BatchPage id={Number(p.id)} /> },
  { pattern: '/staff/batches/:id/forms/:serial/reconcile', roles: [...managers, 'keyer'], render: (p) => <ReconcilePage batchId={Number(p.id)} serial={Number(p.serial)} /> },
  { pattern: '/staff/progress', roles: managers, render: () => <ProgressPage /> },
  { pattern: '/staff/import', roles: managers, render: () => <ImportPage /> },
  { pattern: '/staff/links', roles: managers, render: () => <LinksPage /> },
  { pattern: '/staff/flags', roles: [...managers, 'analyst'], render: () => <FlagsPage /> },
  { pattern: '/staff/my-batches', roles: ['keyer'], render: () => <MyBatchesPage /> },
  { pattern: '/staff/keying/:id', roles: ['keyer'], render: (p) => <KeyingPage batchId={Number(p.id)} /> },
  { pattern: '/staff/analysis', roles: ['analyst'], render: () => <AnalystPage /> },
];

/** The screen for a path, or undefined when the path is unknown or not for this role. */
export function screenFor(path: string, role: Role): JSX.Element | undefined {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params && route.roles.includes(role)) return route.render(params);
  }
  return undefined;
}

type Section = keyof Messages['nav'];
const sections: Record<Role, Array<{ href: string; label: Section }>> = {
  admin: [
    { href: '/staff/users', label: 'users' }, { href: '/staff/forms', label: 'forms' }, { href: '/staff/batches', label: 'batches' },
    { href: '/staff/progress', label: 'progress' }, { href: '/staff/import', label: 'import' }, { href: '/staff/links', label: 'links' },
    { href: '/staff/flags', label: 'flags' }, { href: '/results', label: 'results' },
  ],
  manager: [
    { href: '/staff/forms', label: 'forms' }, { href: '/staff/batches', label: 'batches' }, { href: '/staff/progress', label: 'progress' },
    { href: '/staff/import', label: 'import' }, { href: '/staff/links', label: 'links' }, { href: '/staff/flags', label: 'flags' },
    { href: '/results', label: 'results' },
  ],
  keyer: [{ href: '/staff/my-batches', label: 'myBatches' }],
  analyst: [{ href: '/staff/analysis', label: 'results' }, { href: '/staff/flags', label: 'flags' }],
};

export function navigationFor(role: Role) {
  return sections[role];
}

/** Where a role starts after logging in. */
export function homeOf(role: Role): string {
  return sections[role][0].href;
}
