/**
 * Questionnaire versions as admins manage them: stored from an upload (audited), listed with whom
 * they ask and what uses them, and downloaded as JSON or as the template. A version never changes
 * once a response or a round uses it, nor a version the platform ships: the same content again is
 * harmless, other content under its code is refused — it becomes a new version.
 */
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { canonicalJson } from '../../../analysis/questionnaire/canonical.ts';
import { definitionSheets, guideSheet } from '../../../analysis/questionnaire/workbook/write.ts';
import type { Database } from '../../../db/client.ts';
import { postgresError } from '../../../db/errors.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findQuestionnaire, listQuestionnaireUsage, lockQuestionnaire, questionnaireUse, saveQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import type { Worded } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { writeXlsx } from '../../files/tables.ts';

export type StoredOutcome = 'created' | 'updated' | 'unchanged';

const why = {
  seeded: { vi: 'phiên bản có sẵn của hệ thống', en: 'a version the platform ships' },
  responses: { vi: 'đã có phiếu trả lời theo phiên bản này', en: 'responses use it' },
  rounds: { vi: 'một đợt khảo sát đang dùng phiên bản này', en: 'a survey round uses it' },
} satisfies Record<string, Worded>;

export async function storeQuestionnaire(db: Database, userId: number, def: QuestionnaireDefinition): Promise<StoredOutcome> {
  try {
    return await storeOnce(db, userId, def);
  } catch (error) {
    // Two uploads of one new version at once: the second found no row to lock and lost the insert;
    // decided again, it now sees the first one's version (same content → unchanged, other → as any stored version).
    if (postgresError(error)?.code === '23505') return storeOnce(db, userId, def);
    throw error;
  }
}

async function storeOnce(db: Database, userId: number, def: QuestionnaireDefinition): Promise<StoredOutcome> {
  return db.transaction(async (tx) => {
    const existing = await lockQuestionnaire(tx, def.version);
    if (existing && canonicalJson(existing) === canonicalJson(def)) return 'unchanged';
    if (existing) {
      const use = await questionnaireUse(tx, def.version);
      const reason = seededQuestionnaire(def.version) ? why.seeded : use.responses ? why.responses : use.rounds ? why.rounds : undefined;
      if (reason) throw problems.questionnaireLocked({ version: def.version, why: reason });
    }
    const outcome = await saveQuestionnaire(tx, def);
    // Another upload of a new version may have created it between the lock and the save: decided as for any existing version.
    if (outcome === 'locked') throw problems.questionnaireLocked({ version: def.version, why: why.rounds });
    await recordAudit(tx, [
      {
        userId,
        action: outcome === 'created' ? 'create_questionnaire' : 'replace_questionnaire',
        entity: 'questionnaire',
        entityId: def.version,
        newValue: { title: def.title.vi, respondentType: def.respondentType, questions: def.questions.length },
      },
    ]);
    return outcome === 'unchanged' ? 'unchanged' : outcome;
  });
}

export async function questionnaireVersions(db: Database) {
  return (await listQuestionnaireUsage(db)).map((v) => ({
    ...v,
    respondentType: v.respondentType === 'organisation' ? ('organisation' as const) : ('citizen' as const),
    createdAt: v.createdAt.toISOString(),
    seeded: seededQuestionnaire(v.version) !== undefined,
    locked: seededQuestionnaire(v.version) !== undefined || v.responses > 0 || v.rounds.length > 0,
  }));
}

export async function storedQuestionnaire(db: Database, version: string): Promise<QuestionnaireDefinition> {
  const def = await findQuestionnaire(db, version);
  if (!def) throw problems.notFound('questionnaire', { version });
  return def;
}

/** A version as the template: the guide first, then its sheets. */
export async function questionnaireWorkbook(def: QuestionnaireDefinition): Promise<Buffer> {
  return writeXlsx([guideSheet(), ...definitionSheets(def)]);
}

/** The template to start from: the citizens' 2024 version, a working example to edit. */
export async function questionnaireTemplate(): Promise<Buffer> {
  return questionnaireWorkbook(seededQuestionnaire('2024')!);
}
