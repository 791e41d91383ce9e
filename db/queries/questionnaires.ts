import { asc, eq, sql } from 'drizzle-orm';
import type { QuestionnaireDefinition, RespondentType } from '../../analysis/questionnaire/definition.ts';
import { canonicalJson } from '../../analysis/questionnaire/canonical.ts';
import { satisfactionItems } from '../../analysis/questionnaire/structure.ts';
import type { Database } from '../client.ts';
import { questionnaireItems, questionnaireVersions, responses, roundQuestionnaires, surveyRounds } from '../schema/index.ts';

export async function findQuestionnaire(db: Database, version: string): Promise<QuestionnaireDefinition | undefined> {
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.version, version));
  return row?.definition;
}

export async function listQuestionnaireVersions(db: Database): Promise<Array<{ version: string; title: string; respondentType: 'citizen' | 'organisation' }>> {
  return db
    .select({
      version: questionnaireVersions.version,
      title: questionnaireVersions.title,
      respondentType: sql<'citizen' | 'organisation'>`coalesce(${questionnaireVersions.definition} ->> 'respondentType', 'citizen')`,
    })
    .from(questionnaireVersions)
    .orderBy(asc(questionnaireVersions.version));
}

export async function isQuestionnaireInUse(db: Database, version: string): Promise<boolean> {
  const [row] = await db
    .select({ id: roundQuestionnaires.roundId })
    .from(roundQuestionnaires)
    .where(eq(roundQuestionnaires.questionnaireVersion, version))
    .limit(1);
  return row !== undefined;
}

export type SaveOutcome = 'created' | 'unchanged' | 'updated' | 'locked';

/**
 * Stores a version with its item index. A version that a round uses is immutable: a different
 * definition under the same version is refused ('locked') — publish it as a new version instead.
 */
export async function saveQuestionnaire(db: Database, def: QuestionnaireDefinition): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const existing = await findQuestionnaire(tx, def.version);
    if (existing && canonicalJson(existing) === canonicalJson(def)) return 'unchanged';
    if (existing && (await isQuestionnaireInUse(tx, def.version))) return 'locked';
    const values = { version: def.version, title: def.title.vi, definition: def };
    if (existing) {
      await tx.update(questionnaireVersions).set(values).where(eq(questionnaireVersions.version, def.version));
      await tx.delete(questionnaireItems).where(eq(questionnaireItems.version, def.version));
    } else {
      await tx.insert(questionnaireVersions).values(values);
    }
    await tx.insert(questionnaireItems).values(satisfactionItems(def).map((item) => ({ version: def.version, ...item })));
    return existing ? 'updated' : 'created';
  });
}

export interface QuestionnaireUsage {
  version: string;
  title: string;
  respondentType: string;
  createdAt: Date;
  rounds: string[];
  responses: number;
}

/** Every version with whom it asks, the rounds that use it and how many responses it holds. */
export async function listQuestionnaireUsage(db: Database): Promise<QuestionnaireUsage[]> {
  const rows = await db
    .select({
      version: questionnaireVersions.version,
      title: questionnaireVersions.title,
      respondentType: sql<string>`coalesce(${questionnaireVersions.definition} ->> 'respondentType', 'citizen')`,
      createdAt: questionnaireVersions.createdAt,
      rounds: sql<
        string[]
      >`coalesce((select array_agg(${surveyRounds.code} order by ${surveyRounds.code}) from ${surveyRounds} join ${roundQuestionnaires} on ${roundQuestionnaires.roundId} = ${surveyRounds.id} where ${roundQuestionnaires.questionnaireVersion} = ${questionnaireVersions.version}), '{}')`,
      responses: sql<number>`(select count(*)::int from ${responses} where ${responses.questionnaireVersion} = ${questionnaireVersions.version})`,
    })
    .from(questionnaireVersions)
    .orderBy(asc(questionnaireVersions.version));
  return rows.map((r) => ({ ...r, responses: Number(r.responses) }));
}

/** Whether a response, or a round, uses the version: then it may never change. */
export async function questionnaireUse(db: Database, version: string): Promise<{ responses: boolean; rounds: boolean }> {
  const [response] = await db.select({ id: responses.id }).from(responses).where(eq(responses.questionnaireVersion, version)).limit(1);
  return { responses: response !== undefined, rounds: await isQuestionnaireInUse(db, version) };
}

/** Takes the version's row lock (or, for a new version, creates it) so that two uploads of one version are decided one after the other. */
export async function lockQuestionnaire(db: Database, version: string): Promise<QuestionnaireDefinition | undefined> {
  const [row] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.version, version)).for('update');
  return row?.definition;
}

/** Every stored version with whom it is for (a definition without `respondentType` is the citizens'). */
export async function questionnaireVersionsByType(db: Database): Promise<Array<{ version: string; title: string; respondentType: RespondentType }>> {
  // Whom each asks, read in SQL: the round form lists every version without loading their definitions.
  return db
    .select({
      version: questionnaireVersions.version,
      title: questionnaireVersions.title,
      respondentType: sql<RespondentType>`coalesce(${questionnaireVersions.definition} ->> 'respondentType', 'citizen')`,
    })
    .from(questionnaireVersions)
    .orderBy(asc(questionnaireVersions.version));
}
