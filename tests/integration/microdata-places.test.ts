/**
 * The microdata export reads each row's place (channel, office, locality, survey week) from the
 * bytes of PostgreSQL's binary COPY (db/queries/copy-binary.ts, server/domain/results/microdata-places.ts):
 * every place reads back exactly, whatever its codes hold, one place per distinct place; and the
 * survey week made from the day is PostgreSQL's own (survey-week.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRows } from '../../db/queries/copy-binary.ts';
import { MICRODATA_FIELD, type MicrodataPlace } from '../../db/queries/microdata.ts';
import { isoWeekOfDay } from '../../db/queries/survey-week.ts';
import { MicrodataPlaces } from '../../server/domain/results/microdata-places.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The binary COPY output of a query, as the export reads it on this database. */
async function copied(query: SQL): Promise<Uint8Array[]> {
  if (database.copyPage) return [await database.copyPage(query)];
  const snapshot = await database.snapshot!();
  try {
    const chunks: Uint8Array[] = [];
    for await (const chunk of snapshot.copy(query)) chunks.push(chunk);
    return chunks;
  } finally {
    await snapshot.release();
  }
}

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Codes as staff may type them (no NUL: PostgreSQL text cannot hold one). */
const code = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }), fc.constantFrom('|', "'", '\\', '1|', '😀|😀', 'Đà Nẵng', ''))
  .filter((text) => !text.includes('\u0000'));
/** Instants from 1900 to 2200, some on the edges of a Vietnam-time day. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
  fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(-1, 0, 1)).map(([day, ms]) => Date.UTC(1960, 0, 1) + day * 86_400_000 - 7 * 3_600_000 + ms),
);
const row = fc.record({
  channel: fc.constantFrom('office', 'paper', 'online'),
  officeId: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }),
  province: code,
  district: fc.option(code, { nil: null }),
  commune: fc.option(code, { nil: null }),
  instant,
});
/** Rows of a few offices over three weeks: many share a place, some a week but not a day. */
const nearRow = fc.record({
  channel: fc.constantFrom('office', 'paper'),
  officeId: fc.constantFrom(1, 2),
  province: fc.constant('48'),
  district: fc.constantFrom('490', null),
  commune: fc.constant('20194'),
  instant: fc.integer({ min: Date.UTC(2025, 0, 5), max: Date.UTC(2025, 0, 26) }),
});

describe('the places of the microdata rows', () => {
  it('reads back every place, and makes each distinct place once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(row, { minLength: 1, maxLength: 25 }), fc.array(nearRow, { minLength: 1, maxLength: 40 })), async (rows) => {
        const records = sql`rows from (json_to_recordset(${JSON.stringify(rows.map((r) => ({ ...r, office_id: r.officeId, instant: new Date(r.instant).toISOString() })))}::json)
          as (channel text, office_id int4, province text, district text, commune text, instant timestamptz)) with ordinality as p(channel, office_id, province, district, commune, instant, n)`;
        // The columns of the export's query (db/queries/microdata.ts), in its order, and the week as PostgreSQL writes it.
        const day = sql`case when p.channel = 'office' then (p.instant at time zone 'Asia/Ho_Chi_Minh')::date end`;
        const chunks = await copied(
          sql`select gen_random_uuid(), p.channel, p.office_id, p.province, p.district, p.commune, ${day}, null::bytea from ${records} order by n`,
        );
        const weeks = await rowsOf<{ week: string | null }>(
          sql`select case when p.channel = 'office' then to_char(p.instant at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') end as week from ${records} order by n`,
        );
        const expected: MicrodataPlace[] = rows.map((r, k) => ({
          channel: r.channel as MicrodataPlace['channel'],
          officeId: r.officeId,
          province: r.province,
          district: r.district,
          commune: r.commune,
          week: weeks[k].week,
        }));
        const made: MicrodataPlace[] = [];
        const places = new MicrodataPlaces((place) => {
          made.push(place);
          return place;
        });
        const read: MicrodataPlace[] = [];
        for await (const batch of copyRows(chunks, MICRODATA_FIELD.firstText)) {
          for (let r = 0; r < batch.rows; r++) read.push(places.of(batch, r, MICRODATA_FIELD.firstText));
        }
        expect(read).toEqual(expected);
        expect(made.length).toBe(new Set(expected.map((p) => JSON.stringify(p))).size);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the survey week of a day', () => {
  it("is PostgreSQL's ISO week of it", async () => {
    const days = [
      ...fc.sample(fc.integer({ min: -500_000, max: 3_000_000 }), 400),
      // Around every new year from 1995 to 2045, where ISO weeks change year.
      ...Array.from({ length: 51 }, (_, y) => Array.from({ length: 15 }, (__, d) => Date.UTC(1995 + y, 0, 1) / 86_400_000 - 7 + d)).flat(),
    ];
    const weeks = await rowsOf<{ week: string }>(
      sql`select to_char(date '1970-01-01' + d, 'IYYY-"W"IW') as week from unnest(${`{${days.join(',')}}`}::int4[]) with ordinality as t(d, n) order by n`,
    );
    expect(days.map(isoWeekOfDay)).toEqual(weeks.map((w) => w.week));
  });
});
