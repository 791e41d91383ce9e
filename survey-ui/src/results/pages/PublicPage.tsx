import { useMemo, useState } from 'preact/hooks';
import type { RespondentType } from '../../../../contract/questionnaires.ts';
import { ApiError, apiClient } from '../../staff/api/client.ts';
import { useLoad } from '../../staff/api/use-load.ts';
import type { AnalysisResult, QuestionnaireLabels, ResultRound } from '../api/types.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { IndexChart } from '../components/IndexChart.tsx';
import { RespondentSwitch } from '../components/RespondentSwitch.tsx';
import { IndexTable } from '../components/IndexTable.tsx';
import { KeyFigures } from '../components/KeyFigures.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { RankIntervalTable } from '../components/RankIntervalTable.tsx';
import { YearOnYearTable } from '../components/YearOnYearTable.tsx';
import { TargetMark } from '../components/TargetMark.tsx';
import { useMessages, type Language } from '../messages/catalogue.ts';
import { indexColumns } from '../model/columns.ts';
import { numberFormats } from '../model/format.ts';
import { groupsAt } from '../model/localities.ts';

const LOCALITY_LEVELS = ['district', 'commune'];

/** Published rounds for everyone: the province's and each locality's indices; nothing else. */
export function PublicPage({ roundCode, language, onLanguage }: { roundCode: string | undefined; language: Language; onLanguage: (l: Language) => void }) {
  const t = useMessages();
  const formats = numberFormats(t.locale);
  const api = useMemo(() => apiClient({ csrfToken: () => undefined, language: () => language, onUnauthorised: () => undefined }), [language]);
  const rounds = useLoad(() => api.get<ResultRound[]>('/public/rounds'), [api]);
  const code = roundCode ?? rounds.data?.at(-1)?.code;
  const [respondentType, setRespondentType] = useState<RespondentType>('citizen');
  const round = rounds.data?.find((r) => r.code === code);
  // A round over several provinces reads as the whole round, then each province; over one, as the province, then its localities.
  const severalProvinces = (round?.provinceCodes.length ?? 1) > 1;
  const by = severalProvinces ? 'all,province' : `province,${LOCALITY_LEVELS.join(',')}`;
  const result = useLoad(
    async () =>
      // Once the list is in, so that a round over several provinces is asked for the right levels (an unpublished one answers 404).
      code && rounds.data
        ? api.get<AnalysisResult>(`/public/rounds/${encodeURIComponent(code)}/results?by=${by}&respondentType=${respondentType}&rank=true&compare=previous`)
        : undefined,
    [code, rounds.data, by, api, respondentType],
  );
  // The labels of the version the figures rest on: the organisations' form is not the citizens'.
  const version = result.data?.questionnaire;
  const labels = useLoad(
    async () => (version ? api.get<QuestionnaireLabels>(`/questionnaires/${encodeURIComponent(version)}?lang=${language}`) : undefined),
    [version, language],
  );

  const notPublished = result.error instanceof ApiError && result.error.status === 404;
  const current = result.data;
  const total = current?.groups.find((g) => g.level === (severalProvinces ? 'all' : 'province'));
  const level = severalProvinces ? 'province' : current && LOCALITY_LEVELS.find((l) => current.groups.some((g) => g.level === l));
  const localities = current && level ? groupsAt(current, level) : [];
  const columns = labels.data ? indexColumns(labels.data, t.indices) : [];
  const rule = current?.method.reliability ?? { minN: 30, maxHalfWidth: 10 };

  return (
    <>
      <header class="staff-header no-print">
        <p class="app-title">{t.publicTitle}</p>
        <LanguageSwitch language={language} onChange={onLanguage} />
      </header>
      <main id="main" class="public">
        <h1 tabIndex={-1}>{round ? `${t.dashboardTitle}: ${round.name}` : t.publicTitle}</h1>
        <p>{t.publicIntro}</p>
        {rounds.data && rounds.data.length === 0 && !roundCode && <p class="notice">{t.publicNone}</p>}
        {notPublished && code && (
          <div class="notice" role="status">
            <p>{t.notPublished(code)}</p>
            <p>
              <a href="/results/public">{t.backToPublic}</a>
            </p>
          </div>
        )}
        {!notPublished && <ErrorNotice error={result.error ?? rounds.error ?? labels.error} />}
        {rounds.data && rounds.data.length > 0 && (
          <nav aria-label={t.publicRounds} class="no-print">
            <h2>{t.publicRounds}</h2>
            <ul class="row plain">
              {rounds.data.map((r) => (
                <li key={r.code}>
                  <a href={`/results/public/${encodeURIComponent(r.code)}`} aria-current={r.code === code ? 'page' : undefined}>
                    {r.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <RespondentSwitch types={current?.respondentTypes} value={respondentType} onChange={setRespondentType} />
        {current && round && columns.length > 0 && (
          <>
            {/* On a phone: the essential figures first, large; the table scrolls in its own box; the target from the round. */}
            <KeyFigures group={total} columns={columns} formats={formats} />
            <IndexTable
              province={total}
              localities={localities}
              level={level ?? 'province'}
              columns={columns}
              rule={rule}
              formats={formats}
              showPar={false}
              target={current.target ?? null}
            />
            <TargetMark target={current.target} overall={total?.indices.find((i) => i.index === columns[0].code)} label={columns[0].label} formats={formats} />
            {localities.length > 0 && <IndexChart groups={localities} column={columns[0]} target={current.target ?? null} rule={rule} formats={formats} />}
            {level && <RankIntervalTable rankings={current.rankings} groups={localities} level={level} column={columns[0]} rule={rule} formats={formats} />}
            <YearOnYearTable comparison={current.comparison} level={level ?? 'province'} column={columns[0]} formats={formats} />
          </>
        )}
      </main>
    </>
  );
}
