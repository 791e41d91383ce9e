/**
 * The counts behind a round's results, computed where the responses are: per cell (channel, office,
 * province, district, commune) the number of accepted responses and the sum of each requested
 * answer bit. Online responses are each their own PSU, so their bits come back as they are.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { RespondentType } from '../../analysis/questionnaire/definition.ts';
import type { Database } from '../client.ts';
import { offices, responses } from '../schema/index.ts';
import { responsePlace } from './response-place.ts';

export interface CellCountRow {
  channel: 'office' | 'paper' | 'online';
  officeId: number | null;
  province: string;
  district: string | null;
  commune: string | null;
  /** Office responses: the survey week (survey-week.ts), part of their PSU. */
  week: string | null;
  size: number;
  counts: number[];
}

export interface OnlineRow {
  id: string;
  province: string;
  district: string | null;
  commune: string | null;
  bits: Buffer;
}

/** Citizens' and organisations' responses are never counted together. */
const counted = (roundId: number, respondentType: RespondentType) =>
  and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType), eq(responses.status, 'accepted'));

/**
 * One GROUP BY over the round: a few hundred `sum(get_bit(…))` per row are cheap, and what leaves
 * the database is one short row per cell. Sorting would cost more than hashing the few hundred
 * cells, and compiling hundreds of expressions (JIT) more than evaluating them.
 */
export async function countCells(
  db: Database,
  roundId: number,
  respondentType: RespondentType,
  bits: readonly number[],
): Promise<{ cells: CellCountRow[]; online: OnlineRow[] }> {
  if (!bits.every((b) => Number.isInteger(b) && b >= 0)) throw new Error('bit positions must be non-negative integers');
  const sums = sql.raw(bits.length === 0 ? `'{}'::int4[]` : `array[${bits.map((b) => `sum(get_bit("answer_bits", ${b}))::int4`).join(', ')}]`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    const cells = await tx
      .select({
        ...responsePlace,
        size: sql<number>`count(*)::int4`,
        uncoded: sql<number>`count(*) filter (where ${responses.answerBits} is null)::int4`,
        counts: sql<number[]>`${sums}`,
      })
      .from(responses)
      .where(and(counted(roundId, respondentType), ne(responses.channel, 'online')))
      .groupBy(...Object.values(responsePlace));
    const online = await tx
      .select({
        id: responses.id,
        province: responses.provinceCode,
        district: responses.districtCode,
        commune: responses.communeCode,
        bits: responses.answerBits,
      })
      .from(responses)
      .where(and(counted(roundId, respondentType), eq(responses.channel, 'online')));
    if (cells.some((c) => c.uncoded > 0) || online.some((r) => r.bits === null)) throw new Error(`round ${roundId} has responses without answer bits`);
    return {
      cells: cells.map(({ uncoded: _, ...cell }) => cell),
      online: online.map((r) => ({ ...r, bits: r.bits! })),
    };
  });
}

/** Office id → code, for naming office PSUs. */
export async function officeCodes(db: Database): Promise<Map<number, string>> {
  const rows = await db.select({ id: offices.id, code: offices.code }).from(offices);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Office code → name, for naming office figures. */
export async function officeNames(db: Database): Promise<Map<string, string>> {
  const rows = await db.select({ code: offices.code, name: offices.name }).from(offices);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Responses of a version stored before answer bits existed (or under an older layout), a page at a time. */
export async function responsesWithoutBits(db: Database, version: string, limit: number) {
  return db
    .select({ id: responses.id, profile: responses.profile, answers: responses.answers })
    .from(responses)
    .where(and(eq(responses.questionnaireVersion, version), isNull(responses.answerBits)))
    .orderBy(asc(responses.id))
    .limit(limit);
}

export async function setAnswerBits(db: Database, id: string, bits: Buffer): Promise<void> {
  await db.update(responses).set({ answerBits: bits }).where(eq(responses.id, id));
}

/** Forgets the bits of a version's responses (made under another layout), so they are made again. */
export async function clearAnswerBits(db: Database, version: string): Promise<void> {
  await db.update(responses).set({ answerBits: null }).where(eq(responses.questionnaireVersion, version));
}

/** How many responses of a round count, wait for review (held) and were excluded. */
export async function statusCounts(
  db: Database,
  roundId: number,
  respondentType: RespondentType,
): Promise<{ accepted: number; held: number; excluded: number }> {
  const rows = await db
    .select({ status: responses.status, n: sql<number>`count(*)::int` })
    .from(responses)
    .where(and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType)))
    .groupBy(responses.status);
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { accepted: of('accepted'), held: of('held'), excluded: of('excluded') };
}

/** The versions a round's responses of one respondent type were stored under, and which types the round has responses of. */
/** Whether the round holds at least one response of the type (a probe that stops at the first row). */
export async function hasRespondentsOfType(db: Database, roundId: number, respondentType: RespondentType): Promise<boolean> {
  const [row] = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.roundId, roundId), eq(responses.respondentType, respondentType)))
    .limit(1);
  return row !== undefined;
}

export async function respondentVersions(db: Database, roundId: number): Promise<Array<{ respondentType: RespondentType; version: string }>> {
  return db
    .selectDistinct({ respondentType: responses.respondentType, version: responses.questionnaireVersion })
    .from(responses)
    .where(eq(responses.roundId, roundId))
    .orderBy(asc(responses.respondentType), asc(responses.questionnaireVersion));
}
