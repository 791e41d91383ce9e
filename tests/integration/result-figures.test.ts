/**
 * The figures the SIPAS report is published as — office, national, rankings, year-on-year, the
 * lonely-PSU choice — from the server, each equal to `sipas analyze` on the round's microdata
 * download (whose own agreement with R's survey package tests/golden checks).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { insertServerResponses } from '../../db/queries/responses.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { responseRow } from '../../server/domain/responses/response-row.ts';
import { useTestApp } from '../support/app.ts';
import { expectSameResults, loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers } from '../support/submissions.ts';

const { app, database } = useTestApp();
let dir: string;
let analyst: Agent;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-figures-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 600);
  await loadDemoResponses(db, (await findRoundByCode(db, 'DN-2024'))!, 500, 2);
  // Every test starts with every round open (tests/support/database.ts): the earlier demo round is published.
  await db.execute(sql`update survey_rounds set status = 'published' where code = 'DN-2024'`);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
});

async function microdata(code: string): Promise<string> {
  const res = await analyst.request({ url: `/api/rounds/${code}/microdata.csv` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const file = join(dir, `${randomUUID()}.csv`);
  await writeFile(file, res.rawPayload);
  return file;
}

async function analyze(file: string, ...args: string[]): Promise<AnalysisResult & Record<string, unknown>> {
  const { stdout } = await promisify(execFile)('node', ['bin/sipas.mjs', 'analyze', file, '--questionnaire', '2024', '--format', 'json', ...args], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

async function results(url: string) {
  const res = await analyst.request({ url });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json();
}

/** A round over Đắk Nông (67, demo responses) and Lâm Đồng (68, online responses), unweighted. */
async function twoProvinceRound(): Promise<void> {
  const db = database().db;
  await insertRoundIfAbsent(db, {
    code: 'HAI-TINH',
    name: 'Khảo sát hai tỉnh (thử nghiệm)',
    provinceCodes: ['67', '68'],
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    questionnaires: { citizen: '2024' },
    status: 'closed',
    demo: true,
  });
  const round = (await findRoundByCode(db, 'HAI-TINH'))!;
  await loadDemoResponses(db, round, 300, 3);
  const def = seededQuestionnaire('2024')!;
  await insertServerResponses(
    db,
    Array.from({ length: 80 }, (_, k) => {
      const { profile, answers } = distinctAnswers(1000 + k);
      return responseRow(def, {
        id: randomUUID(),
        round,
        channel: 'online',
        locality: { province: '68', district: null, commune: null },
        profile: profile as never,
        answers: answers as never,
        contentHash: randomUUID(),
      });
    }),
  );
}

describe('figures per office', () => {
  it('equal sipas analyze --by office on the microdata, with the office and survey week as PSU', async () => {
    const file = await microdata('DN-2025-H1');
    const api = await results('/api/rounds/DN-2025-H1/results?by=office');
    expectSameResults(api, await analyze(file, '--by', 'office'));
    expect(api.groups.length).toBeGreaterThan(10);
    // Offices have names, and paper and online responses belong to no office.
    expect(api.groups[0].name).not.toBe(api.groups[0].code);
    const counted = api.groups.reduce((s: number, g: { indices: Array<{ index: string; n: number }> }) => s + g.indices.find((i) => i.index === 'B3_1')!.n, 0);
    const byChannel = await results('/api/rounds/DN-2025-H1/results?by=all');
    expect(counted).toBeLessThan(byChannel.groups[0].indices.find((i: { index: string }) => i.index === 'B3_1').n);
  });

  it('can estimate an office’s variance from its survey weeks, and marks an office of one week as not estimable, never as certain', async () => {
    const api = await results('/api/rounds/DN-2025-H1/results?by=office');
    const sipas = api.groups.map((g: { code: string; indices: Array<Record<string, unknown>> }) => g.indices.find((i) => i.index === 'SIPAS')!);
    for (const figure of sipas) {
      if ((figure.psus as number) >= 2) {
        expect(figure.variance_estimable).toBe(true);
        expect(figure.se).toBeGreaterThan(0);
        expect(figure.issues).not.toContain('variance_not_estimable');
      } else {
        expect(figure.variance_estimable).toBe(false);
        expect(figure.se).toBeNull();
        expect(figure.reliable).toBe(false);
        expect(figure.issues).toContain('variance_not_estimable');
      }
    }
    expect(sipas.some((f: { psus: number }) => f.psus >= 2)).toBe(true);
  });
});

