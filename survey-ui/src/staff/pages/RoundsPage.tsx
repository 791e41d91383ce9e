import type { Round } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { RoundForm } from '../components/RoundForm.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { navigate } from '../routing/router.ts';
import { useStaff } from '../session/context.ts';

const viDate = (day: string) => day.split('-').reverse().join('/');

/** Every round with its status, and the form to create one. */
export function RoundsPage() {
  const t = useMessages();
  const { api } = useStaff();
  const rounds = useLoad(() => api.get<Round[]>('/rounds'), []);
  return (
    <section>
      <h1 tabIndex={-1}>{t.roundsTitle}</h1>
      <p>{t.roundsIntro}</p>
      {!rounds.data ? (
        <Loading error={rounds.error} />
      ) : rounds.data.length === 0 ? (
        <p>{t.noRounds}</p>
      ) : (
        <table class="rounds">
          <thead>
            <tr>
              <th scope="col">{t.roundCode}</th>
              <th scope="col">{t.roundName}</th>
              <th scope="col">{t.roundYear}</th>
              <th scope="col">{t.roundProvinces}</th>
              <th scope="col">{t.roundPeriodStart}</th>
              <th scope="col">{t.roundPeriodEnd}</th>
              <th scope="col">{t.roundStatusLabel}</th>
            </tr>
          </thead>
          <tbody>
            {[...rounds.data].reverse().map((r) => (
              <tr key={r.code} data-round={r.code}>
                <th scope="row">
                  <Link href={`/staff/rounds/${encodeURIComponent(r.code)}`}>{r.code}</Link>
                </th>
                <td>{r.name}</td>
                <td class="num">{r.year}</td>
                <td>{r.provinceCodes.join(', ')}</td>
                <td>{viDate(r.periodStart)}</td>
                <td>{viDate(r.periodEnd)}</td>
                <td data-status={r.status}>{t.roundStatuses[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RoundForm onSaved={(code) => navigate(`/staff/rounds/${encodeURIComponent(code)}`)} />
    </section>
  );
}
