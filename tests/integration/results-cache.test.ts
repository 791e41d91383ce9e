import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { roundDataVersion } from '../../db/queries/data-version.ts';
import { upsertLocalities } from '../../db/queries/localities.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { cachedRoundResults } from '../../server/domain/results/results-cache.ts';
import { writeCsv } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, onlineSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const CODE = 'DN-2025-H1';
const ROUND = `/api/rounds/${CODE}`;
let analyst: Agent;
let manager: Agent;

interface Figures {
  target: number | null;
  responses: { counted: number; heldForReview: number; excluded: number };
  method: { weights: string };
  groups: Array<{ level: string; code: string; name: string; indices: Array<{ index: string; estimate: number | null; n: number; reliable: boolean }> }>;
}

beforeEach(async () => {
  await loadDemo(database().db, 300);
  await addStaff(database().db, 'analyst', 'analyst');
  await addStaff(database().db, 'manager', 'manager');
  analyst = await logInAs(app(), 'analyst');
  manager = await logInAs(app(), 'manager');
});

async function figures(query = 'by=all,district'): Promise<Figures> {
  const res = await analyst.request({ url: `${ROUND}/results?${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as Figures;
}

const sipas = (f: Figures, code = 'all') => f.groups.find((g) => g.code === code)!.indices.find((i) => i.index === 'SIPAS')!;

describe('results served from the cache by data version', () => {
  it('answer a repeated request with the same figures', async () => {
    const first = await figures();
    expect(await figures()).toEqual(first);
  });

  it('send the same figures compressed to a client that accepts gzip, and plain to one that does not', async () => {
    const plain = await figures('by=district');
    for (let k = 0; k < 2; k++) {
      const res = await analyst.request({ url: `${ROUND}/results?by=district`, headers: { 'accept-encoding': 'gzip' } });
      expect(res.statusCode).toBe(200);
      const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
      expect(JSON.parse(body.toString('utf8'))).toEqual(plain);
    }
    expect(await figures('by=district')).toEqual(plain);
  });

  it('count a response accepted after the figures were computed', async () => {
    const before = await figures();
    const { profile, answers } = distinctAnswers(1);
    const res = await app().inject({
      method: 'POST',
      url: '/api/responses',
      payload: onlineSubmission({ profile, answers, locality: { province: '67', district: '660' } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await figures();
    expect(after.responses.counted).toBe(before.responses.counted + 1);
    expect(sipas(after).n).toBe(sipas(before).n + 1);
  });

  it('leave out responses held or excluded after the figures were computed, whoever changed them', async () => {
    const before = await figures();
    await database().db.execute(sql`update responses set status = 'held' where id in (select id from responses where district_code = '660' limit 7)`);
    const held = await figures();
    expect(held.responses.heldForReview).toBe(before.responses.heldForReview + 7);
    expect(sipas(held, '660').n).toBe(sipas(before, '660').n - 7);
    await database().db.execute(sql`update responses set status = 'excluded' where status = 'held'`);
    const excluded = await figures();
    expect(excluded.responses.excluded).toBe(before.responses.excluded + 7);
    expect(excluded.responses.heldForReview).toBe(before.responses.heldForReview);
  });

  it('weight the figures by a frame stored after they were computed, and follow its changes', async () => {
    const unweighted = await figures();
    expect(unweighted.method.weights).toBe('unweighted');
    const strata = (await analyst.request({ url: `${ROUND}/frame` })).json().strata as Array<{ stratum: string }>;
    const put = async (population: (i: number) => number) => {
      const frame = writeCsv(
        ['stratum', 'population'],
        strata.map((s, i) => [s.stratum, String(population(i))]),
      );
      const res = await manager.request({ method: 'PUT', url: `${ROUND}/frame`, payload: frame, headers: { 'content-type': 'text/csv' } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await put((i) => 1000 + 900 * i);
    const weighted = await figures();
    expect(weighted.method.weights).toBe('frame');
    await put((i) => 1000 + 900 * (strata.length - i));
    const reweighted = await figures();
    expect(sipas(reweighted).estimate).not.toBe(sipas(weighted).estimate);
  });

  it('name a locality as it is named now', async () => {
    await figures();
    await upsertLocalities(database().db, [
      { code: '660', name: 'Thành phố Gia Nghĩa (đổi tên)', level: 'district', parentCode: '67', validFrom: '2004-01-01', validTo: '2025-06-30' },
    ]);
    expect((await figures()).groups.find((g) => g.code === '660')!.name).toBe('Thành phố Gia Nghĩa (đổi tên)');
  });

  it('give the round’s target as it is now', async () => {
    await figures();
    await database().db.execute(sql`update survey_rounds set target = 77.5 where code = ${CODE}`);
    expect((await figures()).target).toBe(77.5);
  });

  it('keep apart requests that differ in levels, reliability rule or respondent type', async () => {
    const byDistrict = await figures('by=district');
    const byAll = await figures('by=all');
    expect(byDistrict.groups.every((g) => g.level === 'district')).toBe(true);
    expect(byAll.groups.map((g) => g.level)).toEqual(['all']);
    const strict = await figures('by=district&minN=100000');
    expect(strict.groups.flatMap((g) => g.indices).every((i) => !i.reliable)).toBe(true);
    expect((await figures('by=district')).groups.flatMap((g) => g.indices).some((i) => i.reliable)).toBe(true);
    const organisations = await analyst.request({ url: `${ROUND}/results?by=district&respondentType=organisation` });
    expect(organisations.statusCode).not.toBe(200);
  });
});

describe('the results cache', () => {
  const round = async () => (await findRoundByCode(database().db, CODE))!;

  it('computes once while the data stay as they are, and again after any change that can move a figure', async () => {
    let computed = 0;
    const compute = async () => ({ computed: ++computed });
    const options = { levels: ['district'] };
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 1 });
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 1 });
    await database().db.execute(sql`update offices set name = name || ' ' where id = (select min(id) from offices)`);
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 2 });
    await database().db.execute(sql`delete from responses where id = (select min(id::text)::uuid from responses)`);
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 3 });
    await database().db.execute(sql`truncate round_frames`);
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 4 });
  });

  it('keeps nothing computed while the data changed', async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      if (computed === 1) await database().db.execute(sql`update responses set status = 'held' where id = (select min(id::text)::uuid from responses)`);
      return { computed };
    };
    expect(await cachedRoundResults(database().db, await round(), {}, compute)).toEqual({ computed: 1 });
    expect(await cachedRoundResults(database().db, await round(), {}, compute)).toEqual({ computed: 2 });
    expect(await cachedRoundResults(database().db, await round(), {}, compute)).toEqual({ computed: 2 });
  });

  it('does not change another round’s figures for a response to this one', async () => {
    let computed = 0;
    const compute = async () => ({ computed: ++computed });
    const other = (await findRoundByCode(database().db, 'DN-2024'))!;
    await cachedRoundResults(database().db, other, {}, compute);
    await database().db.execute(
      sql`update responses set status = 'held' where id = (select min(id::text)::uuid from responses where round_id = ${(await round()).id})`,
    );
    expect(await cachedRoundResults(database().db, other, {}, compute)).toEqual({ computed: 1 });
  });

  it('keeps every version as it was when the log of changes is folded, and logs nothing for a statement that changes nothing', async () => {
    const db = database().db;
    const r = await round();
    const before = await roundDataVersion(db, r.id);
    await db.execute(sql`update offices set name = name where false`);
    expect(await roundDataVersion(db, r.id)).toBe(before);
    await db.execute(sql`select results_data_fold()`);
    expect(await roundDataVersion(db, r.id)).toBe(before);
    const { rows } = (await db.execute(sql`select count(*)::int as n from results_data_changes`)) as unknown as { rows: Array<{ n: number }> };
    expect(Number(rows[0].n)).toBe(0);
    await db.execute(sql`update responses set status = 'held' where id = (select min(id::text)::uuid from responses where round_id = ${r.id})`);
    expect(await roundDataVersion(db, r.id)).toBe(before + 1);
  });

  it('computes a request with a function among its options every time', async () => {
    let computed = 0;
    const compute = async () => ({ computed: ++computed });
    const options = { unitOf: (code: string) => code };
    await cachedRoundResults(database().db, await round(), options, compute);
    expect(await cachedRoundResults(database().db, await round(), options, compute)).toEqual({ computed: 2 });
  });

  it('shares one computation among identical requests arriving together', async () => {
    let computed = 0;
    const compute = async () => ({ computed: ++computed });
    const together = await Promise.all(Array.from({ length: 5 }, async () => cachedRoundResults(database().db, await round(), { together: true }, compute)));
    expect(together.map((r) => r.computed)).toEqual([1, 1, 1, 1, 1]);
  });

  it('hands out figures no caller can change for the next one', async () => {
    const compute = async () => ({ groups: [{ code: 'all', estimate: 80 }], rankings: ['a'] });
    const first = await cachedRoundResults(database().db, await round(), { frozen: true }, compute);
    first.rankings = ['changed'];
    expect(() => {
      first.groups[0].estimate = 0;
    }).toThrow(TypeError);
    expect(await cachedRoundResults(database().db, await round(), { frozen: true }, compute)).toEqual({
      groups: [{ code: 'all', estimate: 80 }],
      rankings: ['a'],
    });
  });

  it('keeps a bounded number of results, dropping the least recently used', async () => {
    const computed = new Map<number, number>();
    const compute = (k: number) => async () => {
      computed.set(k, (computed.get(k) ?? 0) + 1);
      return { k };
    };
    const r = await round();
    for (let k = 0; k < 100; k++) await cachedRoundResults(database().db, r, { k }, compute(k));
    await cachedRoundResults(database().db, r, { k: 99 }, compute(99));
    await cachedRoundResults(database().db, r, { k: 0 }, compute(0));
    expect(computed.get(99)).toBe(1);
    expect(computed.get(0)).toBe(2);
  });
});
