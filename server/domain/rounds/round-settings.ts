/**
 * Creating and editing a round: the provinces it covers (listed, or every province valid in its
 * period), its period, a questionnaire version per respondent type, its year and target. Every
 * mistake is reported at once, naming the field, in Vietnamese and English. Once responses came
 * in, what they depend on stays: the questionnaires they answered, the provinces they are in, and
 * the days they were given on. Every change is audited, field by field.
 */
import type { RespondentType } from '../../../contract/questionnaires.ts';
import type { RoundCreateBody, RoundEditBody } from '../../../contract/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import { listProvinces } from '../../../db/queries/localities.ts';
import { questionnaireVersionsByType } from '../../../db/queries/questionnaires.ts';
import {
  findRoundByCode,
  insertRound,
  replaceRoundParts,
  roundResponseFacts,
  updateRoundRecord,
  type RoundQuestionnaires,
  type RoundRow,
} from '../../../db/queries/rounds.ts';
import type { Worded } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';

type Issue = { path: string; worded: Worded };

/** A round's settings once checked: what is stored. */
interface RoundSettings {
  name: string;
  year: number;
  provinceCodes: string[];
  periodStart: string;
  periodEnd: string;
  questionnaires: RoundQuestionnaires;
  target: number | null;
}

const viDate = (day: string) => day.split('-').reverse().join('/');
const typeWords: Record<RespondentType, Worded> = {
  citizen: { vi: 'người dân', en: 'citizens' },
  organisation: { vi: 'tổ chức, doanh nghiệp', en: 'organisations' },
};

/** Checks settings against what is stored (provinces, questionnaire versions); every issue at once. */
async function checkSettings(db: Database, input: Omit<RoundSettings, 'provinceCodes'> & { provinces: 'all' | string[] }): Promise<RoundSettings> {
  const issues: Issue[] = [];
  const { periodStart, periodEnd } = input;
  if (periodEnd < periodStart) {
    issues.push({
      path: 'periodEnd',
      worded: {
        vi: `Ngày kết thúc (${viDate(periodEnd)}) phải từ ngày bắt đầu (${viDate(periodStart)}) trở đi`,
        en: `The end (${periodEnd}) must not be before the start (${periodStart})`,
      },
    });
  }
  const provinces = new Map((await listProvinces(db)).map((p) => [p.code, p]));
  const validDuring = (p: { validFrom: string; validTo: string | null }) => p.validFrom <= periodEnd && (p.validTo === null || p.validTo >= periodStart);
  let provinceCodes: string[];
  if (input.provinces === 'all') {
    provinceCodes = [...provinces.values()].filter(validDuring).map((p) => p.code);
    if (provinceCodes.length === 0) {
      issues.push({
        path: 'provinces',
        worded: { vi: 'Không có tỉnh nào còn hiệu lực trong thời gian khảo sát', en: 'No province is valid during the round’s period' },
      });
    }
  } else {
    provinceCodes = [...new Set(input.provinces)];
    input.provinces.forEach((code, i) => {
      const province = provinces.get(code);
      if (!province) {
        issues.push({ path: `provinces.${i}`, worded: { vi: `Không có tỉnh mã ${code}`, en: `No province has code ${code}` } });
      } else if (!validDuring(province)) {
        const until = province.validTo ? viDate(province.validTo) : '';
        issues.push({
          path: `provinces.${i}`,
          worded: {
            vi: `Tỉnh ${province.name} (${code}) không còn hiệu lực trong thời gian khảo sát${until ? ` (chỉ đến ${until})` : ''}`,
            en: `Province ${province.name} (${code}) is not valid during the round's period${province.validTo ? ` (only until ${province.validTo})` : ''}`,
          },
        });
      }
    });
  }
  const versions = new Map((await questionnaireVersionsByType(db)).map((v) => [v.version, v]));
  for (const type of ['citizen', 'organisation'] as const) {
    const version = input.questionnaires[type];
    if (!version) continue;
    const stored = versions.get(version);
    const path = `questionnaires.${type}`;
    if (!stored) {
      issues.push({ path, worded: { vi: `Không có phiếu khảo sát phiên bản ${version}`, en: `No questionnaire version ${version}` } });
    } else if (stored.respondentType !== type) {
      issues.push({
        path,
        worded: {
          vi: `Phiếu phiên bản ${version} dành cho ${typeWords[stored.respondentType].vi}, không phải cho ${typeWords[type].vi}`,
          en: `Questionnaire version ${version} is for ${typeWords[stored.respondentType].en}, not for ${typeWords[type].en}`,
        },
      });
    }
  }
  if (issues.length > 0) throw problems.validation(issues);
  const { provinces: _, ...settings } = input;
  return { ...settings, provinceCodes: provinceCodes.sort() };
}

