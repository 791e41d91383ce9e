import { useMessages, type Language } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { may } from '../session/may.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link } from './Link.tsx';
import { RoundPicker } from './RoundPicker.tsx';

/** Who is logged in, the round worked on, the language switch and log-out. */
export function StaffHeader({ language, onLanguage, onLogOut }: { language: Language; onLanguage: (l: Language) => void; onLogOut: () => void }) {
  const t = useMessages();
  const { session } = useStaff();
  return (
    <header class="staff-header">
      <p class="app-title">{t.appTitle}</p>
      {may(session, 'paper.manage') && <RoundPicker />}
      <p class="who">{t.signedInAs(session.user.displayName, t.roles[session.user.role])}</p>
      {may(session, 'account.password') && (
        <Link href="/staff/account" class="button quiet">
          {t.myAccount}
        </Link>
      )}
      <LanguageSwitch language={language} onChange={onLanguage} />
      <button type="button" class="button quiet" onClick={onLogOut}>
        {t.logOut}
      </button>
    </header>
  );
}
