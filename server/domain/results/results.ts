/**
 * A round's results from its stored responses: the database counts answer bits per cell
 * (db/queries/results.ts), the cells get their stratum and PSU (survey-design.ts) and their design
 * weight (the round's frame, or 1), and the estimation is the same as for a microdata file.
 */
import { AnalysisInputError, estimateFromStatistics } from '../../../analysis/estimation/analyze.ts';
import { DesignError, type LonelyPsu } from '../../../analysis/estimation/design.ts';
import type { RankCoverage } from '../../../analysis/estimation/ranking.ts';
import { countPlan, countsOfBits, statisticsFromCounts, stratumWeights, type CountedCell, type CountPlan } from '../../../analysis/estimation/cell-counts.ts';
import { FrameError } from '../../../analysis/estimation/design-weights.ts';
import { defaultReliability, type ReliabilityRule } from '../../../analysis/estimation/intervals.ts';
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import { type QuestionnaireDefinition, type RespondentType, respondentTypes } from '../../../analysis/questionnaire/definition.ts';
import type { Database } from '../../../db/client.ts';
import { findFrame } from '../../../db/queries/frames.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { countCells, hasRespondentsOfType, officeCodes, officeNames, respondentVersions, statusCounts } from '../../../db/queries/results.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { ensureAnswerBits, layoutOf } from './answer-bits.ts';
import { cachedRoundResults } from './results-cache.ts';
import { domainOf, NATIONAL, psuOf, stratumOf, type DesignFacts, type ResultLevel } from './survey-design.ts';

export interface ResultsOptions {
  levels: ResultLevel[];
  /** Whose answers: citizens' (the default) or organisations'; never both together. */
  respondentType?: RespondentType;
  /** What a request leaves out is the method's default. */
  reliability?: Partial<ReliabilityRule>;
  /** Re-labels a unit before grouping (e.g. an old district as the unit that replaced it); null leaves it out. */
  unitOf?: (code: string) => string | null;
  /** What a stratum with one PSU contributes (R's survey.lonely.psu); default `adjust`. */
  lonelyPsu?: LonelyPsu;
  /** Rank the units of every level but all/national by every index (analysis/estimation/rankings.ts). */
  rank?: { coverage: RankCoverage };
  /** Estimate with this definition instead of the round's (e.g. restricted to the items another version shares). */
  definition?: QuestionnaireDefinition;
}

/** Levels whose single group covers the whole round: never ranked. */
const WHOLE_ROUND = new Set<string>(['all', NATIONAL]);

export interface CountedRound {
  def: QuestionnaireDefinition;
  plan: CountPlan;
  cells: Array<CountedCell & { facts: Omit<DesignFacts, 'id'> }>;
  frame: Map<string, number> | undefined;
}

/**
 * The version a round's respondents of one type answered: the round's own version for the type
 * when it has one, else the one their stored responses name (e.g. imported). A round with neither
 * has no results for the type (404); responses of a type naming several versions cannot be
 * estimated as one (409).
 */
export async function questionnaireOfRound(db: Database, round: RoundRow, respondentType: RespondentType = 'citizen'): Promise<QuestionnaireDefinition> {
  let version = round.questionnaires[respondentType];
  if (!version) {
    const versions = (await respondentVersions(db, round.id)).filter((v) => v.respondentType === respondentType).map((v) => v.version);
    if (versions.length === 0) throw problems.noRespondentsOfType({ code: round.code, respondentType });
    if (versions.length > 1) throw problems.mixedVersions({ code: round.code, versions: versions.join(', ') });
    version = versions[0];
  }
  const def = await findQuestionnaire(db, version);
  if (!def) throw new Error(`questionnaire ${version} of round ${round.code} is not stored`);
  return def;
}

/** Which respondent types a round has figures for: those it asks with a version of its own, and any its responses hold. */
export async function respondentTypesOfRound(db: Database, round: RoundRow): Promise<RespondentType[]> {
  // Asked each results request: only the types the round does not ask are looked for, each by a probe, not by reading the round's responses.
  const present = await Promise.all(respondentTypes.map(async (t) => Boolean(round.questionnaires[t]) || (await hasRespondentsOfType(db, round.id, t))));
  return respondentTypes.filter((_, i) => present[i]);
}

export const frameIncomplete = (message: string) => problems.frameIncomplete({ stratum: message.replace(/^.*stratum /, '') });

function labelled(code: string | null, unitOf: ResultsOptions['unitOf']): string | null {
  return code === null || !unitOf ? code : unitOf(code);
}