describe('the national figure of a round over several provinces', () => {
  it('is Σ W_p θ_p over the provinces, equal to sipas analyze, and each province’s figure is the same without the other', async () => {
    await twoProvinceRound();
    const file = await microdata('HAI-TINH');
    const api = await results('/api/rounds/HAI-TINH/results?by=national,province');
    const cli = await analyze(file, '--by', 'all,province');
    const national = api.groups.find((g: { level: string }) => g.level === 'national');
    expect(national.code).toBe('national');
    expectSameResults(
      { ...api, groups: [{ ...national, level: 'all', code: 'all' }, ...api.groups.filter((g: { level: string }) => g.level === 'province')] },
      cli,
    );
    const populations = api.method.provinces.populations as Record<string, number>;
    expect(Object.keys(populations).sort()).toEqual(['67', '68']);
    const share = (p: string) => populations[p] / (populations['67'] + populations['68']);
    const province = (p: string) => api.groups.find((g: { level: string; code: string }) => g.level === 'province' && g.code === p);
    const sipas = (g: { indices: Array<{ index: string; estimate: number; se: number }> }) => g.indices.find((i) => i.index === 'SIPAS')!;
    expect(sipas(national).estimate).toBeCloseTo(share('67') * sipas(province('67')).estimate + share('68') * sipas(province('68')).estimate, 9);
    expect(sipas(national).se ** 2).toBeCloseTo(share('67') ** 2 * sipas(province('67')).se ** 2 + share('68') ** 2 * sipas(province('68')).se ** 2, 9);
    // Đắk Nông's own round over the same responses' design gives Đắk Nông's figure: the other province changes nothing.
    const alone = await analyze(file, '--by', 'province');
    const dn = alone.groups.find((g) => g.code === '67')!;
    expect(sipas(province('67')).estimate).toBeCloseTo(dn.indices.find((i) => i.index === 'SIPAS')!.estimate!, 9);
  });

  it('ranks the provinces with intervals of plausible ranks, as sipas analyze --rank', async () => {
    await twoProvinceRound();
    const file = await microdata('HAI-TINH');
    const api = await results('/api/rounds/HAI-TINH/results?by=province&rank=true');
    const cli = await analyze(file, '--by', 'province', '--rank');
    expect(api.rankings.length).toBeGreaterThan(0);
    expect(api.rankings.map(strip)).toEqual(cli.rankings!.map(strip));
    expect(api.rankings[0].within).toBeNull();
  });
});

/** Rankings with estimates rounded (the two computations agree to 1e-9, not bit for bit). */
interface RankingLike {
  critical_z: number;
  units: Array<{ estimate: number; previous_rank?: number | null; rank_change?: number | null }>;
}
function strip(r: RankingLike) {
  return {
    ...r,
    critical_z: Math.round(r.critical_z * 1e6),
    units: r.units.map(({ previous_rank: _p, rank_change: _c, estimate, ...u }) => ({ ...u, estimate: Math.round(estimate * 1e6) })),
  };
}

