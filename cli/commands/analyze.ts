import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ALL_LEVEL, analyzeMicrodata, type AnalysisOptions } from '../../analysis/estimation/analyze.ts';
import type { RoundComparison } from '../../analysis/estimation/comparison.ts';
import { LONELY_PSU_OPTIONS, type LonelyPsu } from '../../analysis/estimation/design.ts';
import { strataWithoutRespondents } from '../../analysis/estimation/design-weights.ts';
import { defaultReliability } from '../../analysis/estimation/intervals.ts';
import { textColumn, type Microdata } from '../../analysis/estimation/microdata.ts';
import { strictNumber } from '../../analysis/estimation/numbers.ts';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import type { TableCell } from '../../analysis/estimation/results-table.ts';
import { estimationPlan } from '../../analysis/estimation/variables.ts';
import { parseQuestionnaire } from '../../analysis/questionnaire/structure.ts';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { compareVersions, restrictToItems } from '../../analysis/questionnaire/version-comparison.ts';
import { demoLocalityName } from '../../db/seed/localities.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { UsageError, type Command } from '../command.ts';
import { readFrameFile, readMappingsFile, readMarginsFile, readMicrodataFile, readProvincePopulationsFile } from '../microdata-file.ts';
import { rakingOptions, RAKING_HELP } from './raking-options.ts';

const LOCALITY_LEVELS = new Set(['province', 'district', 'commune']);

export async function questionnaireFor(version: string): Promise<QuestionnaireDefinition> {
  const seeded = seededQuestionnaire(version);
  if (seeded) return seeded;
  if (version.endsWith('.json')) {
    const text = await readFile(version, 'utf8').catch(() => {
      throw new UsageError(`cannot read ${version}`);
    });
    return parseQuestionnaire(JSON.parse(text));
  }
  throw new UsageError(`no questionnaire version ${version} (give 2022, 2024 or a definition file .json)`);
}

const cellText = (cell: TableCell) => (typeof cell === 'boolean' ? String(cell) : cell);

type Output = AnalysisResult & { frame?: { strata_without_respondents: string[] }; comparison?: RoundComparison };

/**
 * The result as the format asks. The table writers (and the comparison's statistics below) are
 * loaded only when used: JSON, the common case, starts that much sooner (npm run bench:start).
 */
async function render(result: Output, format: string): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const [{ comparisonTable, rankingTable, resultTables }, { writeCsv, writeXlsx }] = await Promise.all([
    import('../../analysis/estimation/results-table.ts'),
    import('../../server/files/tables.ts'),
  ]);
  const tables = resultTables(result);
  if (format === 'csv')
    return writeCsv(
      tables[0].header,
      tables[0].rows.map((row) => row.map(cellText)),
    );
  if (result.rankings) tables.push(rankingTable(result.rankings));
  if (result.comparison) tables.push(comparisonTable(result.comparison));
  return writeXlsx(tables.map((t) => ({ name: t.name, header: t.header, rows: t.rows.map((row) => row.map(cellText)) })));
}

function option(name: string, text: string | undefined, fallback: number, kind: 'count' | 'positive' = 'positive'): number {
  if (text === undefined) return fallback;
  if (kind === 'count' && text.trim() === '0') return 0;
  const parsed = strictNumber(text, kind);
  if ('reason' in parsed) throw new UsageError(`--${name} "${text}": ${parsed.reason}`);
  return parsed.value;
}

/** The unit an old unit became, following the mapping to its end (a unit mapped to itself stops). */
function successorOf(next: ReadonlyMap<string, string>): (code: string) => string {
  return (code) => {
    const seen = new Set<string>();
    let current = code;
    while (next.has(current) && !seen.has(current)) {
      seen.add(current);
      current = next.get(current)!;
    }
    return current;
  };
}

