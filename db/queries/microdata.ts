/**
 * A round's accepted responses for the microdata export, a batch at a time so that memory stays
 * flat however large the round: on PostgreSQL from a cursor in the export's snapshot (the one its
 * weights' counts were read in), on PGlite by keyset pages (id order), whose single connection must
 * not be held while a slow client downloads.
 *
 * A row is a plain array of strings, as few and as small as the export needs — a million rows of
 * objects, Buffers and parsed arrays would keep the garbage collector busier than the writing:
 * the id, the response's place (channel, office, locality, survey week) as one short text that the
 * export decodes once per place, the answer bits in hex, then each free-text answer asked for.
 */
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { DatabaseHandle, ReadSnapshot } from '../client.ts';
import { responses } from '../schema/index.ts';
import { responsePlace } from './response-place.ts';

/** `[id, place, bits in hex (null: none), ...free-text answers (null where blank)]`. */
export type MicrodataRow = [id: string, place: string, bits: string | null, ...texts: Array<string | null>];

/** Where a response came from: everything in its row between the id and the answers follows from it. */
export interface MicrodataPlace {
  channel: 'office' | 'paper' | 'online';
  officeId: number | null;
  province: string;
  district: string | null;
  commune: string | null;
  /** Office responses: the survey week, part of their PSU (survey-week.ts); null otherwise. */
  week: string | null;
}

/**
 * The place as one short text made by PostgreSQL (placeKey below), which keys the export's table of
 * places: `channel|office|n|province|n|district|n|commune|week`, each code preceded by its length
 * (none where the code is null), so that any code — a `|` in it included — reads back exactly.
 */
export function microdataPlace(key: string): MicrodataPlace {
  let at = 0;
  const upTo = (): string => {
    const end = key.indexOf('|', at);
    if (end < 0) throw new Error(`not a place key: ${key}`);
    const text = key.slice(at, end);
    at = end + 1;
    return text;
  };
  const code = (): string | null => {
    const length = upTo();
    if (length === '') {
      at++;
      return null;
    }
    // PostgreSQL counts characters, JavaScript UTF-16 units: a character beyond the BMP takes two.
    const from = at;
    for (let n = Number(length); n > 0; n--) at += (key.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    const text = key.slice(from, at);
    at++;
    return text;
  };
  const channel = upTo() as MicrodataPlace['channel'];
  const office = upTo();
  const province = code() ?? '';
  const district = code();
  const commune = code();
  const week = key.slice(at);
  return { channel, officeId: office === '' ? null : Number(office), province, district, commune, week: week === '' ? null : week };
}

type PlaceColumns = Record<'channel' | 'officeId' | 'province' | 'district' | 'commune' | 'week', SQL.Aliased | SQL | AnyColumn>;

/** The key microdataPlace reads; cheaper for PostgreSQL to make than a JSON array (a third of the query's time) and shorter to look up. */
export const placeKeyOf = (c: PlaceColumns): SQL => sql`concat(${c.channel}, '|', ${c.officeId}, '|',
  length(${c.province}), '|', ${c.province}, '|', length(${c.district}), '|', ${c.district}, '|',
  length(${c.commune}), '|', ${c.commune}, '|', ${c.week})`;

const placeKey = placeKeyOf(responsePlace);

export interface TextField {
  group: 'profile' | 'answers';
  code: string;
}

/** Citizens' and organisations' responses are never exported together. */
const accepted = (roundId: number, respondentType: RespondentType) =>
  and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType), eq(responses.status, 'accepted'));

function rowsQuery(roundId: number, respondentType: RespondentType, fields: readonly TextField[], after?: string, limit?: number): SQL {
  const texts = fields.map((f, k) => sql`, (${f.group === 'profile' ? responses.profile : responses.answers} ->> ${f.code}) as ${sql.identifier(`t${k}`)}`);
  return sql`select ${responses.id}::text as id,
      ${placeKey} as place,
      encode(${responses.answerBits}, 'hex') as bits${sql.join(texts, sql``)}
    from ${responses} where ${accepted(roundId, respondentType)}${after === undefined ? sql`` : sql` and ${responses.id} > ${after}`}
    ${limit === undefined ? sql`` : sql`order by ${responses.id} limit ${limit}`}`;
}

/**
 * The rows in batches: on PostgreSQL from a cursor in the export's snapshot (the one its counts were
 * read in), on PGlite by keyset pages.
 */
export async function* microdataBatches(
  handle: DatabaseHandle,
  snapshot: ReadSnapshot | undefined,
  roundId: number,
  respondentType: RespondentType,
  fields: readonly TextField[],
  batchSize: number,
): AsyncGenerator<MicrodataRow[]> {
  if (snapshot) {
    for await (const rows of snapshot.batches(rowsQuery(roundId, respondentType, fields), batchSize)) yield rows as MicrodataRow[];
    return;
  }
  const names = ['id', 'place', 'bits', ...fields.map((_, k) => `t${k}`)];
  let after: string | undefined;
  for (;;) {
    const result = (await handle.db.execute(rowsQuery(roundId, respondentType, fields, after, batchSize))) as unknown as {
      rows: Array<Record<string, string | null>>;
    };
    if (result.rows.length === 0) return;
    const rows = result.rows.map((r) => names.map((name) => r[name]) as MicrodataRow);
    yield rows;
    after = rows[rows.length - 1][0];
  }
}

export interface StratumCount {
  channel: (typeof responses.$inferSelect)['channel'];
  province: string;
  district: string | null;
  size: number;
}

/**
 * Responses per (channel, province, district) of a round: what the design weights N_h / n_h need.
 * In a snapshot when given: the microdata export reads its rows in the same one, so that its weights
 * count exactly the rows it writes.
 */
export async function stratumCounts(handle: DatabaseHandle, roundId: number, respondentType: RespondentType, snapshot?: ReadSnapshot): Promise<StratumCount[]> {
  const query = sql`select ${responses.channel} as channel, ${responses.provinceCode} as province, ${responses.districtCode} as district, count(*)::int4 as size
    from ${responses} where ${accepted(roundId, respondentType)}
    group by ${responses.channel}, ${responses.provinceCode}, ${responses.districtCode}`;
  if (snapshot) {
    const rows = (await snapshot.rows(query)) as Array<[StratumCount['channel'], string, string | null, number]>;
    return rows.map(([channel, province, district, size]) => ({ channel, province, district, size }));
  }
  const result = (await handle.db.execute(query)) as unknown as { rows: StratumCount[] };
  return result.rows;
}
