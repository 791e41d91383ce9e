/**
 * A round's accepted responses for the microdata export, a batch at a time so that memory stays
 * flat however large the round: from a server-side cursor on PostgreSQL, by keyset pages (id order)
 * on PGlite, whose single connection must not be held while a slow client downloads.
 *
 * A row is a plain array of strings, as few and as small as the export needs — a million rows of
 * objects, Buffers and parsed arrays would keep the garbage collector busier than the writing:
 * the id, the response's place (channel, office, locality, survey week) as one JSON text that the
 * export decodes once per place, the answer bits in hex, then each free-text answer asked for.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { DatabaseHandle } from '../client.ts';
import { responses } from '../schema/index.ts';
import { surveyWeek } from './survey-week.ts';

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

export function microdataPlace(place: string): MicrodataPlace {
  const [channel, officeId, province, district, commune, week] = JSON.parse(place) as [
    MicrodataPlace['channel'],
    number | null,
    string,
    string | null,
    string | null,
    string | null,
  ];
  return { channel, officeId, province, district, commune, week };
}

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
      json_build_array(${responses.channel}, ${responses.officeId}, ${responses.provinceCode}, ${responses.districtCode}, ${responses.communeCode}, ${surveyWeek})::text as place,
      encode(${responses.answerBits}, 'hex') as bits${sql.join(texts, sql``)}
    from ${responses} where ${accepted(roundId, respondentType)}${after === undefined ? sql`` : sql` and ${responses.id} > ${after}`}
    ${limit === undefined ? sql`` : sql`order by ${responses.id} limit ${limit}`}`;
}

export async function* microdataBatches(
  handle: DatabaseHandle,
  roundId: number,
  respondentType: RespondentType,
  fields: readonly TextField[],
  batchSize: number,
): AsyncGenerator<MicrodataRow[]> {
  if (handle.cursor) {
    for await (const rows of handle.cursor(rowsQuery(roundId, respondentType, fields), batchSize)) yield rows as MicrodataRow[];
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

/** Responses per (channel, province, district) of a round: what the design weights N_h / n_h need. */
export async function stratumCounts(handle: DatabaseHandle, roundId: number, respondentType: RespondentType) {
  return handle.db
    .select({ channel: responses.channel, province: responses.provinceCode, district: responses.districtCode, size: sql<number>`count(*)::int4` })
    .from(responses)
    .where(accepted(roundId, respondentType))
    .groupBy(responses.channel, responses.provinceCode, responses.districtCode);
}
