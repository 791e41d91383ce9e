import { useEffect, useState } from 'preact/hooks';
import type { RespondentType } from '../../../../contract/questionnaires.ts';
import type { ApiClient } from '../../staff/api/client.ts';
import { useLoad } from '../../staff/api/use-load.ts';
import type { AnalysisResult, QuestionnaireLabels, ResultRound, Trend } from '../api/types.ts';
import { DashboardControls, LEVELS, type DashboardChoice } from '../components/DashboardControls.tsx';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IndexChart } from '../components/IndexChart.tsx';
import { IndexTable } from '../components/IndexTable.tsx';
import { ParPoints } from '../components/ParPoints.tsx';
import { PolicyTable } from '../components/PolicyTable.tsx';
import { PublishControl } from '../components/PublishControl.tsx';
import { QuestionnairePanels } from '../components/QuestionnairePanels.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { RankIntervalTable } from '../components/RankIntervalTable.tsx';
import { YearOnYearTable } from '../components/YearOnYearTable.tsx';
import { RespondentSwitch } from '../components/RespondentSwitch.tsx';
import { RoundFacts } from '../components/RoundFacts.tsx';
import { TargetMark } from '../components/TargetMark.tsx';
import { TrendTable } from '../components/TrendTable.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';
import { indexColumns } from '../model/columns.ts';
import { numberFormats } from '../model/format.ts';
import { groupsAt } from '../model/localities.ts';

/** The choice as it was in the address, so a link or a reload shows the same view. */
function choiceFromAddress(): Partial<DashboardChoice> {
  const q = new URLSearchParams(location.search);
  const target = Number(q.get('target'));
  const choice: Partial<DashboardChoice> = {};
  for (const key of ['round', 'level', 'index'] as const) {
    const value = q.get(key);
    if (value) choice[key] = value;
  }
  if (choice.level && !LEVELS.includes(choice.level)) delete choice.level;
  if (q.has('target') && Number.isFinite(target) && target >= 0 && target <= 100) choice.target = target;
  return choice;
}

/**
 * The levels to ask for: a round over one province reads as that province, then its localities; a
 * round over several as the whole round first (`all`), then each province or each locality.
 */
export const levelsQuery = (level: string, provinces = 1) => {
  const top = provinces > 1 ? 'all,province' : 'province';
  return level === 'province' ? top : `${top},${level}`;
};

/** Rankings with intervals of plausible ranks, and the change since the previous comparable round. */
export const FIGURES_QUERY = 'rank=true&compare=previous';

