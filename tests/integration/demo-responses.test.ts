import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../../analysis/questionnaire/answers-schema.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { ensureDemoRounds, loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { validateAnswers } from '../../server/domain/responses/responses.ts';
import { useTestApp } from '../support/app.ts';

const { database } = useTestApp();

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

describe('demo responses', () => {
  it('go only into rounds marked demo', async () => {
    const db = database().db;
    await insertRoundIfAbsent(db, {
      code: 'DN-2025-REAL',
      name: 'Đợt thật',
      provinceCodes: ['67'],
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      questionnaires: { citizen: '2024' },
      status: 'open',
    });
    const real = (await findRoundByCode(db, 'DN-2025-REAL'))!;
    await expect(loadDemoResponses(db, real, 10)).rejects.toMatchObject({ slug: 'not_a_demo_round' });
    const count = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from responses where round_id = ${real.id}`));
    expect(count[0].n).toBe(0);
  });

  it('are valid answers to the questionnaire, through every channel, and loading twice adds nothing', async () => {
    const db = database().db;
    await ensureDemoRounds(db);
    const round = (await findRoundByCode(db, 'DN-2025-H1'))!;
    expect(await loadDemoResponses(db, round, 300)).toBe(300);
    expect(await loadDemoResponses(db, round, 300)).toBe(0);
    const def = seededQuestionnaire('2024')!;
    const rows = rowsOf<{ profile: AnswerMap; answers: AnswerMap; channel: string }>(
      await db.execute(sql`select profile, answers, channel from responses where round_id = ${round.id}`),
    );
    for (const row of rows) expect(() => validateAnswers(def, row)).not.toThrow();
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['office', 'paper', 'online']));
  });
});
