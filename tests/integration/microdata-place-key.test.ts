/**
 * The place key PostgreSQL makes for each exported row (db/queries/microdata.ts) reads back exactly,
 * whatever the codes hold: a `|`, digits that look like lengths, characters beyond the BMP, nulls.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microdataPlace, placeKeyOf, type MicrodataPlace } from '../../db/queries/microdata.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Codes as staff may type them (1–16 characters, no NUL: PostgreSQL text cannot hold one). */
const code = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }), fc.constantFrom('|', '||', '1|', '|3|x', '0', '12', '😀|😀', 'Đà Nẵng'))
  .filter((text) => !text.includes('\u0000'));
const place = fc.record<MicrodataPlace>({
  channel: fc.constantFrom('office', 'paper', 'online'),
  officeId: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
  province: code,
  district: fc.option(code, { nil: null }),
  commune: fc.option(code, { nil: null }),
  week: fc.option(fc.constantFrom('2025-W03', '2024-W52', '2026-W01'), { nil: null }),
});

async function keysOf(places: MicrodataPlace[]): Promise<string[]> {
  const key = placeKeyOf({
    channel: sql`p.channel`,
    officeId: sql`p.office_id`,
    province: sql`p.province`,
    district: sql`p.district`,
    commune: sql`p.commune`,
    week: sql`p.week`,
  });
  const result = await database.db.execute(
    sql`select ${key} as key from rows from (json_to_recordset(${JSON.stringify(places.map((p) => ({ ...p, office_id: p.officeId })))}::json)
      as (channel text, office_id int4, province text, district text, commune text, week text)) with ordinality as p(channel, office_id, province, district, commune, week, n) order by n`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ key: string }>;
  return rows.map((r) => r.key);
}

describe('the place key of the microdata rows', () => {
  it('reads back every place as PostgreSQL wrote it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(place, { minLength: 1, maxLength: 20 }), async (places) => {
        const keys = await keysOf(places);
        expect(keys.map(microdataPlace)).toEqual(places);
        // Two places differ in their keys exactly when they differ: one key, one place.
        const distinct = new Set(places.map((p) => JSON.stringify(p)));
        expect(new Set(keys).size).toBe(distinct.size);
      }),
      { numRuns: 60 },
    );
  });

  it('tells a missing code from any code', async () => {
    const keys = await keysOf([
      { channel: 'paper', officeId: null, province: '48', district: null, commune: '1', week: null },
      { channel: 'paper', officeId: null, province: '48', district: '1', commune: null, week: null },
    ]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(microdataPlace(keys[0]).district).toBeNull();
    expect(microdataPlace(keys[1]).commune).toBeNull();
  });
});
