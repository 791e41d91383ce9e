import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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
 * Stores a response that staff made (a verified or imported paper form) under a new id the server
 * drew: a clash can only be a defect, so it fails loudly rather than pointing at another row.
 */
export async function insertStaffResponse(db: Database, row: NewResponseRow): Promise<void> {
  await db.insert(responses).values(row);
}

/** Responses of a round that plausibility checks flagged, for a survey manager to review. */
export async function listFlaggedResponses(db: Database, roundId: number) {
  return db
    .select({
      id: responses.id,
      channel: responses.channel,
      officeCode: offices.code,
      officeName: offices.name,
      flags: responses.flags,
      status: responses.status,
      ratings: responses.ratings,
      flagFacts: responses.flagFacts,
      startedAt: responses.startedAt,
      submittedAt: responses.submittedAt,
      receivedAt: responses.receivedAt,
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
const dialect = new PgDialect();

/** A response row as the writer stores it: every column but the ones the database fills in. */
export type GroupRow = Required<
  Pick<
    NewResponseRow,
    | 'id'
    | 'roundId'
    | 'questionnaireVersion'
    | 'respondentType'
    | 'channel'
    | 'officeId'
    | 'provinceCode'
    | 'districtCode'
    | 'communeCode'
    | 'profile'
    | 'answers'
    | 'ratings'
    | 'answerBits'
    | 'contentHash'
    | 'linkId'
    | 'deviceHash'
    | 'answersFingerprint'
    | 'flags'
    | 'flagFacts'
    | 'ratingBand1'
    | 'ratingBand2'
    | 'ratingBand3'
    | 'ratingBand4'
    | 'startedAt'
    | 'submittedAt'
  >
>;

/** How the storing statement decides the burst flags (server/domain/responses/response-flags.ts says why they are decided there). */
export interface BurstCheck {
  /** Responses received since then are in the window. */
  since: Date;
  /** The window's length, recorded with the facts of a burst flag. */
  windowMinutes: number;
  /** This many responses from one device in the window, before this one, make a device burst. */
  maxPerDevice: number;
  /** Ratings differing in at most this many items are near-identical. */
  maxDifferentRatings: number;
  /** The order flags are listed in. */
  order: readonly string[];
}

export interface InsertedResponse {
  id: string;
  receivedAt: Date;
  status: ResponseRow['status'];
  flags: string[];
}

/**
 * Stores many responses in one statement (one round trip, one commit), skipping every id that is
 * already stored, and returns the rows it inserted with what the database filled in. A row absent
 * from the result was not inserted: its id existed, or a concurrent statement that committed first
 * inserted it.
 *
 * Each row's `flags` are those it earned by itself; the statement adds the burst flags, counting
 * the responses stored in the window and the earlier rows of this group that are new (`pos` is
 * a row's place in the group), and holds every flagged row (status `held`) with the facts found.
 * Near-identical candidates come through the four (link_id, rating_band_k, received_at) indexes,
 * one exact range scan each (a union, so that no plan can fall back to all of a link's rows; at
 * most `CANDIDATES` per band are compared), device counts through (device_hash, received_at).
 *
 * Rows go in in id order: two servers inserting overlapping groups then take the ids' locks in
 * the same order and wait for each other instead of deadlocking (which they did, in the
 * two-server check, when each inserted the same pair in the opposite order).
 */
export async function insertResponseGroup(db: Database, rows: GroupRow[], burst: BurstCheck): Promise<InsertedResponse[]> {
  if (rows.length === 0) return [];
  // A named statement: PostgreSQL plans it once per connection instead of for every group, which
  // halves its CPU time per statement (0.87 → 0.39 ms measured) — most of what a group of one
  // costs it at a steady rate. Its text never changes; PGlite ignores the name.
  const result = await db._.session
    .prepareQuery(dialect.sqlToQuery(groupInsertStatement(sql`${groupRecords(rows)}`, burst)), undefined, 'sipas_store_responses', false)
    .execute();
  return rowsOf<{ id: string; received_at: Date | string; status: ResponseRow['status']; flags: string[] }>(result).map((r) => ({
    id: r.id,
    receivedAt: new Date(r.received_at),
    status: r.status,
    flags: r.flags,
  }));
}

/** The rows of a group as the one JSON parameter the statement unpacks (`pos`: a row's place in the group). */
export function groupRecords(rows: GroupRow[]): string {
  return JSON.stringify(
    rows.map((r, pos) => ({
      pos,
      id: r.id,
      round_id: r.roundId,
      questionnaire_version: r.questionnaireVersion,
      respondent_type: r.respondentType,
      channel: r.channel,
      office_id: r.officeId,
      province_code: r.provinceCode,
      district_code: r.districtCode,
      commune_code: r.communeCode,
      profile: r.profile,
      answers: r.answers,
      ratings: r.ratings,
      answer_bits: r.answerBits?.toString('hex') ?? null,
      content_hash: r.contentHash,
      link_id: r.linkId,
      device_hash: r.deviceHash,
      answers_fingerprint: r.answersFingerprint,
      rating_band_1: r.ratingBand1?.toString() ?? null,
      rating_band_2: r.ratingBand2?.toString() ?? null,
      rating_band_3: r.ratingBand3?.toString() ?? null,
      rating_band_4: r.ratingBand4?.toString() ?? null,
      flags: r.flags,
      flag_facts: r.flagFacts,
      started_at: r.startedAt,
      submitted_at: r.submittedAt,
    })),
  );
}

/** Near-identical candidates compared per response: a bound on the work one response can cause. */
const CANDIDATES = 50;

/**
 * The statement itself, given its rows as a JSON array: also what bench/ingest.ts has pgbench run,
 * so that PostgreSQL's own rate is measured for exactly this work.
 */
export function groupInsertStatement(records: SQL, burst: BurstCheck): SQL {
  const since = burst.since.toISOString();
  const near = (a: SQL, b: SQL) => sql`(select count(*) from unnest(${a}, ${b}) as d(x, y) where x <> y) <= ${burst.maxDifferentRatings}::integer`;
  return sql`
    with input as (
      select * from jsonb_to_recordset(${records}::jsonb) as r(pos integer, id uuid, round_id integer, questionnaire_version text, respondent_type text, channel text,
        office_id integer, province_code text, district_code text, commune_code text, profile jsonb, answers jsonb, ratings smallint[],
        answer_bits text, content_hash text, link_id integer, device_hash text, answers_fingerprint text,
        rating_band_1 bigint, rating_band_2 bigint, rating_band_3 bigint, rating_band_4 bigint,
        flags text[], flag_facts jsonb, started_at timestamptz, submitted_at timestamptz)
    ), fresh as (
      select i.*,
        case when i.link_id is null then 0 else
          (select count(*) from (${sql.join(
            [1, 2, 3, 4].map(
              (k) => sql`(
              select s.id, s.ratings from responses s
              where s.link_id = i.link_id and s.${sql.raw(`rating_band_${k}`)} = i.${sql.raw(`rating_band_${k}`)} and s.received_at >= ${since}::timestamptz
              limit ${CANDIDATES}::integer)`,
            ),
            sql` union `,
          )}) c
          where ${near(sql`c.ratings`, sql`i.ratings`)})
          + (select count(*) from input j
            where j.pos < i.pos and j.link_id = i.link_id and (j.rating_band_1 = i.rating_band_1 or j.rating_band_2 = i.rating_band_2
                or j.rating_band_3 = i.rating_band_3 or j.rating_band_4 = i.rating_band_4)
              and ${near(sql`j.ratings`, sql`i.ratings`)})
        end as similar_before,
        case when i.device_hash is null then 0 else
          (select count(*) from responses s where s.device_hash = i.device_hash and s.received_at >= ${since}::timestamptz)
          + count(*) over (partition by i.device_hash order by i.pos rows between unbounded preceding and 1 preceding)
        end as device_before
      from input i
      where not exists (select from responses s where s.id = i.id)
    ), flagged as (
      select f.*,
        array(select x from unnest(f.flags || array_remove(array[
            case when f.similar_before > 0 then 'identical_burst' end,
            case when f.device_before >= ${burst.maxPerDevice}::integer then 'device_burst' end], null)) as x
          order by array_position(${`{${burst.order.join(',')}}`}::text[], x)) as all_flags,
        coalesce(f.flag_facts, '{}'::jsonb)
          || case when f.similar_before > 0 then jsonb_build_object('similar', f.similar_before, 'maxDifferent', ${burst.maxDifferentRatings}::integer, 'windowMinutes', ${burst.windowMinutes}::integer) else '{}'::jsonb end
          || case when f.device_before >= ${burst.maxPerDevice}::integer then jsonb_build_object('deviceCount', f.device_before + 1, 'windowMinutes', ${burst.windowMinutes}::integer) else '{}'::jsonb end
          as all_facts
      from fresh f
    )
    insert into responses (id, round_id, questionnaire_version, respondent_type, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, answer_bits, content_hash, link_id, device_hash, answers_fingerprint,
      rating_band_1, rating_band_2, rating_band_3, rating_band_4, flags, flag_facts, status, started_at, submitted_at)
    select id, round_id, questionnaire_version, respondent_type, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, decode(answer_bits, 'hex'), content_hash, link_id, device_hash, answers_fingerprint,
      rating_band_1, rating_band_2, rating_band_3, rating_band_4, all_flags, case when cardinality(all_flags) > 0 then all_facts end,
      case when cardinality(all_flags) > 0 then 'held' else 'accepted' end, started_at, submitted_at
    from flagged
    order by id
    on conflict (id) do nothing
    returning id, received_at, status, flags`;
}

/** Stores many responses the server made (demo data, under ids it drew at random), in batches. */
export async function insertServerResponses(db: Database, rows: NewResponseRow[], batchSize = 250): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await db.insert(responses).values(rows.slice(i, i + batchSize));
}
