/**
 * What a manager must see before publishing a round: every reason its figures may mislead, each a
 * warning in Vietnamese and English with a key that changes when its facts change. Publishing takes
 * the keys the manager read (`acknowledgedWarnings`); when the list has changed since — another
 * response held, a frame replaced, a unit's figures now reliable — it is refused, naming what changed,
 * so nobody publishes past warnings they never saw.
 *
 * - held: flagged responses not yet reviewed, left out of every figure;
 * - frame: no frame at all (unweighted figures), strata with respondents but no population (no
 *   figures at all), strata of the frame without respondents (their population unrepresented);
 * - unreliable: units whose figures fail the publication rule, at the levels the public page shows;
 * - low response: sample-plan lines with fewer accepted responses than LOW_RESPONSE_SHARE of those wanted;
 * - results unavailable: the figures cannot be computed (the reason in words).
 */
import type { Worded } from '../../errors.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { findFrame } from '../../../db/queries/frames.ts';
import { stratumCounts } from '../../../db/queries/microdata.ts';
import { statusCounts } from '../../../db/queries/results.ts';
import { samplePlanProgress, type RoundRow } from '../../../db/queries/rounds.ts';
import { Problem } from '../../errors.ts';
import { respondentTypesOfRound, roundResults } from '../results/results.ts';
import { stratumOf, type ResultLevel } from '../results/survey-design.ts';
import { samplePlanWithProgress } from './sample-plan.ts';

export const LOW_RESPONSE_SHARE = 0.8;

export type WarningKind =
  | 'held_responses'
  | 'no_frame'
  | 'frame_missing_strata'
  | 'frame_empty_strata'
  | 'unreliable_figures'
  | 'low_response'
  | 'results_unavailable';

export interface PublishWarning extends Worded {
  key: string;
  kind: WarningKind;
}

const levelWords: Record<string, Worded> = {
  all: { vi: 'Toàn đợt', en: 'Whole round' },
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
};
const whoWords = { citizen: { vi: 'người dân', en: 'citizens' }, organisation: { vi: 'tổ chức, doanh nghiệp', en: 'organisations' } };
const listed = (codes: string[], max = 8) => (codes.length > max ? `${codes.slice(0, max).join(', ')} … (+${codes.length - max})` : codes.join(', '));

/** The levels the public page shows: the whole round and each province over several provinces; else the province and its localities. */
const publicLevels = (round: RoundRow): ResultLevel[] => (round.provinceCodes.length > 1 ? ['all', 'province'] : ['province', 'district', 'commune']);

export async function publishChecklist(handle: DatabaseHandle, round: RoundRow): Promise<PublishWarning[]> {
  const db = handle.db;
  const warnings: PublishWarning[] = [];
  const types = await respondentTypesOfRound(db, round);

  for (const type of types) {
    const { held } = await statusCounts(db, round.id, type);
    if (held > 0)
      warnings.push({
        key: `held:${type}:${held}`,
        kind: 'held_responses',
        vi: `${held} phiếu của ${whoWords[type].vi} bị gắn cờ chưa được xem xét: chúng nằm ngoài mọi số liệu cho đến khi được chấp nhận hoặc loại`,
        en: `${held} flagged responses of ${whoWords[type].en} are not reviewed: they are left out of every figure until accepted or excluded`,
      });
  }

  const [counts, frame] = await Promise.all([stratumCounts(handle, round.id, 'citizen'), findFrame(db, round.id)]);
  const withRespondents = [...new Set(counts.map((c) => stratumOf(c)))].sort();
  if (!frame) {
    if (withRespondents.length > 0)
      warnings.push({
        key: 'frame:none',
        kind: 'no_frame',
        vi: 'Đợt chưa có khung mẫu (dân số từng tầng): số liệu không gia quyền, có thể lệch về nơi thu được nhiều phiếu',
        en: 'The round has no frame (population per stratum): figures are unweighted and may lean towards where most responses came from',
      });
  } else {
    const missing = withRespondents.filter((s) => !frame.has(s));
    const empty = [...frame.keys()].filter((s) => !withRespondents.includes(s)).sort();
    if (missing.length > 0)
      warnings.push({
        key: `frame:missing:${missing.join(',')}`,
        kind: 'frame_missing_strata',
        vi: `Khung mẫu thiếu dân số của ${missing.length} tầng có phiếu (${listed(missing)}): không tính được số liệu gia quyền`,
        en: `The frame lacks the population of ${missing.length} strata with responses (${listed(missing)}): weighted figures cannot be computed`,
      });
    if (empty.length > 0)
      warnings.push({
        key: `frame:empty:${empty.join(',')}`,
        kind: 'frame_empty_strata',
        vi: `${empty.length} tầng của khung mẫu không có phiếu nào (${listed(empty)}): dân số của chúng không được đại diện trong số liệu`,
        en: `${empty.length} strata of the frame have no responses (${listed(empty)}): their population is not represented in the figures`,
      });
  }

  for (const type of types) {
    try {
      const result = await roundResults(db, round, { levels: publicLevels(round), respondentType: type });
      for (const group of result.groups) {
        const unreliable = group.indices.filter((i) => !i.reliable).map((i) => i.index);
        if (unreliable.length === 0) continue;
        const level = levelWords[group.level] ?? { vi: group.level, en: group.level };
        const unit = group.level === 'all' ? level : { vi: `${level.vi} ${group.name || group.code}`, en: `${level.en} ${group.name || group.code}` };
        warnings.push({
          key: `unreliable:${type}:${group.level}:${group.code}:${unreliable.length}`,
          kind: 'unreliable_figures',
          vi: `${unit.vi} (${whoWords[type].vi}): ${unreliable.length}/${group.indices.length} chỉ số chưa đủ tin cậy để công bố (${listed(unreliable)})`,
          en: `${unit.en} (${whoWords[type].en}): ${unreliable.length} of ${group.indices.length} indices are not reliable enough to publish (${listed(unreliable)})`,
        });
      }
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      warnings.push({
        key: `results:${type}:${error.slug}`,
        kind: 'results_unavailable',
        vi: `Không tính được số liệu của ${whoWords[type].vi}: ${error.worded.vi}`,
        en: `The figures of ${whoWords[type].en} cannot be computed: ${error.worded.en}`,
      });
    }
  }

  const plan = (await samplePlanProgress(db, round.id)).length > 0 ? await samplePlanWithProgress(db, round) : [];
  for (const line of plan) {
    if (line.counted >= LOW_RESPONSE_SHARE * line.wanted) continue;
    const share = Math.floor((line.counted / line.wanted) * 100);
    const name = line.unitName ? `${line.unitName} (${line.unitCode})` : line.unitCode;
    warnings.push({
      key: `low_response:${line.unitKind}:${line.unitCode}:${line.counted}`,
      kind: 'low_response',
      vi: `${name}: ${line.counted}/${line.wanted} phiếu theo kế hoạch mẫu (${share} %), dưới ${LOW_RESPONSE_SHARE * 100} %`,
      en: `${name}: ${line.counted} of ${line.wanted} planned responses (${share} %), below ${LOW_RESPONSE_SHARE * 100} %`,
    });
  }
  return warnings;
}

/** What differs between the warnings a manager read and those that hold now. */
export function checklistChanges(current: PublishWarning[], acknowledged: readonly string[]): { added: PublishWarning[]; gone: string[] } {
  const read = new Set(acknowledged);
  const now = new Set(current.map((w) => w.key));
  return { added: current.filter((w) => !read.has(w.key)), gone: [...read].filter((k) => !now.has(k)) };
}
