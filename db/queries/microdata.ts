/**
 * A round's accepted responses for the microdata export, a batch at a time so that memory stays
 * flat however large the round: from a server-side cursor on PostgreSQL, by keyset pages (id order)
 * on PGlite, whose single connection must not be held while a slow client downloads.
 */
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { DatabaseHandle } from '../client.ts';
import { responses } from '../schema/index.ts';
import { surveyWeek } from './survey-week.ts';

export interface MicrodataRow {
  id: string;
  channel: 'office' | 'paper' | 'online';
  officeId: number | null;
  province: string;
  district: string | null;
  commune: string | null;
  bits: Buffer | null;
  /** Office responses: the survey week, part of their PSU (survey-week.ts); null otherwise. */
  week: string | null;
  /** The free-text answers asked for, in the order asked (null where blank). */
  texts: Array<string | null>;
}

export interface TextField {
  group: 'profile' | 'answers';
  code: string;
}

function textsColumn(fields: readonly TextField[]): SQL {
  if (fields.length === 0) return sql`'{}'::text[]`;
  const parts = fields.map((f) => sql`(${f.group === 'profile' ? responses.profile : responses.answers} ->> ${f.code})`);
  return sql`array[${sql.join(parts, sql`, `)}]::text[]`;
}

const columns = (fields: readonly TextField[]) => ({
  id: responses.id,
  channel: responses.channel,
  officeId: responses.officeId,
  province: responses.provinceCode,
  district: responses.districtCode,
  commune: responses.communeCode,
  bits: responses.answerBits,
  week: surveyWeek,
  texts: sql<Array<string | null>>`${textsColumn(fields)}`,
});

/** Citizens' and organisations' responses are never exported together. */
const accepted = (roundId: number, respondentType: RespondentType) =>
  and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType), eq(responses.status, 'accepted'));

export async function* microdataBatches(
  handle: DatabaseHandle,
  roundId: number,
  respondentType: RespondentType,
  fields: readonly TextField[],
  batchSize: number,
): AsyncGenerator<MicrodataRow[]> {
  if (handle.cursor) {
    const query = sql`select ${responses.id} as id, ${responses.channel} as channel, ${responses.officeId} as office_id,
      ${responses.provinceCode} as province, ${responses.districtCode} as district, ${responses.communeCode} as commune,
      ${responses.answerBits} as bits, ${surveyWeek} as week${fields.length > 0 ? sql`, ${textsColumn(fields)} as texts` : sql``}
      from ${responses} where ${accepted(roundId, respondentType)}`;
    for await (const rows of handle.cursor(query, batchSize)) {
      yield rows.map((r) => ({
        id: r[0] as string,
        channel: r[1] as MicrodataRow['channel'],
        officeId: r[2] as number | null,
        province: r[3] as string,
        district: r[4] as string | null,
        commune: r[5] as string | null,
        bits: r[6] as Buffer | null,
        week: r[7] as string | null,
        texts: (r[8] as Array<string | null> | undefined) ?? [],
      }));
    }
    return;
  }
  let after: string | undefined;
  for (;;) {
    const rows = await handle.db
      .select(columns(fields))
      .from(responses)
      .where(after === undefined ? accepted(roundId, respondentType) : and(accepted(roundId, respondentType), gt(responses.id, after)))
      .orderBy(asc(responses.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
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