describe('rankings and year-on-year of a province’s round', () => {
  it('ranks districts inside the province with the design covariance, as sipas analyze --rank', async () => {
    const file = await microdata('DN-2025-H1');
    const api = await results('/api/rounds/DN-2025-H1/results?by=district&rank=true');
    const cli = await analyze(file, '--by', 'district', '--rank');
    expect(api.rankings.map(strip)).toEqual(cli.rankings!.map(strip));
    const sipas = api.rankings.find((r: { index: string }) => r.index === 'SIPAS');
    expect(sipas.within).toBe('67');
    for (const u of sipas.units) expect(u.rank_low <= u.rank && u.rank <= u.rank_high).toBe(true);
  });

  it('compares every figure with the previous comparable round, as sipas analyze --previous', async () => {
    const [now, before] = [await microdata('DN-2025-H1'), await microdata('DN-2024')];
    const api = await results('/api/rounds/DN-2025-H1/results?by=province,district&rank=true&compare=previous');
    expect(api.comparison.previous).toBe('DN-2024');
    expect(api.comparison.versions.identical).toBe(true);
    const cli = (await analyze(now, '--by', 'province,district', '--rank', '--previous', before)).comparison as {
      differences: Array<Record<string, unknown>>;
      rank_changes: unknown[];
    };
    expect(api.comparison.differences.length).toBe(cli.differences.length);
    api.comparison.differences.forEach((d: Record<string, number | null | boolean | string[]>, k: number) => {
      const e = cli.differences[k];
      expect([d.level, d.code, d.index, d.significant]).toEqual([e.level, e.code, e.index, e.significant]);
      for (const f of ['difference', 'se', 'ci_low', 'ci_high', 'p_value'] as const) {
        if (e[f] === null) expect(d[f]).toBeNull();
        else expect(d[f] as number).toBeCloseTo(e[f] as number, 8);
      }
      // An SE of (about) 0 — a figure of 100 % in both rounds — gives no z and no verdict of change.
      if (d.se !== null && (d.se as number) < 1e-7) expect([d.z, d.p_value, d.significant]).toEqual([null, null, false]);
    });
    expect(api.comparison.rank_changes).toEqual(cli.rank_changes);
    const ranked = api.rankings.find((r: { index: string; level: string }) => r.index === 'SIPAS' && r.level === 'district');
    expect(ranked.units.every((u: { rank_change: number | null }) => u.rank_change !== undefined)).toBe(true);
  });

  it('says there is no comparable round rather than guessing one', async () => {
    const api = await results('/api/rounds/DN-2024/results?by=province&compare=previous');
    expect(api.comparison).toBeNull();
    const refused = await analyst.request({ url: '/api/rounds/DN-2024/results?by=province&compare=DN-2025-H1&lang=en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/cannot be compared/);
  });
});

describe('the lonely-PSU choice', () => {
  it('follows R’s survey.lonely.psu options as sipas analyze --lonely-psu, and refuses a design with fail', async () => {
    const file = await microdata('DN-2025-H1');
    for (const option of ['remove', 'average', 'certainty']) {
      const api = await results(`/api/rounds/DN-2025-H1/results?by=all,district&lonelyPsu=${option}`);
      expect(api.method.lonelyPsuOption).toBe(option);
      expectSameResults(api, await analyze(file, '--by', 'all,district', '--lonely-psu', option));
    }
    const refused = await analyst.request({ url: '/api/rounds/DN-2025-H1/results?by=all&lonelyPsu=fail&lang=en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/only one PSU/);
    const bad = await analyst.request({ url: '/api/rounds/DN-2025-H1/results?by=all&lonelyPsu=sometimes&lang=en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/lonelyPsu/);
  });
});

describe('the public page’s figures', () => {
  it('rank and compare published rounds only', async () => {
    const published = await app().inject({ url: '/api/public/rounds/DN-2024/results?by=province,district&rank=true&compare=previous' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().comparison).toBeNull();
    expect(published.json().rankings.length).toBeGreaterThan(0);
    const unpublished = await app().inject({ url: '/api/public/rounds/DN-2024/results?by=province&compare=DN-2025-H1' });
    expect(unpublished.statusCode).toBe(404);
  });
});
