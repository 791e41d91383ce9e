import type { FlaggedResponse, ReviewBody, ReviewDecision } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

type Why = (facts: FlaggedResponse['facts'], time: (iso: string) => string) => string;

/**
 * Responses flagged as implausible, each with why in words and the facts found: held out of the
 * results until an analyst, manager or admin accepts (counted) or excludes (not counted) them.
 */
export function FlagsPage() {
  const t = useMessages();
  const { api, round, language } = useStaff();
  const flagged = useLoad(
    () => (round ? api.get<FlaggedResponse[]>(`/rounds/${encodeURIComponent(round.code)}/flagged-responses`) : Promise.resolve([])),
    [round?.code],
  );
  const action = useAction();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const at = (iso: string) => time.format(new Date(iso));
  const why = (flag: string, r: FlaggedResponse) => (t.flagWhy as Record<string, Why | undefined>)[flag]?.(r.facts, at);
  const decide = (response: FlaggedResponse, decision: ReviewDecision) =>
    action.run(async () => {
      await api.send('POST', `/responses/${response.id}/review`, { decision } satisfies ReviewBody);
      flagged.reload();
      return `${response.id.slice(0, 8)}: ${t.decisions[decision]}`;
    });
  const held = flagged.data?.filter((r) => r.status === 'held').length ?? 0;
  return (
    <section>
      <h1 tabIndex={-1}>{t.flagsTitle}</h1>
      <p>{t.flagsIntro}</p>
      {held > 0 && (
        <p class="held-count" role="status">
          {t.heldCount(held)}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {!round ? (
        <p>{t.noRounds}</p>
      ) : !flagged.data ? (
        <Loading error={flagged.error} />
      ) : flagged.data.length === 0 ? (
        <p>{t.noFlags}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.office}</th>
              <th scope="col">{t.reasons}</th>
              <th scope="col">{t.duration}</th>
              <th scope="col">{t.ratings}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.review}</th>
            </tr>
          </thead>
          <tbody>
            {flagged.data.map((r) => (
              <tr key={r.id} data-response={r.id} data-status={r.status}>
                <td>{at(r.receivedAt)}</td>
                <td>{r.office?.name ?? (r.channel === 'online' ? t.onlineLinkShort : r.channel)}</td>
                <td>
                  <ul class="counts">
                    {r.flags.map((f) => (
                      <li key={f} data-flag={f}>
                        <strong>{t.flagNames[f] ?? f}</strong>
                        {why(f, r) && (
                          <>
                            : <span class="why">{why(f, r)}</span>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{r.seconds === null ? t.unknown : t.seconds(r.seconds)}</td>
                <td>{t.ratingsSummary(r.rated, r.distinctRatings)}</td>
                <td>
                  <strong>{t.decisions[r.status] ?? r.status}</strong>
                  <br />
                  <span class="muted">{r.review ? t.reviewedBy(r.review.by ?? '', at(r.review.at)) : t.notReviewed}</span>
                </td>
                <td class="actions">
                  {r.status !== 'excluded' && (
                    <button type="button" class="button small" disabled={action.busy} onClick={() => void decide(r, 'excluded')}>
                      {t.exclude}
                    </button>
                  )}
                  {r.status !== 'accepted' && (
                    <button type="button" class="button small" disabled={action.busy} onClick={() => void decide(r, 'accepted')}>
                      {t.accept}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
