import type { RoundDetail } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { OnlineLinkPanel } from '../components/OnlineLinkPanel.tsx';
import { RoundForm } from '../components/RoundForm.tsx';
import { RoundLifecycle } from '../components/RoundLifecycle.tsx';
import { SamplePlanEditor } from '../components/SamplePlanEditor.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** One round: its status and the moves it allows, its settings, its sample plan with progress. */
export function RoundPage({ code }: { code: string }) {
  const t = useMessages();
  const { api } = useStaff();
  const round = useLoad(() => api.get<RoundDetail>(`/rounds/${encodeURIComponent(code)}`), [code]);
  return (
    <section>
      <p>
        <Link href="/staff/rounds">{t.roundBack}</Link>
      </p>
      <h1 tabIndex={-1}>
        {t.roundOpen(code)}
        {round.data && `: ${round.data.name}`}
      </h1>
      {!round.data ? (
        <Loading error={round.error} />
      ) : (
        <>
          <RoundLifecycle round={round.data} onChanged={round.reload} />
          <SamplePlanEditor round={round.data} onSaved={round.reload} />
          {round.data.status !== 'published' && (
            <RoundForm key={round.data.code} round={round.data} locked={round.data.questionnairesInUse} onSaved={round.reload} />
          )}
          <OnlineLinkPanel code={round.data.code} />
        </>
      )}
    </section>
  );
}
