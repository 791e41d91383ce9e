import type { LinkActiveBody, OfficeLink } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** The round's online link and each office's link, the poster to print, and a switch to close or reopen each. */
export function LinksPage() {
  const t = useMessages();
  const { api, round } = useStaff();
  const links = useLoad(() => (round ? api.get<OfficeLink[]>(`/rounds/${encodeURIComponent(round.code)}/links`) : Promise.resolve([])), [round?.code]);
  const action = useAction();
  const toggle = (link: OfficeLink) =>
    action.run(async () => {
      const updated = await api.send<OfficeLink>('PATCH', `/links/${encodeURIComponent(link.token)}`, { active: !link.active } satisfies LinkActiveBody);
      links.reload();
      return `${updated.office?.name ?? t.onlineLinkShort}: ${updated.active ? t.linkOpen : t.linkClosed}`;
    });
  const reissue = (link: OfficeLink) => {
    const name = link.office?.name ?? t.onlineLinkShort;
    if (!window.confirm(t.reissueConfirm(name))) return;
    void action.run(async () => {
      await api.send<OfficeLink>('POST', `/links/${encodeURIComponent(link.token)}/reissue`);
      links.reload();
      return t.linkReissued(name);
    });
  };
  const state = (link: OfficeLink) =>
    !link.active
      ? t.linkClosed
      : link.open
        ? t.linkOpen
        : link.state === 'not_started'
          ? t.roundNotStarted
          : link.state === 'ended'
            ? t.roundEnded
            : t.roundNotOpen;
  // The online link first: it is one per round, where the province puts it on its portal.
  const ordered = (list: OfficeLink[]) => [...list.filter((l) => l.channel === 'online'), ...list.filter((l) => l.channel !== 'online')];
  return (
    <section>
      <h1 tabIndex={-1}>{t.linksTitle}</h1>
      <p>{t.linksIntro}</p>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {links.data?.some((link) => !link.printable) && (
        <p class="notice error" data-public-url-missing>
          {t.notPrintable}
        </p>
      )}
      {round && links.data?.some((link) => link.channel === 'office') && (
        <p>
          <a class="button" href={`/posters/${encodeURIComponent(round.code)}`} target="_blank" rel="noopener">
            {t.printAllPosters}
          </a>
        </p>
      )}
      {!round ? (
        <p>{t.noRounds}</p>
      ) : !links.data ? (
        <Loading error={links.error} />
      ) : links.data.length === 0 ? (
        <p>{t.noOffices}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.office}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.surveyUrl}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {ordered(links.data).map((link) => (
              <tr key={link.token} data-office={link.office?.code} data-channel={link.channel}>
                <th scope="row">
                  {link.office ? (
                    <>
                      {link.office.name} <span class="muted">({link.office.code})</span>
                    </>
                  ) : (
                    t.onlineLink
                  )}
                </th>
                <td class={link.open ? 'state-ok' : 'state-off'}>{state(link)}</td>
                <td class="value">
                  <a href={link.surveyUrl}>{link.surveyUrl}</a>
                </td>
                <td class="actions">
                  <a class="button small" href={link.posterPath} target="_blank" rel="noopener" aria-label={t.posterOf(link.office?.name ?? t.onlineLinkShort)}>
                    {t.printPoster}
                  </a>
                  <button type="button" class="button small" disabled={action.busy} onClick={() => void toggle(link)}>
                    {link.active ? t.closeLink : t.openLink}
                  </button>
                  <button type="button" class="button small" disabled={action.busy} onClick={() => reissue(link)}>
                    {t.reissueLink}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
