import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertLocalities } from '../../db/queries/localities.ts';
import { writeCsv } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo, sipasAnalyze, expectSameResults } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, onlineSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
let dir: string;
let analyst: Agent;
let manager: Agent;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-results-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Two communes of Gia Nghĩa, for results by commune (the demo seeds districts only). */
const communes = [
  { code: '66001', name: 'Phường Nghĩa Đức (thử nghiệm)', level: 'commune' as const, parentCode: '660', validFrom: '2004-01-01', validTo: '2025-06-30' },
  { code: '66002', name: 'Phường Nghĩa Thành (thử nghiệm)', level: 'commune' as const, parentCode: '660', validFrom: '2004-01-01', validTo: '2025-06-30' },
];

/** Online responses from a commune, each different enough from the others to count (near-identical ones are held). */
function communeResponse(commune: string, k: number) {
  const { profile, answers } = distinctAnswers(k);
  return onlineSubmission({ profile, locality: { province: '67', district: '660', commune }, answers: { ...answers, comment: 'Cán bộ phường rất tận tình' } });
}

beforeEach(async () => {
  const db = database().db;
  await upsertLocalities(db, communes);
  await loadDemo(db, 400);
  for (let k = 0; k < 12; k++) {
    const res = await app().inject({ method: 'POST', url: '/api/responses', payload: communeResponse(communes[k % 2].code, k) });
    expect(res.statusCode).toBe(201);
  }
  await addStaff(db, 'analyst', 'analyst');
  await addStaff(db, 'manager', 'manager');
  analyst = await logInAs(app(), 'analyst');
  manager = await logInAs(app(), 'manager');
});

async function download(agent: Agent, url: string): Promise<{ file: string; bytes: Buffer }> {
  const res = await agent.request({ url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const file = join(dir, `${randomUUID()}.csv`);
  await writeFile(file, res.rawPayload);
  return { file, bytes: res.rawPayload };
}

describe('results of stored responses', () => {
  it('equal sipas analyze on the microdata download of the same round, unweighted, at every level', async () => {
    const { file } = await download(analyst, `${ROUND}/microdata.csv`);
    for (const by of ['all,province,district', 'commune']) {
      const api = await analyst.request({ url: `${ROUND}/results?by=${by}` });
      expect(api.statusCode, api.body.slice(0, 300)).toBe(200);
      const result = api.json();
      expect(result.method.weights).toBe('unweighted');
      expectSameResults(result, await sipasAnalyze(file, by));
    }
  });

  it('equal sipas analyze with design weights from the round’s frame', async () => {
    const strata = (await analyst.request({ url: `${ROUND}/frame` })).json().strata as Array<{ stratum: string; responses: number }>;
    expect(strata.map((s) => s.stratum)).toContain('660-office');
    const frame = writeCsv(
      ['stratum', 'population'],
      strata.map((s, i) => [s.stratum, String(1000 + 137 * i)]),
    );
    const put = await manager.request({ method: 'PUT', url: `${ROUND}/frame`, payload: frame, headers: { 'content-type': 'text/csv' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().strata).toBe(strata.length);

    const { file } = await download(analyst, `${ROUND}/microdata.csv`);
    const rows = parse(await readFile(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    const officeRows = rows.filter((r) => r.stratum === '660-office');
    const population = 1000 + 137 * strata.findIndex((s) => s.stratum === '660-office');
    expect(Number(officeRows[0].weight)).toBeCloseTo(population / officeRows.length, 12);

    const api = (await analyst.request({ url: `${ROUND}/results?by=district` })).json();
    expect(api.method.weights).toBe('frame');
    expectSameResults(api, await sipasAnalyze(file, 'district'));
  });

  it('store every response with its answer bits, whichever way it arrived', async () => {
    const rows = await database().db.execute(sql`select channel, count(*)::int as n from responses where answer_bits is null group by channel`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it('count accepted responses only: an excluded response leaves the figures', async () => {
    const before = (await analyst.request({ url: `${ROUND}/results?by=all` })).json();
    const n = before.groups[0].indices.find((i: { index: string }) => i.index === 'A1_1').n;
    await database().db.execute(sql`update responses set status = 'excluded' where id in (select id from responses where ratings[1] > 0 limit 5)`);
    const after = (await analyst.request({ url: `${ROUND}/results?by=all` })).json();
    expect(after.groups[0].indices.find((i: { index: string }) => i.index === 'A1_1').n).toBe(n - 5);
  });

  it('refuse an incomplete frame by naming the stratum that lacks a population', async () => {
    await manager.request({
      method: 'PUT',
      url: `${ROUND}/frame`,
      payload: writeCsv(['stratum', 'population'], [['660-office', '5000']]),
      headers: { 'content-type': 'text/csv' },
    });
    const res = await analyst.request({ url: `${ROUND}/results?by=district` });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('660-paper');
    const bad = await manager.request({
      method: 'PUT',
      url: `${ROUND}/frame`,
      payload: writeCsv(['stratum', 'population'], [['660-office', 'nhiều']]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0]).toMatchObject({ row: 2, column: 'population' });
  });

  it('answer 400 naming the parameter for an unknown level', async () => {
    const res = await analyst.request({ url: `${ROUND}/results?by=village` });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toContain('by');
  });
});
