import { useState } from 'preact/hooks';
import type { PlanView } from '../../../../contract/plans.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { AgencyTable } from '../plans/AgencyTable.tsx';
import { PlanEntryRow } from '../plans/PlanEntryRow.tsx';
import { useStaff } from '../session/context.ts';
import { may } from '../session/may.ts';

/** The choice in the address, so a link or a reload shows the same plan. */
function fromAddress(): { round?: string; province?: string } {
  const q = new URLSearchParams(location.search);
  return { round: q.get('round') ?? undefined, province: q.get('province') ?? undefined };
}

/**
 * A province's improvement plan after a published round: leaders read it, managers make it (one
 * click puts every index below target or fallen on it) and keep each entry up to date; the next
 * round's change stands beside the actions. The report downloads as XLSX and prints.
 */
export function PlansPage() {
  const t = useMessages();
  const { api, rounds, session, language } = useStaff();
  const canEdit = may(session, 'plans.manage');
  const published = rounds.filter((r) => r.status === 'published');
  const [choice, setChoice] = useState(fromAddress);
  const round = published.find((r) => r.code === choice.round) ?? published.at(-1);
  const province = round && (round.provinceCodes.includes(choice.province ?? '') ? choice.province! : round.provinceCodes[0]);
  const choose = (next: { round?: string; province?: string }) => {
    const merged = { ...choice, ...next };
    setChoice(merged);
    const q = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
    history.replaceState(null, '', `${location.pathname}?${q}`);
  };
  const path = round && province ? `/rounds/${encodeURIComponent(round.code)}/plans/${encodeURIComponent(province)}` : undefined;
  const plan = useLoad(() => (path ? api.get<PlanView>(path) : Promise.resolve(undefined)), [path]);
  const action = useAction();
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format;
  const generate = () =>
    action.run(async () => {
      const { created } = await api.send<{ created: number }>('POST', `${path}/generate`);
      plan.reload();
      return t.plansGenerated(created);
    });

  return (
    <section class="stack plans">
      <h1 tabIndex={-1}>{t.plansTitle}</h1>
      <p>{t.plansIntro}</p>
      {published.length === 0 || !round || !province ? (
        <p>{t.plansNoPublished}</p>
      ) : (
        <>
          <div class="row">
            <label>
              <span>{t.plansRound}</span>{' '}
              <select value={round.code} onChange={(e) => choose({ round: (e.currentTarget as HTMLSelectElement).value, province: undefined })}>
                {published.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name} ({r.code})
                  </option>
                ))}
              </select>
            </label>
            {round.provinceCodes.length > 1 && (
              <label>
                <span>{t.plansProvince}</span>{' '}
                <select value={province} onChange={(e) => choose({ province: (e.currentTarget as HTMLSelectElement).value })}>
                  {round.provinceCodes.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <ErrorNotice error={action.error} />
          <DoneNotice message={action.done} />
          {!plan.data ? (
            <Loading error={plan.error} />
          ) : (
            <>
              <h2>
                {plan.data.provinceName} — {plan.data.roundName}
              </h2>
              <ul class="plain">
                <li>{plan.data.target === null ? t.plansNoTarget : t.plansTarget(number(plan.data.target))}</li>
                {plan.data.previousRound && <li>{t.plansPrevious(plan.data.previousRound)}</li>}
                <li>{plan.data.nextRound ? t.plansNext(plan.data.nextRound) : t.plansNoNext}</li>
              </ul>
              <div class="row">
                {canEdit && (
                  <button type="button" class="button primary" disabled={action.busy} onClick={() => void generate()}>
                    {t.plansGenerate}
                  </button>
                )}
                <a class="button" href={`/api${path}/report.xlsx`} download>
                  {t.plansDownloadXlsx}
                </a>
                <a
                  class="button"
                  href={`/plan-report/${encodeURIComponent(plan.data.round)}/${encodeURIComponent(plan.data.province)}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t.plansPrint}
                </a>
              </div>
              {plan.data.entries.length === 0 ? (
                <p>{t.plansEmpty}</p>
              ) : (
                // biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it
                <div class="table-scroll" tabIndex={0} role="region" aria-label={t.plansTitle}>
                  <table class="plan-entries">
                    <thead>
                      <tr>
                        <th scope="col">{t.plansIndex}</th>
                        <th scope="col">{t.plansReason}</th>
                        <th scope="col">{t.plansFigure}</th>
                        <th scope="col">{t.plansAgency}</th>
                        <th scope="col">{t.plansActions}</th>
                        <th scope="col">{t.plansOwner}</th>
                        <th scope="col">{t.plansDeadline}</th>
                        <th scope="col">{t.plansStatus}</th>
                        <th scope="col">{t.plansChange}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {plan.data.entries.map((entry) => (
                        <PlanEntryRow
                          key={entry.id}
                          entry={entry}
                          label={plan.data!.labels[entry.index]}
                          canEdit={canEdit}
                          action={action}
                          number={number}
                          onSaved={plan.reload}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <AgencyTable province={plan.data.province} labels={plan.data.labels} canEdit={canEdit} />
            </>
          )}
        </>
      )}
    </section>
  );
}
