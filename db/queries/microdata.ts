/**
 * A round's accepted responses for the microdata export, a batch at a time so that memory stays
 * flat however large the round: on PostgreSQL one binary COPY in the export's snapshot (the one its
 * weights' counts were read in), on PGlite a binary COPY per keyset page (id order), whose single
 * connection must not be held while a slow client downloads.
 *
 * Binary COPY because a million rows are read: PostgreSQL writes each column as it stores it (no
 * text made of a uuid, a date or the answer bits) and the export reads the rows as spans of
 * the bytes they came in (copy-binary.ts), with no object or string per field. The columns that
 * place a response (channel, office, locality, survey day) are read raw; the export finds its places
 * by their bytes and works each place out once (server/domain/results/microdata-places.ts).
 */
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { DatabaseHandle, ReadSnapshot } from '../client.ts';
import { responses } from '../schema/index.ts';
import { copyRows, uuidText, type CopyRows } from './copy-binary.ts';
import { responsePlace } from './response-place.ts';
import { surveyDay } from './survey-week.ts';

/** The fields of a row, in order: then the free-text answers asked for (null where blank). */
export const MICRODATA_FIELD = {
  /** uuid: 16 bytes. */
  id: 0,
  /** text: office, paper or online. */
  channel: 1,
  /** int4, or null. */
  officeId: 2,
  province: 3,
  district: 4,
  commune: 5,
  /** date: an office response's survey day (survey-week.ts surveyDay), days since 2000-01-01; null for other channels. */
  surveyDay: 6,
  /** bytea, or null where the answers have none. */
  bits: 7,
  firstText: 8,
} as const;

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

export interface TextField {
  group: 'profile' | 'answers';
  code: string;
}

/** Citizens' and organisations' responses are never exported together. */
const accepted = (roundId: number, respondentType: RespondentType) =>
  and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType), eq(responses.status, 'accepted'));

function rowsQuery(roundId: number, respondentType: RespondentType, fields: readonly TextField[], after?: string, limit?: number): SQL {
  const texts = fields.map((f) => sql`, ${f.group === 'profile' ? responses.profile : responses.answers} ->> ${f.code}`);
  const where = after === undefined ? accepted(roundId, respondentType) : and(accepted(roundId, respondentType), gt(responses.id, after));
  const { channel, officeId, province, district, commune } = responsePlace;
  return sql`select ${responses.id}, ${channel}, ${officeId}, ${province}, ${district}, ${commune}, ${surveyDay}, ${responses.answerBits}${sql.join(texts, sql``)}
    from ${responses} where ${where}
    ${limit === undefined ? sql`` : sql`order by ${responses.id} limit ${limit}`}`;
}

/**
 * The rows in batches (fields: MICRODATA_FIELD, then the free-text answers of `fields`): on
 * PostgreSQL from one COPY in the export's snapshot, on PGlite a page of `pageSize` at a time.
 */
export async function* microdataBatches(
  handle: DatabaseHandle,
  snapshot: ReadSnapshot | undefined,
  roundId: number,
  respondentType: RespondentType,
  fields: readonly TextField[],
  pageSize: number,
): AsyncGenerator<CopyRows> {
  const width = MICRODATA_FIELD.firstText + fields.length;
  if (snapshot) {
    yield* copyRows(snapshot.copy(rowsQuery(roundId, respondentType, fields)), width);
    return;
  }
  if (!handle.copyPage) throw new Error('this database can neither hold a snapshot nor copy a page');
  let after: string | undefined;
  for (;;) {
    const page = await handle.copyPage(rowsQuery(roundId, respondentType, fields, after, pageSize));
    let last: CopyRows | undefined;
    for await (const batch of copyRows([page], width)) {
      last = batch;
      yield batch;
    }
    if (!last) return;
    const idAt = last.start[(last.rows - 1) * width + MICRODATA_FIELD.id];
    after = uuidText(last.data, idAt);
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
