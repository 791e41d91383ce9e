import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { Database } from '../client.ts';
import { offices, responses, roundProvinces, roundQuestionnaires, roundSamplePlan, surveyRounds, type SamplePlanUnitKind } from '../schema/index.ts';

export type RoundRecord = typeof surveyRounds.$inferSelect;
/** The questionnaire version a round asks each respondent type: citizens always, organisations optionally. */
export type RoundQuestionnaires = { citizen: string } & Partial<Record<Exclude<RespondentType, 'citizen'>, string>>;
/** A round with the provinces it covers and its questionnaires. */
export type RoundRow = RoundRecord & { provinceCodes: string[]; questionnaires: RoundQuestionnaires };
export type OfficeRow = typeof offices.$inferSelect;
export type SamplePlanRow = { unitKind: SamplePlanUnitKind; unitCode: string; wanted: number };

/** Adds to each round its provinces and questionnaires (two queries, however many rounds). */
export async function withRoundParts(db: Database, records: RoundRecord[]): Promise<RoundRow[]> {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const [provinces, questionnaires] = await Promise.all([
    db.select().from(roundProvinces).where(inArray(roundProvinces.roundId, ids)).orderBy(asc(roundProvinces.provinceCode)),
    db.select().from(roundQuestionnaires).where(inArray(roundQuestionnaires.roundId, ids)),
  ]);
  return records.map((record) => {
    const versions: Partial<Record<RespondentType, string>> = {};
    for (const q of questionnaires) if (q.roundId === record.id) versions[q.respondentType] = q.questionnaireVersion;
    return {
      ...record,
      provinceCodes: provinces.filter((p) => p.roundId === record.id).map((p) => p.provinceCode),
      // Every round stores a citizens' version (insertRound requires one).
      questionnaires: { ...versions, citizen: versions.citizen ?? '' },
    };
  });
}

async function one(db: Database, records: RoundRecord[]): Promise<RoundRow | undefined> {
  return (await withRoundParts(db, records))[0];
}

export async function findRoundByCode(db: Database, code: string): Promise<RoundRow | undefined> {
  return one(db, await db.select().from(surveyRounds).where(eq(surveyRounds.code, code)));
}

export async function listRounds(db: Database): Promise<RoundRow[]> {
  return withRoundParts(db, await db.select().from(surveyRounds).orderBy(asc(surveyRounds.periodStart), asc(surveyRounds.code)));
}

export async function roundById(db: Database, id: number): Promise<RoundRow | undefined> {
  return one(db, await db.select().from(surveyRounds).where(eq(surveyRounds.id, id)));
}

export async function listPublishedRounds(db: Database): Promise<RoundRow[]> {
  return withRoundParts(
    db,
    await db.select().from(surveyRounds).where(eq(surveyRounds.status, 'published')).orderBy(asc(surveyRounds.periodStart), asc(surveyRounds.code)),
  );
}

export type NewRound = Omit<typeof surveyRounds.$inferInsert, 'year'> & { year?: number; provinceCodes: string[]; questionnaires: RoundQuestionnaires };

/** Stores a round with its provinces and questionnaires (its year, unless given, the one its period starts in); undefined when its code is taken. */
export async function insertRound(db: Database, round: NewRound): Promise<RoundRow | undefined> {
  const { provinceCodes, questionnaires, ...record } = round;
  const year = record.year ?? Number(String(record.periodStart).slice(0, 4));
  const [inserted] = await db
    .insert(surveyRounds)
    .values({ ...record, year })
    .onConflictDoNothing({ target: surveyRounds.code })
    .returning();
  if (!inserted) return undefined;
  await replaceRoundParts(db, inserted.id, { provinceCodes, questionnaires });
  return roundById(db, inserted.id);
}

export async function insertRoundIfAbsent(db: Database, round: NewRound): Promise<void> {
  await insertRound(db, round);
}