/** Answer-bit counts per cell of a round, each cell with its design facts. */
export async function countRound(
  db: Database,
  round: RoundRow,
  levels: ResultLevel[],
  unitOf?: ResultsOptions['unitOf'],
  respondentType: RespondentType = 'citizen',
  definition?: QuestionnaireDefinition,
): Promise<CountedRound> {
  const def = definition ?? (await questionnaireOfRound(db, round, respondentType));
  await ensureAnswerBits(db, def);
  const plan = countPlan(def, layoutOf(def));
  const [{ cells: grouped, online }, offices, frame] = await Promise.all([
    countCells(db, round.id, respondentType, plan.bits),
    officeCodes(db),
    frameOf(db, round, respondentType),
  ]);
  const cell = (facts: DesignFacts, size: number, counts: ArrayLike<number>) => {
    const units = {
      province: labelled(facts.province, unitOf) ?? '',
      district: labelled(facts.district, unitOf),
      commune: labelled(facts.commune, unitOf),
      officeCode: facts.channel === 'office' ? facts.officeCode : null,
    };
    // The design's province is where the response was collected (each province a design of its
    // own), whatever unit it is counted under now: a merged province's figure combines its parts.
    return {
      stratum: stratumOf(facts),
      psu: psuOf(facts),
      province: facts.province,
      domains: levels.map((level) => domainOf(level, units)),
      size,
      counts,
      facts,
    };
  };
  const cells = [
    ...grouped.map((g) => cell({ id: '', ...g, officeCode: g.officeId === null ? null : (offices.get(g.officeId) ?? String(g.officeId)) }, g.size, g.counts)),
    ...online.map((r) => cell({ ...r, channel: 'online', officeCode: null }, 1, countsOfBits(plan, r.bits))),
  ];
  return { def, plan, cells, frame };
}

/** A round's results, with how many responses they rest on and how many wait for review, left out until someone decides. */
export type RoundResult = Omit<AnalysisResult, 'method'> & {
  method: AnalysisResult['method'] & { design?: string };
  respondentType: RespondentType;
  target: number | null;
  responses: { counted: number; heldForReview: number; excluded: number };
};

/**
 * A round's frame counts people (adults) and files processed at offices: the citizens' population.
 * Organisations' figures are unweighted until a frame of organisations exists.
 */
export async function frameOf(db: Database, round: RoundRow, respondentType: RespondentType): Promise<Map<string, number> | undefined> {
  return respondentType === 'citizen' ? findFrame(db, round.id) : undefined;
}

/** A round's results, computed once per data version (results-cache.ts). */
export async function roundResults(db: Database, round: RoundRow, options: ResultsOptions): Promise<RoundResult> {
  return cachedRoundResults(db, round, options, async () => (await roundResultsWithSources(db, round, options)).result);
}

/**
 * The results, and per level the units each group was counted from (its own code, or the old units
 * relabelled as it): what a comparison across rounds shows as `previous_units`.
 */
export async function roundResultsWithSources(
  db: Database,
  round: RoundRow,
  options: ResultsOptions,
): Promise<{ result: RoundResult; sources: Map<string, Set<string>> }> {
  const respondentType = options.respondentType ?? 'citizen';
  const { def, plan, cells, frame } = await countRound(db, round, options.levels, options.unitOf, respondentType, options.definition);
  const sources = new Map<string, Set<string>>();
  for (const c of cells) {
    options.levels.forEach((level, l) => {
      const code = c.domains[l];
      if (code === '') return;
      const original = WHOLE_ROUND.has(level)
        ? code
        : domainOf(level, { ...c.facts, officeCode: c.facts.channel === 'office' ? c.facts.officeCode : null }) || code;
      const key = `${level}\u0000${code}`;
      sources.set(key, (sources.get(key) ?? new Set()).add(original));
    });
  }
  let weights: Map<string, number>;
  try {
    weights = stratumWeights(cells, frame);
  } catch (error) {
    if (error instanceof FrameError) throw frameIncomplete(error.message);
    throw error;
  }
  const codes = [...new Set(cells.flatMap((c) => c.domains))].filter((c) => c !== '' && c !== 'all' && c !== NATIONAL);
  const [localityNames, offices] = await Promise.all([findLocalities(db, codes), options.levels.includes('office') ? officeNames(db) : new Map()]);
  const names = new Map(localityNames.map((l) => [l.code, l.name]));
  let result: AnalysisResult;
  try {
    const statistics = statisticsFromCounts(plan, cells, options.levels, weights);
    result = estimateFromStatistics(def, statistics, {
      reliability: options.reliability && {
        minN: options.reliability.minN ?? defaultReliability.minN,
        maxHalfWidth: options.reliability.maxHalfWidth ?? defaultReliability.maxHalfWidth,
        minEffectiveN: options.reliability.minEffectiveN,
        minPsus: options.reliability.minPsus,
      },
      lonelyPsu: options.lonelyPsu,
      rank: options.rank && { levels: options.levels.filter((l) => !WHOLE_ROUND.has(l)), coverage: options.rank.coverage },
      nameOf: (level, code) => (level === 'all' ? undefined : level === NATIONAL ? NATIONAL_NAME : level === 'office' ? offices.get(code) : names.get(code)),
    });
  } catch (error) {
    if (error instanceof DesignError || error instanceof AnalysisInputError) throw problems.designRefused({ reason: error.message });
    throw error;
  }
  const status = await statusCounts(db, round.id, respondentType);
  return {
    result: {
      ...result,
      respondentType,
      target: round.target,
      method: { ...result.method, weights: frame ? 'frame' : 'unweighted', design: DESIGN },
      responses: { counted: status.accepted, heldForReview: status.held, excluded: status.excluded },
    },
    sources,
  };
}

/** The `national` group's name: every province of the round, weighted by its population. */
export const NATIONAL_NAME = 'Chung các tỉnh của đợt (gia quyền theo dân số)';

export const DESIGN =
  'strata: district (or province) × channel; PSUs: the office and survey week (office), the form’s commune (paper), the response (online); weights N_h / n_h from the round’s frame, or 1; each province a design of its own';