export const analyzeCommand: Command = {
  help: `Usage: sipas analyze FILE.csv --questionnaire 2024 --by all|province|district|commune|office|…
                    [--frame FRAME.csv] [--rake MARGINS.csv] [--province-populations POP.csv]
                    [--lonely-psu adjust|average|remove|certainty|fail] [--rank [--rank-coverage individual|joint]]
                    [--previous PREV.csv [--previous-questionnaire V] [--previous-frame F] [--mappings MAP.csv]]
                    [--format json|csv|xlsx] [--out FILE]

FILE.csv is microdata (the platform's microdata export): columns response_id, round, province,
district, commune, stratum, psu, weight, profile columns (sex, age_group, office, …), then one
column per item code A1_1 … B5_3 with 1–5, empty = missing, NA = not applicable. Columns named
after an opinion or expectation question (e.g. harassment) give the weighted share of each option.
The file must be UTF-8 and comma-separated, with each column named once; every row needs its
stratum, PSU and (where the column exists) province; weights are plain decimals ("12.5", not
"12,5" or "0x1A"). Anything else is an error naming line and column.

Estimates (JSON, per group of each level): item indices (% answering 4 or 5 among valid answers),
element indices, policy, service and SIPAS, each with
  estimate, se, ci_low/ci_high (Wald), ci_logit_low/ci_logit_high (logit), n, weight_sum, deff,
  n_eff (Kish), psus (PSUs with respondents to the figure), variance_estimable (false: fewer than
  two PSUs, or only strata the lonely-PSU option gives no variance — se and intervals are then
  null, never 0), reliable, issues (why not: no_estimate, variance_not_estimable,
  few_respondents, low_effective_n, wide_interval);
composites also missing_components (components with no valid answer there: the composite is the
re-weighted mean of the others, the SIPAS rule); figures over several provinces also
missing_provinces. Per item the mean score and the distribution of answers. "levels" says per
level how many groups there are and how many respondents have no code there.
Hájek estimators, Taylor linearisation for the stratified PSU design (as R's
svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE) on each province's rows).

Several provinces: each province is a design of its own; the national figure (--by all) and any
group spanning provinces (sex, …) is Σ W_p θ_p with W_p = N_p / Σ N_q, N_p the province's
population (--province-populations, or the sum of its respondents' weights: with --frame, the
frame's population of its strata); SE² = Σ W_p² SE_p². A province's figures are the same with
or without the other provinces in the file.

Options:
  --questionnaire V   questionnaire version (2022, 2024) or a definition file (.json)
  --by LEVEL          all, province, district, commune, office or any other column (sex, …);
                      several levels separated by commas (all,district)
  --frame FRAME.csv   stratum,population (whole numbers): weights become N_h / n_h (the weight
                      column is ignored); frame strata without respondents are reported
  --rake MARGINS.csv  variable,category,total: rake the weights to these margins (one province
                      at a time); the standard errors then account for the calibration; raking
                      that cannot meet the margins is an error
${RAKING_HELP}
  --province-populations POP.csv   province,population for the national weighting
  --lonely-psu OPT    a stratum with one PSU, as R's survey.lonely.psu: adjust (default: centred at
                      the grand mean), average, remove, certainty, or fail (refuse such a design)
  --min-n N           fewest respondents for a reliable figure (default ${defaultReliability.minN})
  --min-n-eff N       smallest Kish effective sample size for a reliable figure (default ${defaultReliability.minEffectiveN})
  --max-half-width P  widest reliable 95 % half-width in points (default ${defaultReliability.maxHalfWidth}; logit interval for indices and shares)
  --rank              rank the groups of every level but "all" by every index ("rankings"):
                      provinces nationally, other units inside their province; rank, rank_low–
                      rank_high (plausible ranks: Bonferroni pairwise tests with the design
                      covariance), above/below (units significantly higher/lower)
  --rank-coverage C   individual (default: each unit's interval covers its rank with 95 %) or joint
  --previous PREV.csv the previous comparable round's microdata: "comparison" gives per figure the
                      difference, its SE (independent samples), 95 % interval, z, p and whether it
                      is significant; only items worded alike in both versions, composites over
                      those items, every difference between the versions listed; rank changes
                      with --rank
  --previous-questionnaire V   its questionnaire version (default: --questionnaire)
  --previous-frame F  its frame
  --mappings MAP.csv  old_code,new_code: the previous round's units are counted as the units that
                      replaced them (every row names its previous_units)
  --figures F         all (default) or indices (only the indices, no item details: for thousands of
                      communes and offices at once)
  --format F          json (default), csv (the indices) or xlsx (indices, items, options, rankings,
                      comparison)
  --out FILE          write there instead of standard output

Example:
  sipas analyze microdata.csv --questionnaire 2024 --by province,commune --rank --format json`,
  async run(argv) {
    // One questionnaire is checked once: compiling zod's fast path for it would cost more than it saves.
    z.config({ jitless: true });
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        questionnaire: { type: 'string' },
        by: { type: 'string', default: ALL_LEVEL },
        frame: { type: 'string' },
        rake: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        tolerance: { type: 'string' },
        'max-iterations': { type: 'string' },
        bounds: { type: 'string' },
        'min-n': { type: 'string' },
        'min-n-eff': { type: 'string' },
        'max-half-width': { type: 'string' },
        'lonely-psu': { type: 'string', default: 'adjust' },
        'province-populations': { type: 'string' },
        rank: { type: 'boolean', default: false },
        'rank-coverage': { type: 'string', default: 'individual' },
        figures: { type: 'string', default: 'all' },
        previous: { type: 'string' },
        'previous-questionnaire': { type: 'string' },
        'previous-frame': { type: 'string' },
        mappings: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one microdata CSV file');
    if (!values.questionnaire) throw new UsageError('give --questionnaire (2022 or 2024)');
    if (!['json', 'csv', 'xlsx'].includes(values.format!)) throw new UsageError('--format is json, csv or xlsx');
    if (values.format === 'xlsx' && !values.out && process.stdout.isTTY) throw new UsageError('xlsx output needs --out FILE');
    if (!(LONELY_PSU_OPTIONS as readonly string[]).includes(values['lonely-psu']!))
      throw new UsageError(`--lonely-psu is one of ${LONELY_PSU_OPTIONS.join(', ')}`);
    if (!['individual', 'joint'].includes(values['rank-coverage']!)) throw new UsageError('--rank-coverage is individual or joint');
    if (!['all', 'indices'].includes(values.figures!)) throw new UsageError('--figures is all or indices');
    if (!values.previous && (values['previous-questionnaire'] || values['previous-frame'] || values.mappings))
      throw new UsageError('--previous-questionnaire, --previous-frame and --mappings go with --previous');
    const def = await questionnaireFor(values.questionnaire);
    const levels = values
      .by!.split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    if (levels.length === 0) throw new UsageError('--by names at least one level');
    const reliability = {
      minN: option('min-n', values['min-n'], defaultReliability.minN, 'count'),
      minEffectiveN: option('min-n-eff', values['min-n-eff'], defaultReliability.minEffectiveN, 'count'),
      maxHalfWidth: option('max-half-width', values['max-half-width'], defaultReliability.maxHalfWidth),
    };

    // The text columns the analysis reads (the design, the levels, the round for a comparison); raking's
    // margins may name any column, so then all are read. A column not read costs nothing.
    const textColumns = values.rake ? undefined : new Set(['response_id', 'province', 'stratum', 'psu', ...(values.previous ? ['round'] : []), ...levels]);
    const data = await readMicrodataFile(positionals[0], estimationPlan(def), textColumns);
    const frame = values.frame ? await readFrameFile(values.frame) : undefined;
    const common: Omit<AnalysisOptions, 'frame' | 'levels'> = {
      reliability,
      margins: values.rake ? await readMarginsFile(values.rake) : undefined,
      raking: rakingOptions(values),
      lonelyPsu: values['lonely-psu'] as LonelyPsu,
      provincePopulations: values['province-populations'] ? await readProvincePopulationsFile(values['province-populations']) : undefined,
      rank: values.rank ? { levels: levels.filter((l) => l !== ALL_LEVEL), coverage: values['rank-coverage'] as 'individual' | 'joint' } : undefined,
      nameOf: (level, code) => (LOCALITY_LEVELS.has(level) ? demoLocalityName(code) : undefined),
      figures: values.figures as 'all' | 'indices',
    };
    const result: Output = analyzeMicrodata(def, data, { ...common, levels, frame });
    if (frame) {
      const unsampled = strataWithoutRespondents(textColumn(data, 'stratum'), frame);
      result.frame = { strata_without_respondents: unsampled };
      if (unsampled.length > 0)
        console.error(`sipas analyze: the frame's strata ${unsampled.join(', ')} have no respondent: the estimates describe the other strata only`);
    }
    for (const level of result.levels ?? []) {
      if (level.respondents_outside > 0)
        console.error(`sipas analyze: ${level.respondents_outside} respondent(s) have no ${level.level} code and are in no group of that level`);
    }
    if (values.previous) result.comparison = await comparison(def, data, result, values, { ...common, levels, frame }, textColumns);
    const output = await render(result, values.format!);
    if (values.out) await writeFile(values.out, output);
    else process.stdout.write(output);
    return 0;
  },
};

