/**
 * The server's office and national figures against R's survey package, computed by R from the
 * round's microdata download (tests/golden/server/check.R): the office design (PSU = office and
 * survey week) and the national weighting of provinces, on the server's own data.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertServerResponses } from '../../db/queries/responses.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { responseRow } from '../../server/domain/responses/response-row.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers } from '../support/submissions.ts';

const hasR = (() => {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(survey)); library(jsonlite)'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const { app, database } = useTestApp();
let dir: string;
let analyst: Agent;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-figures-r-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 500);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
});

interface RFigure {
  code: string;
  index: string;
  estimate: number;
  se: number;
}

async function rFigures(code: string, level: string, lonely: string, items?: string): Promise<RFigure[]> {
  const res = await analyst.request({ url: `/api/rounds/${code}/microdata.csv` });
  expect(res.statusCode).toBe(200);
  const file = join(dir, `${randomUUID()}.csv`);
  await writeFile(file, res.rawPayload);
  const { stdout } = await promisify(execFile)('Rscript', ['tests/golden/server/check.R', file, level, lonely, ...(items ? [items] : [])], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

interface ApiIndex {
  index: string;
  estimate: number | null;
  se: number | null;
  variance_estimable: boolean;
}

function expectAgreement(groups: Array<{ code: string; indices: ApiIndex[] }>, expected: RFigure[]) {
  const api = new Map(groups.flatMap((g) => g.indices.map((i) => [`${g.code}|${i.index}`, i] as const)));
  let compared = 0;
  for (const r of expected) {
    const mine = api.get(`${r.code}|${r.index}`);
    expect(mine, `${r.code} ${r.index}`).toBeDefined();
    expect(Math.abs(mine!.estimate! - r.estimate), `${r.code} ${r.index} estimate`).toBeLessThan(1e-8);
    // A single PSU: R gives a number by its lonely-PSU rule, the server says it cannot be estimated.
    if (!mine!.variance_estimable) continue;
    expect(Math.abs(mine!.se! - r.se), `${r.code} ${r.index} se ${mine!.se} vs ${r.se}`).toBeLessThan(1e-8);
    compared++;
  }
  expect(compared).toBeGreaterThan(0);
}

describe.skipIf(!hasR)('figures of stored responses against R’s survey package', () => {
  it('agree per office, the office and survey week being the PSU, with lonely PSUs adjusted or averaged', { timeout: 240_000 }, async () => {
    for (const lonely of ['adjust', 'average']) {
      const api = (await analyst.request({ url: `/api/rounds/DN-2025-H1/results?by=office&lonelyPsu=${lonely}` })).json();
      // Items of two elements and SIPAS (over every item): R's svyratio per office and item is slow.
      expectAgreement(api.groups, await rFigures('DN-2025-H1', 'office', lonely, 'A1_1,B3_1,B3_2,B5_1'));
    }
  });

  it('agree for the national figure of a round over two provinces and for each province', { timeout: 180_000 }, async () => {
    const db = database().db;
    await insertRoundIfAbsent(db, {
      code: 'HAI-TINH-R',
      name: 'Khảo sát hai tỉnh (thử nghiệm R)',
      provinceCodes: ['67', '68'],
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      questionnaires: { citizen: '2024' },
      status: 'closed',
      demo: true,
    });
    const round = (await findRoundByCode(db, 'HAI-TINH-R'))!;
    await loadDemoResponses(db, round, 300, 5);
    await insertServerResponses(
      db,
      Array.from({ length: 60 }, (_, k) => {
        const { profile, answers } = distinctAnswers(2000 + k);
        return responseRow(seededQuestionnaire('2024')!, {
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
    const api = (await analyst.request({ url: '/api/rounds/HAI-TINH-R/results?by=national,province' })).json();
    expectAgreement(
      api.groups.filter((g: { level: string }) => g.level === 'national'),
      await rFigures('HAI-TINH-R', 'national', 'adjust'),
    );
    expectAgreement(
      api.groups.filter((g: { level: string }) => g.level === 'province'),
      await rFigures('HAI-TINH-R', 'province', 'adjust'),
    );
  });
});