const questionnairesOf = (q: RoundCreateBody['questionnaires']): RoundQuestionnaires => ({
  citizen: q.citizen,
  ...(q.organisation ? { organisation: q.organisation } : {}),
});

export async function createRound(db: Database, actorId: number | null, body: RoundCreateBody): Promise<RoundRow> {
  const settings = await checkSettings(db, {
    name: body.name,
    year: body.year,
    provinces: body.provinces,
    periodStart: body.periodStart,
    periodEnd: body.periodEnd,
    questionnaires: questionnairesOf(body.questionnaires),
    target: body.target ?? null,
  });
  return db.transaction(async (tx) => {
    const round = await insertRound(tx, { code: body.code, status: 'draft', ...settings });
    if (!round) throw problems.roundCodeTaken({ code: body.code });
    await recordAudit(tx, [{ userId: actorId, action: 'create_round', entity: 'round', entityId: round.code, newValue: settings }]);
    return round;
  });
}

/** What responses already fix: the versions they answered, their provinces, and the days they span (paper forms aside). */
async function lockedByResponses(db: Database, round: RoundRow, next: RoundSettings) {
  const facts = await roundResponseFacts(db, round.id);
  if (facts.length === 0) return;
  for (const type of ['citizen', 'organisation'] as const) {
    const before = round.questionnaires[type];
    if (before && before !== next.questionnaires[type] && facts.some((f) => f.questionnaireVersion === before)) {
      throw problems.roundLocked('questionnaire', { code: round.code, version: before });
    }
  }
  for (const province of round.provinceCodes) {
    if (!next.provinceCodes.includes(province) && facts.some((f) => f.provinceCode === province)) {
      throw problems.roundLocked('provinces', { code: round.code, province });
    }
  }
  const collected = facts.filter((f) => f.channel !== 'paper');
  const first = collected
    .map((f) => f.first)
    .filter((d): d is string => !!d)
    .sort()[0];
  const last = collected
    .map((f) => f.last)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  if (first && next.periodStart > round.periodStart && next.periodStart > first) throw problems.roundLocked('periodStart', { code: round.code });
  if (last && next.periodEnd < round.periodEnd && next.periodEnd < last) throw problems.roundLocked('periodEnd', { code: round.code, day: last });
}

export async function editRound(db: Database, actorId: number | null, round: RoundRow, body: RoundEditBody): Promise<RoundRow> {
  if (round.status === 'published') throw problems.roundLocked('published', { code: round.code });
  const next = await checkSettings(db, {
    name: body.name ?? round.name,
    year: body.year ?? round.year,
    provinces: body.provinces ?? round.provinceCodes,
    periodStart: body.periodStart ?? round.periodStart,
    periodEnd: body.periodEnd ?? round.periodEnd,
    questionnaires: body.questionnaires ? questionnairesOf(body.questionnaires) : round.questionnaires,
    target: body.target === undefined ? round.target : body.target,
  });
  await lockedByResponses(db, round, next);
  const before: RoundSettings = {
    name: round.name,
    year: round.year,
    provinceCodes: round.provinceCodes,
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    questionnaires: round.questionnaires,
    target: round.target,
  };
  const changed = (Object.keys(next) as Array<keyof RoundSettings>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  if (changed.length === 0) return round;
  return db.transaction(async (tx) => {
    const { provinceCodes, questionnaires, ...record } = next;
    await updateRoundRecord(tx, round.id, record);
    await replaceRoundParts(tx, round.id, {
      ...(changed.includes('provinceCodes') ? { provinceCodes } : {}),
      ...(changed.includes('questionnaires') ? { questionnaires } : {}),
    });
    const audit: AuditEntry[] = changed.map((field) => ({
      userId: actorId,
      action: 'edit_round',
      entity: 'round',
      entityId: round.code,
      field,
      oldValue: before[field],
      newValue: next[field],
    }));
    await recordAudit(tx, audit);
    return (await findRoundByCode(tx, round.code))!;
  });
}
