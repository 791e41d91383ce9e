import type { FlaggedResponse, ReviewDecision } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** Responses flagged as implausible: kept and counted until a manager excludes (or accepts) them. */
export function FlagsPage() {
  const t = useMessages();
  const { api, round, language } = useStaff();
  const flagged = useLoad(
    () => (round ? api.get<FlaggedResponse[]>(`/rounds/${encodeURIComponent(round.code)}/flagged-responses`) : Promise.resolve([])),
    [round?.code],
  );
  const action = useAction();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const decide = (response: FlaggedResponse, decision: ReviewDecision) =>
    action.run(async () => {
      await api.send('POST', `/responses/${response.id}/review`, { decision });
      flagged.reload();
      return `${response.id.slice(0, 8)}: ${t.decisions[decision]}`;
    });
  return (
    <section>
      <h1 tabIndex={-1}>{t.flagsTitle}</h1>
      <p>{t.flagsIntro}</p>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {!round ? <p>{t.noRounds}</p> : !flagged.data ? <Loading error={flagged.error} /> : flagged.data.length === 0 ? <p>{t.noFlags}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.received}</th><th scope="col">{t.office}</th><th scope="col">{t.reasons}</th><th scope="col">{t.duration}</th>
              <th scope="col">{t.ratings}</th><th scope="col">{t.status}</th><th scope="col">{t.review}</th>
            </tr>
          </thead>
          <tbody>
            {flagged.data.map((r) => (
              <tr key={r.id} data-response={r.id} data-status={r.status}>
                <td>{time.format(new Date(r.receivedAt))}</td>
                <td>{r.office?.name ?? r.channel}</td>
                <td><ul class="counts">{r.flags.map((f) => <li key={f}>{t.flagNames[f] ?? f}</li>)}</ul></td>
                <td>{r.seconds === null ? t.unknown : t.seconds(r.seconds)}</td>
                <td>{t.ratingsSummary(r.rated, r.distinctRatings)}</td>
                <td>
                  <strong>{t.decisions[r.status as ReviewDecision] ?? r.status}</strong>
                  <br /><span class="muted">{r.review ? t.reviewedBy(r.review.by ?? '', time.format(new Date(r.review.at))) : t.notReviewed}</span>
                </td>
                <td class="actions">
                  {r.status !== 'excluded' && <button type="button" class="button small" disabled={action.busy} onClick={() => void decide(r, 'excluded')}>{t.exclude}</button>}
                  {(r.status !== 'accepted' || !r.review) && <button type="button" class="button small" disabled={action.busy} onClick={() => void decide(r, 'accepted')}>{t.accept}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