/** A round's results for analysts and managers: table, chart, ranking, policies, trend, files, publishing. */
export function DashboardPage({ api, language, canPublish }: { api: ApiClient; language: Language; canPublish: boolean }) {
  const t = useMessages();
  const formats = numberFormats(t.locale);
  const rounds = useLoad(() => api.get<ResultRound[]>('/results/rounds'), []);
  const [choice, setChoice] = useState<DashboardChoice>(() => ({ round: '', level: 'district', index: 'SIPAS', target: 85, ...choiceFromAddress() }));
  const round = rounds.data?.find((r) => r.code === choice.round) ?? rounds.data?.at(-1);
  const severalProvinces = (round?.provinceCodes.length ?? 1) > 1;
  const by = levelsQuery(choice.level, round?.provinceCodes.length);
  // The target line starts at the round's own target (one given in the address wins once).
  const [targetFromAddress] = useState(() => choiceFromAddress().target !== undefined);
  useEffect(() => {
    if (round && !targetFromAddress) setChoice((c) => ({ ...c, target: round.target ?? 85 }));
  }, [round?.code, round?.target]);
  const [respondentType, setRespondentType] = useState<RespondentType>(() =>
    new URLSearchParams(location.search).get('respondent') === 'organisation' ? 'organisation' : 'citizen',
  );

  useEffect(() => {
    if (!round) return;
    const q = new URLSearchParams({ round: round.code, level: choice.level, index: choice.index, target: String(choice.target) });
    if (respondentType !== 'citizen') q.set('respondent', respondentType);
    history.replaceState(null, '', `${location.pathname}?${q}`);
  }, [round?.code, choice.level, choice.index, choice.target, respondentType]);

  const result = useLoad(
    async () =>
      round
        ? api.get<AnalysisResult>(`/rounds/${encodeURIComponent(round.code)}/results?by=${by}&respondentType=${respondentType}&${FIGURES_QUERY}`)
        : undefined,
    [round?.code, by, respondentType],
  );
  // The labels of the version the figures rest on: the organisations' form is not the citizens'.
  const version = result.data?.questionnaire;
  const labels = useLoad(
    async () => (version ? api.get<QuestionnaireLabels>(`/questionnaires/${encodeURIComponent(version)}?lang=${language}`) : undefined),
    [version, language],
  );
  const trend = useLoad(() => api.get<Trend>(`/results/trend?by=${by}&respondentType=${respondentType}`), [by, round?.status, respondentType]);

  if (rounds.error) return <ErrorNotice error={rounds.error} />;
  if (!rounds.data) return <p class="loading">{t.loading}</p>;
  if (!round)
    return (
      <>
        <h1 tabIndex={-1}>{t.dashboardTitle}</h1>
        <p>{t.noRounds}</p>
      </>
    );

  const columns = labels.data ? indexColumns(labels.data, t.indices) : [];
  const column = columns.find((c) => c.code === choice.index) ?? columns[0];
  const current = result.data;
  // The total row: the round's one province, or the whole round when it covers several (then its provinces are the rows at province level).
  const province = current?.groups.find((g) => g.level === (severalProvinces ? 'all' : 'province'));
  const localities = current && (choice.level !== 'province' || severalProvinces) ? groupsAt(current, choice.level) : [];
  const rule = current?.method.reliability ?? { minN: 30, maxHalfWidth: 10 };

  return (
    <>
      <h1 tabIndex={-1}>
        {t.dashboardTitle}: {round.name}
      </h1>
      <p class="print-only">{t.printedOn(formats.date(new Date().toISOString()))}</p>
      <DashboardControls rounds={rounds.data} round={round.code} choice={choice} columns={columns} onChange={setChoice} />
      <RespondentSwitch types={current?.respondentTypes} value={respondentType} onChange={setRespondentType} />
      <RoundFacts round={round} weights={current?.method.weights} responses={current?.responses} formats={formats} />
      <ErrorNotice error={result.error ?? labels.error} />
      {current && labels.data && column && (
        <div>
          <IndexTable province={province} localities={localities} level={choice.level} columns={columns} rule={rule} formats={formats} target={choice.target} />
          {province && <ParPoints sipas={province.indices.find((i) => i.index === labels.data!.aggregation.overall.code)} formats={formats} />}
          <TargetMark
            target={current.target}
            overall={province?.indices.find((i) => i.index === labels.data!.aggregation.overall.code)}
            label={columns[0]?.label ?? 'SIPAS'}
            formats={formats}
          />
          {choice.level !== 'province' && localities.length === 0 && <p class="notice">{t.noLocalities}</p>}
          {localities.length > 0 && (
            <>
              <IndexChart groups={localities} column={column} target={choice.target} rule={rule} formats={formats} />
              <RankingTable groups={localities} column={column} target={choice.target} rule={rule} formats={formats} />
              <RankIntervalTable
                rankings={current.rankings}
                groups={localities}
                provinces={groupsAt(current, 'province')}
                level={choice.level}
                column={column}
                rule={rule}
                formats={formats}
              />
            </>
          )}
          <YearOnYearTable comparison={current.comparison} level={choice.level} column={column} formats={formats} />
          <PolicyTable groups={[...(province ? [province] : []), ...localities]} labels={labels.data} rule={rule} formats={formats} />
          {/* The rest of the questionnaire, for the total, each locality shown and each office the results have. */}
          <QuestionnairePanels
            groups={[...(province ? [province] : []), ...localities, ...groupsAt(current, 'office')]}
            labels={labels.data}
            rule={rule}
            formats={formats}
          />
        </div>
      )}
      <TrendTable trend={trend.data} error={trend.error} level={choice.level} column={column} rule={rule} formats={formats} language={language} />
      <DownloadLinks round={round.code} by={by} respondentType={respondentType} />
      {canPublish && <PublishControl api={api} round={round} formats={formats} onChanged={rounds.reload} />}
    </>
  );
}
