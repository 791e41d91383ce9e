import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { offices, responses, surveyRounds } from '../schema/index.ts';

export type NewResponseRow = typeof responses.$inferInsert;
export type ResponseRow = typeof responses.$inferSelect;

export interface StoredResponse extends ResponseRow {
  roundCode: string;
  officeCode: string | null;
}

export async function findResponses(db: Database, ids: string[]): Promise<StoredResponse[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ response: responses, roundCode: surveyRounds.code, officeCode: offices.code })
    .from(responses)
    .innerJoin(surveyRounds, eq(surveyRounds.id, responses.roundId))
    .leftJoin(offices, eq(offices.id, responses.officeId))
    .where(inArray(responses.id, ids));
  return rows.map((row) => ({ ...row.response, roundCode: row.roundCode, officeCode: row.officeCode }));
}

export async function findResponse(db: Database, id: string): Promise<StoredResponse | undefined> {
  const [row] = await findResponses(db, [id]);
  return row;
}

/**
 * Stores a response unless one with its id exists. The insert is one autocommitted statement, so
 * when this returns `inserted: true` the row is committed; under concurrent identical inserts the
 * primary key lets exactly one through and the others see it afterwards.
 */
export async function insertResponseOnce(db: Database, row: NewResponseRow): Promise<{ inserted: boolean }> {
  const inserted = await db.insert(responses).values(row).onConflictDoNothing({ target: responses.id }).returning({ id: responses.id });
  return { inserted: inserted.length > 0 };
}

/** Responses of a round that plausibility checks flagged, for a survey manager to review. */
export async function listFlaggedResponses(db: Database, roundId: number) {
  return db
    .select({
      id: responses.id, channel: responses.channel, officeCode: offices.code, officeName: offices.name, flags: responses.flags,
      status: responses.status, ratings: responses.ratings, startedAt: responses.startedAt, submittedAt: responses.submittedAt, receivedAt: responses.receivedAt,
    })
    .from(responses)
    .leftJoin(offices, eq(offices.id, responses.officeId))
    .where(and(eq(responses.roundId, roundId), sql`cardinality(${responses.flags}) > 0`))
    .orderBy(asc(responses.receivedAt), asc(responses.id));
}

export async function setResponseStatus(db: Database, id: string, status: ResponseRow['status']): Promise<void> {
  await db.update(responses).set({ status }).where(eq(responses.id, id));
}

/*
 * The citizens' hot path below uses fixed statements whose data travel as one JSON parameter each:
 * the statement text is the same for one row or five hundred, so building it costs nothing, and
 * PostgreSQL unpacks the rows in C. Both drivers answer a raw statement with `{ rows }`.
 */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A response row as the writer stores it: every column but the ones the database fills in. */
export type GroupRow = Required<Pick<NewResponseRow,
  'id' | 'roundId' | 'questionnaireVersion' | 'channel' | 'officeId' | 'provinceCode' | 'districtCode' | 'communeCode'
  | 'profile' | 'answers' | 'ratings' | 'answerBits' | 'contentHash' | 'linkId' | 'deviceHash' | 'answersFingerprint' | 'flags' | 'startedAt' | 'submittedAt'>>;

/**
 * Stores many responses in one statement (one commit), skipping every id that is already stored,
 * and returns the rows it inserted with what the database filled in. A row absent from the result
 * was not inserted: its id existed, or a concurrent statement that committed first inserted it.
 *
 * Rows go in in id order: two servers inserting overlapping groups then take the ids' locks in
 * the same order and wait for each other instead of deadlocking (which they did, in the
 * two-server check, when each inserted the same pair in the opposite order).
 */
