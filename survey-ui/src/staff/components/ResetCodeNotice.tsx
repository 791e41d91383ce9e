import type { PasswordReset } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** The one-time reset code just issued, with its link: shown this once, never stored in the browser. */
export function ResetCodeNotice({ reset }: { reset: PasswordReset }) {
  const t = useMessages();
  const { language } = useStaff();
  const until = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(reset.expiresAt));
  const link = `${location.origin}${reset.path}`;
  return (
    <div class="notice done reset-code" role="status">
      <p class="notice-title">{t.resetIssuedTitle(reset.user.username)}</p>
      <p>{t.resetIssued(until)}</p>
      <p>
        {t.resetCode}: <code data-reset-code>{reset.code}</code>
      </p>
      <p>
        {t.resetLink}:{' '}
        <a href={link} data-reset-link>
          {link}
        </a>
      </p>
    </div>
  );
}