/** Replaces a round's provinces and/or questionnaires (whichever is given). */
export async function replaceRoundParts(
  db: Database,
  roundId: number,
  parts: { provinceCodes?: string[]; questionnaires?: RoundQuestionnaires },
): Promise<void> {
  if (parts.provinceCodes) {
    await db.delete(roundProvinces).where(eq(roundProvinces.roundId, roundId));
    await db.insert(roundProvinces).values(parts.provinceCodes.map((provinceCode) => ({ roundId, provinceCode })));
  }
  if (parts.questionnaires) {
    await db.delete(roundQuestionnaires).where(eq(roundQuestionnaires.roundId, roundId));
    const rows = Object.entries(parts.questionnaires)
      .filter((entry): entry is [RespondentType, string] => typeof entry[1] === 'string')
      .map(([respondentType, questionnaireVersion]) => ({ roundId, respondentType, questionnaireVersion }));
    await db.insert(roundQuestionnaires).values(rows);
  }
}

export async function updateRoundRecord(db: Database, roundId: number, values: Partial<typeof surveyRounds.$inferInsert>): Promise<void> {
  if (Object.keys(values).length > 0) await db.update(surveyRounds).set(values).where(eq(surveyRounds.id, roundId));
}

export async function setRoundStatus(db: Database, code: string, status: RoundRow['status']): Promise<boolean> {
  const updated = await db.update(surveyRounds).set({ status }).where(eq(surveyRounds.code, code)).returning({ id: surveyRounds.id });
  return updated.length > 0;
}

export async function samplePlanOf(db: Database, roundId: number): Promise<SamplePlanRow[]> {
  return db
    .select({ unitKind: roundSamplePlan.unitKind, unitCode: roundSamplePlan.unitCode, wanted: roundSamplePlan.wanted })
    .from(roundSamplePlan)
    .where(eq(roundSamplePlan.roundId, roundId))
    .orderBy(asc(roundSamplePlan.unitKind), asc(roundSamplePlan.unitCode));
}

export async function replaceSamplePlan(db: Database, roundId: number, rows: SamplePlanRow[]): Promise<void> {
  await db.delete(roundSamplePlan).where(eq(roundSamplePlan.roundId, roundId));
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insert(roundSamplePlan).values(rows.slice(i, i + 2000).map((r) => ({ roundId, ...r })));
  }
}

export async function findOfficeByCode(db: Database, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export async function listOffices(db: Database): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export async function insertOfficeIfAbsent(db: Database, office: typeof offices.$inferInsert): Promise<void> {
  await db.insert(offices).values(office).onConflictDoNothing({ target: offices.code });
}

/**
 * Counted (accepted) responses against each line of the plan: an office line counts the office's
 * responses, a locality line the responses whose commune or district is that unit.
 */
export async function samplePlanProgress(db: Database, roundId: number): Promise<Array<SamplePlanRow & { counted: number }>> {
  // Written out qualified: drizzle leaves columns of a one-table select unqualified, and both tables have ids and codes.
  return db
    .select({
      unitKind: roundSamplePlan.unitKind,
      unitCode: roundSamplePlan.unitCode,
      wanted: roundSamplePlan.wanted,
      counted: sql<number>`(
        select count(*)::int4 from responses r left join offices o on o.id = r.office_id
        where r.round_id = ${roundId} and r.status = 'accepted'
          and case when round_sample_plan.unit_kind = 'office' then o.code = round_sample_plan.unit_code
            else (r.commune_code = round_sample_plan.unit_code or r.district_code = round_sample_plan.unit_code) end
      )`,
    })
    .from(roundSamplePlan)
    .where(eq(roundSamplePlan.roundId, roundId))
    .orderBy(asc(roundSamplePlan.unitKind), asc(roundSamplePlan.unitCode));
}

/** A round's accepted responses by channel; and what they tell about editing it (versions, provinces, days used). */
export async function roundResponseFacts(db: Database, roundId: number) {
  const rows = await db
    .select({
      channel: responses.channel,
      questionnaireVersion: responses.questionnaireVersion,
      provinceCode: responses.provinceCode,
      accepted: sql<number>`count(*) filter (where ${responses.status} = 'accepted')::int4`,
      all: sql<number>`count(*)::int4`,
      // Days in Vietnam (UTC+7 all year), whatever the session's time zone.
      first: sql<
        string | null
      >`to_char((min(coalesce(${responses.submittedAt}, ${responses.receivedAt})) at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`,
      last: sql<
        string | null
      >`to_char((max(coalesce(${responses.submittedAt}, ${responses.receivedAt})) at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`,
    })
    .from(responses)
    .where(eq(responses.roundId, roundId))
    .groupBy(responses.channel, responses.questionnaireVersion, responses.provinceCode);
  return rows;
}