export async function insertResponseGroup(db: Database, rows: GroupRow[]): Promise<Array<{ id: string; receivedAt: Date; status: ResponseRow['status'] }>> {
  if (rows.length === 0) return [];
  const records = JSON.stringify(rows.map((r) => ({
    id: r.id, round_id: r.roundId, questionnaire_version: r.questionnaireVersion, channel: r.channel, office_id: r.officeId,
    province_code: r.provinceCode, district_code: r.districtCode, commune_code: r.communeCode, profile: r.profile, answers: r.answers,
    ratings: r.ratings, answer_bits: r.answerBits?.toString('hex') ?? null, content_hash: r.contentHash, link_id: r.linkId, device_hash: r.deviceHash, answers_fingerprint: r.answersFingerprint,
    flags: r.flags, started_at: r.startedAt, submitted_at: r.submittedAt,
  })));
  const result = await db.execute(sql`
    insert into responses (id, round_id, questionnaire_version, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, answer_bits, content_hash, link_id, device_hash, answers_fingerprint, flags, started_at, submitted_at)
    select id, round_id, questionnaire_version, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, decode(answer_bits, 'hex'), content_hash, link_id, device_hash, answers_fingerprint, flags, started_at, submitted_at
    from jsonb_to_recordset(${records}::jsonb) as r(id uuid, round_id integer, questionnaire_version text, channel text, office_id integer,
      province_code text, district_code text, commune_code text, profile jsonb, answers jsonb, ratings smallint[], answer_bits text, content_hash text,
      link_id integer, device_hash text, answers_fingerprint text, flags text[], started_at timestamptz, submitted_at timestamptz)
    order by id
    on conflict (id) do nothing
    returning id, received_at, status`);
  return rowsOf<{ id: string; received_at: Date | string; status: ResponseRow['status'] }>(result)
    .map((r) => ({ id: r.id, receivedAt: new Date(r.received_at), status: r.status }));
}

export interface GroupFacts {
  /** Content hash of each of the ids that is stored already. */
  stored: Map<string, string>;
  /** Responses per device hash since the moment (burst check). */
  byDevice: Map<string, number>;
  /** Responses per `link id:answers fingerprint` since the moment (identical answers through one link). */
  identical: Map<string, number>;
}

/** What the writer must know about a group before storing it, in one round trip. */
export async function groupFacts(
  db: Database,
  query: { ids: string[]; deviceHashes: string[]; links: number[]; fingerprints: string[]; since: Date },
): Promise<GroupFacts> {
  const list = (values: unknown[]) => JSON.stringify(values);
  const since = query.since.toISOString();
  const result = await db.execute(sql`
    select 'stored' as kind, id::text as key, content_hash as hash, 0 as n from responses
      where id in (select jsonb_array_elements_text(${list(query.ids)}::jsonb)::uuid)
    union all
    select 'device', device_hash, null, count(*)::int from responses
      where device_hash in (select jsonb_array_elements_text(${list(query.deviceHashes)}::jsonb)) and received_at >= ${since}::timestamptz
      group by device_hash
    union all
    select 'identical', link_id::text || ':' || answers_fingerprint, null, count(*)::int from responses
      where link_id in (select jsonb_array_elements_text(${list(query.links)}::jsonb)::integer)
        and answers_fingerprint in (select jsonb_array_elements_text(${list(query.fingerprints)}::jsonb))
        and received_at >= ${since}::timestamptz
      group by link_id, answers_fingerprint`);
  const facts: GroupFacts = { stored: new Map(), byDevice: new Map(), identical: new Map() };
  for (const row of rowsOf<{ kind: string; key: string; hash: string | null; n: number }>(result)) {
    if (row.kind === 'stored') facts.stored.set(row.key, row.hash!);
    else if (row.kind === 'device') facts.byDevice.set(row.key, Number(row.n));
    else facts.identical.set(row.key, Number(row.n));
  }
  return facts;
}

/** Stores many responses, each unless its id exists (e.g. demo data loaded twice); returns how many were new. */
export async function insertResponsesOnce(db: Database, rows: NewResponseRow[], batchSize = 250): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const stored = await db.insert(responses).values(rows.slice(i, i + batchSize)).onConflictDoNothing({ target: responses.id }).returning({ id: responses.id });
    inserted += stored.length;
  }
  return inserted;
}
