import { useState } from 'preact/hooks';
import type { FreeAnswer, FreeAnswers, FreeTextCounts } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { RoundPicker } from '../components/RoundPicker.tsx';
import { FreeAnswerTable } from '../free-text/FreeAnswerTable.tsx';
import { FreeTextCategories } from '../free-text/FreeTextCategories.tsx';
import { FreeTextCountsTable } from '../free-text/FreeTextCountsTable.tsx';
import { FreeTextFilterBar, type PlaceOption } from '../free-text/FreeTextFilterBar.tsx';
import { FreeTextPager } from '../free-text/FreeTextPager.tsx';
import { filterQuery, noFilters, type FreeTextFilterValues } from '../free-text/filters.ts';
import { useMessages } from '../messages/catalogue.ts';
import { may } from '../session/may.ts';
import { useStaff } from '../session/context.ts';

const PAGE_SIZE = 20;

/**
 * Citizens' free answers of the chosen round, for analysts: filter, search, read (personal data
 * masked by the server unless the account is cleared), tag into categories, count, download.
 */
export function FreeTextPage() {
  const t = useMessages();
  const { api, round, session } = useStaff();
  const [filters, setFilters] = useState<FreeTextFilterValues>(noFilters);
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const action = useAction();
  const code = round ? encodeURIComponent(round.code) : '';
  const query = filterQuery(filters);
  const answers = useLoad(
    () => (round ? api.get<FreeAnswers>(`/rounds/${code}/free-text${filterQuery(filters, { page, pageSize: PAGE_SIZE })}`) : Promise.resolve(undefined)),
    [round?.code, query, page, version],
  );
  const places = useLoad(async (): Promise<{ localities: PlaceOption[]; offices: PlaceOption[] }> => {
    if (!round) return { localities: [], offices: [] };
    const of = (by: string) =>
      api.get<FreeTextCounts>(`/rounds/${code}/free-text/counts${filterQuery({ ...noFilters, respondentType: filters.respondentType }, { by })}`);
    const [provinces, districts, communes, offices] = await Promise.all([of('province'), of('district'), of('commune'), of('office')]);
    const named = (c: FreeTextCounts) => c.rows.filter((r) => r.code !== '').map((r) => ({ code: r.code, name: r.name }));
    return { localities: [...named(provinces), ...named(districts), ...named(communes)], offices: named(offices) };
  }, [round?.code, filters.respondentType]);
  const change = (next: FreeTextFilterValues) => {
    setFilters(next);
    setPage(1);
  };
  const refresh = () => setVersion((v) => v + 1);
  const toggle = (answer: FreeAnswer, categoryId: number, tagged: boolean) =>
    void action.run(async () => {
      const path = `/rounds/${code}/free-text/answers/${answer.responseId}/${encodeURIComponent(answer.item)}/categories/${categoryId}`;
      await api.send(tagged ? 'PUT' : 'DELETE', path);
      refresh();
      return undefined;
    });
  const data = answers.data;
  return (
    <section class="free-text">
      <h1 tabIndex={-1}>{t.ftTitle}</h1>
      <p>{t.ftIntro}</p>
      {!may(session, 'paper.manage') && <RoundPicker />}
      {!round ? (
        <p>{t.noRounds}</p>
      ) : !data ? (
        <Loading error={answers.error} />
      ) : (
        <>
          <p class={data.clear ? 'notice' : 'notice masked-notice'} role="note" data-clear={String(data.clear)}>
            {data.clear ? t.ftClear : t.ftMasked}
          </p>
          <FreeTextFilterBar
            filters={filters}
            onChange={change}
            items={data.items}
            categories={data.categories}
            localities={places.data?.localities ?? []}
            offices={places.data?.offices ?? []}
            organisations={round.questionnaires.organisation !== undefined}
          />
          <ErrorNotice error={action.error} />
          <DoneNotice message={action.done} />
          <p role="status" class="found">
            {t.ftFound(data.total)}
          </p>
          <FreeAnswerTable data={data} busy={action.busy} onToggle={toggle} />
          <FreeTextPager page={data.page} pages={Math.max(1, Math.ceil(data.total / data.pageSize))} onPage={setPage} />
          <p class="downloads">
            {t.ftDownloads}{' '}
            <a class="button small" href={`/api/rounds/${code}/free-text.csv${query}`} download>
              {t.ftCsv}
            </a>{' '}
            <a class="button small" href={`/api/rounds/${code}/free-text.xlsx${query}`} download>
              {t.ftXlsx}
            </a>
          </p>
          {may(session, 'freetext.tag') && (
            <FreeTextCategories round={round.code} categories={data.categories} untagged={data.untagged} action={action} onChanged={refresh} />
          )}
          <FreeTextCountsTable round={round.code} filters={filters} version={version} />
        </>
      )}
    </section>
  );
}
