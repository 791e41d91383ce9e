import type { OfficeLink } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Link } from './Link.tsx';

/** The round's online link (made on first look): its address, and a new address when the old one must stop working. */
export function OnlineLinkPanel({ code }: { code: string }) {
  const t = useMessages();
  const { api } = useStaff();
  const links = useLoad(() => api.get<OfficeLink[]>(`/rounds/${encodeURIComponent(code)}/links`), [code]);
  const online = links.data?.find((l) => l.channel === 'online');
  const action = useAction();
  const reissue = () =>
    action.run(async () => {
      await api.send<OfficeLink>('POST', `/rounds/${encodeURIComponent(code)}/online-link/reissue`);
      links.reload();
      return t.onlineLinkReissued;
    });
  return (
    <section class="panel stack online-link" aria-labelledby="online-link-title">
      <h2 id="online-link-title">{t.roundOnlineLink}</h2>
      {online && (
        <p>
          <a href={online.surveyUrl} data-online-link>
            {online.surveyUrl}
          </a>
        </p>
      )}
      <ErrorNotice error={links.error ?? action.error} />
      <DoneNotice message={action.done} />
      <div class="row">
        <button type="button" class="button" disabled={action.busy} onClick={() => void reissue()}>
          {t.onlineLinkReissue}
        </button>
      </div>
      <p class="hint">
        {t.roundOnlineLinkHint} <Link href="/staff/links">{t.nav.links}</Link>
      </p>
    </section>
  );
}
