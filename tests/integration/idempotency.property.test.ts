import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();

async function storedIds(): Promise<string[]> {
  const rows = await database().db.execute(sql`select id from responses order by id`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ id: string }>;
  return list.map((r) => r.id);
}

describe('idempotent response submission', () => {
  it('leaves exactly the distinct responses, whatever the interleaving of duplicates', async () => {
    const pool = Array.from({ length: 6 }, () => officeSubmission());
    await fc.assert(
      fc.asyncProperty(
        // A delivery schedule: which responses are sent, how often, in which order, in concurrent waves.
        fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        async (schedule, waveSize) => {
          await database().reset();
          const statuses = new Map<string, number[]>();
          for (let start = 0; start < schedule.length; start += waveSize) {
            const wave = schedule.slice(start, start + waveSize).map((i) => pool[i]);
            const replies = await Promise.all(wave.map((payload) => app().inject({ method: 'POST', url: '/api/responses', payload })));
            replies.forEach((reply, k) => statuses.set(wave[k].id, [...(statuses.get(wave[k].id) ?? []), reply.statusCode]));
          }
          const distinct = [...new Set(schedule.map((i) => pool[i].id))].sort();
          expect(await storedIds()).toEqual(distinct);
          for (const codes of statuses.values()) {
            expect(codes.filter((c) => c === 201)).toHaveLength(1);
            expect(codes.every((c) => c === 200 || c === 201)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
