import { beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { insertServerResponses } from '../../db/queries/responses.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { responseRow } from '../../server/domain/responses/response-row.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
let analyst: Agent;

beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 200);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
});

interface TrendGroup {
  level: string;
  code: string;
  name: string;
  indices: Array<{ index: string; estimate: number }>;
}
const sipasOf = (group: TrendGroup) => group.indices.find((i) => i.index === 'SIPAS')!.estimate;

describe('the trend across rounds', () => {
  it('compares rounds by the units in force at the latest round: Đắk Nông’s rounds count as Lâm Đồng after the merger', async () => {
    const before = (await analyst.request({ url: '/api/results/trend?by=province' })).json();
    expect(before.asOf).toBe('2025-06-30');
    const current = before.rounds.find((r: { code: string }) => r.code === 'DN-2025-H1');
    expect(current.groups.map((g: TrendGroup) => g.code)).toEqual(['67']);

    // A round of the merged province, after 01/07/2025 (two-tier government: no districts).
    await insertRoundIfAbsent(database().db, {
      code: 'LD-2025-H2',
      name: 'Khảo sát SIPAS 6 tháng cuối năm 2025 — tỉnh Lâm Đồng',
      provinceCodes: ['68'],
      periodStart: '2025-07-01',
      periodEnd: '2025-12-31',
      questionnaires: { citizen: '2024' },
      status: 'open',
    });
    // Stored as accepted responses of that (past) round: the trend is the subject here, not how they arrived.
    const merged = (await findRoundByCode(database().db, 'LD-2025-H2'))!;
    const { profile, answers } = officeSubmission();
    await insertServerResponses(
      database().db,
      Array.from({ length: 5 }, () =>
        responseRow(seededQuestionnaire('2024')!, {
          id: randomUUID(),
          round: merged,
          channel: 'online',
          locality: { province: '68', district: null, commune: null },
          profile: profile as never,
          answers: answers as never,
          contentHash: randomUUID(),
        }),
      ),
    );
    const after = (await analyst.request({ url: '/api/results/trend?by=province' })).json();
    expect(after.asOf).toBe('2025-12-31');
    const mapped = after.rounds.find((r: { code: string }) => r.code === 'DN-2025-H1');
    expect(mapped.groups.map((g: TrendGroup) => [g.code, g.name])).toEqual([['68', 'Tỉnh Lâm Đồng']]);
    expect(sipasOf(mapped.groups[0])).toBeCloseTo(sipasOf(current.groups[0]), 10);
    const latest = after.rounds.find((r: { code: string }) => r.code === 'LD-2025-H2');
    // Everyone answered 4 to the policy items; no one made a complaint, so B5 has no figure and
    // SIPAS is the re-weighted mean of what was answered, saying that B5 was left out.
    const figure = (code: string) => latest.groups[0].indices.find((i: { index: string }) => i.index === code);
    expect(figure('policy').estimate).toBeCloseTo(100, 10);
    expect(figure('B5').estimate).toBeNull();
    expect(figure('SIPAS').estimate).toBeCloseTo(0.6 * figure('policy').estimate + 0.4 * figure('service').estimate, 10);
    expect(figure('SIPAS').missing_components).toEqual(['B5']);
  });

  it('keeps units that no reorganisation touched, such as the districts before 07/2025', async () => {
    const trend = (await analyst.request({ url: '/api/results/trend?by=district&rounds=DN-2024,DN-2025-H1' })).json();
    expect(trend.rounds.map((r: { code: string }) => r.code)).toEqual(['DN-2024', 'DN-2025-H1']);
    expect(trend.rounds[1].groups.map((g: TrendGroup) => g.code)).toContain('663');
  });
});
