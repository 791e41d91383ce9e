import { useMessages } from '../messages/catalogue.ts';
import { navigationFor } from '../routing/routes.tsx';
import { useStaff } from '../session/context.ts';
import { Link } from './Link.tsx';

/** The sections the logged-in user may open, and no others. */
export function NavBar({ path }: { path: string }) {
  const t = useMessages();
  const { session } = useStaff();
  return (
    <nav aria-label={t.navLabel} class="nav">
      <ul>
        {navigationFor(session).map((item) => (
          <li key={item.href}>
            <Link href={item.href} current={path === item.href || path.startsWith(`${item.href}/`)}>
              {t.nav[item.label]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
