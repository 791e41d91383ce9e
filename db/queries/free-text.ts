/**
 * Free answers of a round — one row per response and free-text question answered — with the
 * categories each is tagged with, and the categories themselves.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { Database } from '../client.ts';
import { freeTextCategories, freeTextTags, offices, responses } from '../schema/index.ts';
import type { TextField } from './microdata.ts';

export interface FreeAnswerRow {
  responseId: string;
  item: string;
  text: string;
  channel: string;
  officeId: number | null;
  province: string;
  district: string | null;
  commune: string | null;
  receivedAt: string;
  categories: number[];
}

export interface FreeAnswerFilter {
  roundId: number;
  respondentType: RespondentType;
  fields: readonly TextField[];
  locality?: string;
  officeId?: number;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Accepted responses' non-blank free answers matching the filter, newest first. Search and the
 * category filter are the caller's: search must read the text as the reader sees it (masked or not).
 */
export async function freeAnswerRows(db: Database, filter: FreeAnswerFilter): Promise<FreeAnswerRow[]> {
  if (filter.fields.length === 0) return [];
  const values = sql.join(
    filter.fields.map((f) => sql`(${f.code}::text, ${f.group === 'profile' ? sql`r.profile` : sql`r.answers`} ->> ${f.code})`),
    sql`, `,
  );
  const tagged = sql`(select coalesce(array_agg(t.category_id order by t.category_id), '{}'::int4[]) from ${freeTextTags} t where t.response_id = r.id and t.question_code = a.code)`;
  const conditions: SQL[] = [sql`r.round_id = ${filter.roundId}`, sql`r.respondent_type = ${filter.respondentType}`, sql`r.status = 'accepted'`];
  if (filter.locality !== undefined)
    conditions.push(sql`(r.province_code = ${filter.locality} or r.district_code = ${filter.locality} or r.commune_code = ${filter.locality})`);
  if (filter.officeId !== undefined) conditions.push(sql`r.office_id = ${filter.officeId}`);
  const result = await db.execute(sql`
    select r.id as response_id, a.code as item, a.text as text, r.channel as channel, r.office_id as office_id,
      r.province_code as province, r.district_code as district, r.commune_code as commune,
      to_char(r.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as received_at, ${tagged} as categories
    from ${responses} r cross join lateral (values ${values}) as a(code, text)
    where ${sql.join(conditions, sql` and `)} and a.text is not null and btrim(a.text) <> ''
    order by r.received_at desc, r.id, a.code`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    responseId: String(r.response_id),
    item: String(r.item),
    text: String(r.text),
    channel: String(r.channel),
    officeId: r.office_id === null ? null : Number(r.office_id),
    province: String(r.province),
    district: (r.district as string | null) ?? null,
    commune: (r.commune as string | null) ?? null,
    receivedAt: String(r.received_at),
    categories: ((r.categories as Array<number | string> | null) ?? []).map(Number),
  }));
}

/** Code and name of the offices with these ids. */
export async function officesByIds(db: Database, ids: number[]): Promise<Map<number, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: offices.id, code: offices.code, name: offices.name }).from(offices).where(inArray(offices.id, ids));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** One response's answer to one free-text question, if the response is an accepted one of the round. */
export async function freeAnswerOf(db: Database, roundId: number, responseId: string, field: TextField): Promise<string | null | undefined> {
  const column = field.group === 'profile' ? responses.profile : responses.answers;
  const [row] = await db
    .select({ text: sql<string | null>`${column} ->> ${field.code}` })
    .from(responses)
    .where(and(eq(responses.id, responseId), eq(responses.roundId, roundId), eq(responses.status, 'accepted')));
  return row === undefined ? undefined : row.text;
}

export type CategoryRow = typeof freeTextCategories.$inferSelect;

export async function categoriesOfRound(db: Database, roundId: number): Promise<CategoryRow[]> {
  return db.select().from(freeTextCategories).where(eq(freeTextCategories.roundId, roundId)).orderBy(asc(freeTextCategories.id));
}

export async function categoryOfRound(db: Database, roundId: number, id: number): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(freeTextCategories)
    .where(and(eq(freeTextCategories.roundId, roundId), eq(freeTextCategories.id, id)));
  return row;
}

/** The new category, or undefined when the round already has one of that name. */
export async function insertCategory(db: Database, roundId: number, name: string, nameKey: string): Promise<CategoryRow | undefined> {
  const [row] = await db.insert(freeTextCategories).values({ roundId, name, nameKey }).onConflictDoNothing().returning();
  return row;
}

export async function categoryNamed(db: Database, roundId: number, nameKey: string): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(freeTextCategories)
    .where(and(eq(freeTextCategories.roundId, roundId), eq(freeTextCategories.nameKey, nameKey)));
  return row;
}

export async function renameCategory(db: Database, id: number, name: string, nameKey: string): Promise<void> {
  await db.update(freeTextCategories).set({ name, nameKey }).where(eq(freeTextCategories.id, id));
}

/** Deletes the category and its tags; how many answers it was on. */
export async function deleteCategory(db: Database, id: number): Promise<number> {
  const [tags] = await db.select({ n: count() }).from(freeTextTags).where(eq(freeTextTags.categoryId, id));
  await db.delete(freeTextTags).where(eq(freeTextTags.categoryId, id));
  await db.delete(freeTextCategories).where(eq(freeTextCategories.id, id));
  return tags?.n ?? 0;
}

/** Whether the tag was new (true) or already there. */
export async function insertTag(db: Database, tag: typeof freeTextTags.$inferInsert): Promise<boolean> {
  const rows = await db.insert(freeTextTags).values(tag).onConflictDoNothing().returning({ id: freeTextTags.categoryId });
  return rows.length > 0;
}

/** Whether there was such a tag to remove. */
export async function deleteTag(db: Database, categoryId: number, responseId: string, questionCode: string): Promise<boolean> {
  const rows = await db
    .delete(freeTextTags)
    .where(and(eq(freeTextTags.categoryId, categoryId), eq(freeTextTags.responseId, responseId), eq(freeTextTags.questionCode, questionCode)))
    .returning({ id: freeTextTags.categoryId });
  return rows.length > 0;
}

export async function tagsOfAnswer(db: Database, responseId: string, questionCode: string): Promise<number[]> {
  const rows = await db
    .select({ id: freeTextTags.categoryId })
    .from(freeTextTags)
    .where(and(eq(freeTextTags.responseId, responseId), eq(freeTextTags.questionCode, questionCode)))
    .orderBy(asc(freeTextTags.categoryId));
  return rows.map((r) => r.id);
}