/**
 * The previous round estimated by the units in force now and over the items both versions share;
 * the current round again over those items when the versions differ.
 */
async function comparison(
  def: QuestionnaireDefinition,
  data: Microdata,
  current: AnalysisResult,
  values: { previous?: string; 'previous-questionnaire'?: string; 'previous-frame'?: string; mappings?: string },
  options: AnalysisOptions,
  textColumns: ReadonlySet<string> | undefined,
): Promise<RoundComparison> {
  const previousDef = values['previous-questionnaire'] ? await questionnaireFor(values['previous-questionnaire']) : def;
  const versions = compareVersions(def, previousDef);
  const common = new Set(versions.commonItems);
  const previousData = await readMicrodataFile(values.previous!, estimationPlan(previousDef), textColumns);
  const successor = values.mappings ? successorOf(await readMappingsFile(values.mappings)) : (code: string) => code;
  const previous = analyzeMicrodata(versions.identical ? previousDef : restrictToItems(previousDef, common), previousData, {
    ...options,
    frame: values['previous-frame'] ? await readFrameFile(values['previous-frame']) : undefined,
    unitOf: (_, code) => successor(code),
  });
  const now = versions.identical ? current : analyzeMicrodata(restrictToItems(def, common), data, options);
  const sources = new Map<string, Set<string>>();
  for (const level of options.levels) {
    if (level === ALL_LEVEL) continue;
    for (const code of textColumn(previousData, level)) {
      if (code === '') continue;
      const key = `${level}\u0000${successor(code)}`;
      sources.set(key, (sources.get(key) ?? new Set()).add(code));
    }
  }
  const { compareRounds } = await import('../../analysis/estimation/comparison.ts');
  return compareRounds(now, previous, {
    current: String(data.text.get('round')?.[0] ?? 'current'),
    previous: String(previousData.text.get('round')?.[0] ?? 'previous'),
    versions,
    previousUnits: (level, code) => (level === ALL_LEVEL ? [ALL_LEVEL] : [...(sources.get(`${level}\u0000${code}`) ?? [])].sort()),
  });
}
