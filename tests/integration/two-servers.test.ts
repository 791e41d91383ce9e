/**
 * Two servers on one database, as behind a load balancer: each has its own connection pool (on
 * PostgreSQL), its own caches and its own grouping writer, and the same UUID may reach both at
 * once. On in-memory PGlite, which one process alone can open, both apps share the handle: their
 * writers still race each other.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { buildApp } from '../../server/app.ts';
import { useTestApp } from '../support/app.ts';
import { officeSubmission } from '../support/submissions.ts';

const secret = 'two-servers-share-this-secret-0123456789';
const { app: first, database } = useTestApp({ secret });
let secondHandle: DatabaseHandle;
let second: FastifyInstance;

beforeAll(async () => {
  const url = database().url;
  secondHandle = url ? await openDatabase({ url }) : database();
  second = await buildApp({ database: secondHandle, secret, lookupTtlMs: 0, rateLimits: { perDevicePerMinute: 100_000, perLinkPerMinute: 100_000 } });
});
afterAll(async () => {
  await second?.close();
  if (secondHandle !== database()) await secondHandle?.close();
});

const post = (server: FastifyInstance, payload: object) => server.inject({ method: 'POST', url: '/api/responses', payload });

async function storedRows(): Promise<Array<{ id: string; content_hash: string }>> {
  const result = await database().db.execute(sql`select id::text as id, content_hash from responses`);
  return (result as unknown as { rows: Array<{ id: string; content_hash: string }> }).rows;
}

describe('two servers on one database', () => {
  it('store the same UUID posted to both at once exactly once: one 201, the other 200', async () => {
    const submissions = Array.from({ length: 30 }, () => officeSubmission());
    const replies = await Promise.all(submissions.map((s) => Promise.all([post(first(), s), post(second, s)])));
    for (const pair of replies) expect(pair.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    for (const [a, b] of replies) expect(a.json()).toEqual(b.json());
    expect((await storedRows()).length).toBe(30);
  });

  it('refuse the loser when the same UUID arrives at both with different content, keeping the winner’s answers', async () => {
    const pairs = Array.from({ length: 20 }, () => {
      const a = officeSubmission();
      return [a, { ...a, answers: { ...a.answers, A1_1: 1 } }] as const;
    });
    const replies = await Promise.all(pairs.map(([a, b]) => Promise.all([post(first(), a), post(second, b)])));
    const stored = new Map((await storedRows()).map((r) => [r.id, r]));
    for (const [k, pair] of replies.entries()) {
      expect(pair.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const winner = pair.find((r) => r.statusCode === 201)!.json();
      expect(winner.answers.A1_1).toBe(pair[0].statusCode === 201 ? 4 : 1);
      expect(stored.has(pairs[k][0].id)).toBe(true);
    }
    expect(stored.size).toBe(20);
  });

  it('leave exactly the distinct responses, whatever mix of servers, resends and conflicts arrives at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ server: fc.constantFrom(0, 1), which: fc.nat(5), variant: fc.constantFrom(0, 0, 0, 1) }), { minLength: 1, maxLength: 24 }),
        async (posts) => {
          await database().reset();
          const base = Array.from({ length: 6 }, () => officeSubmission());
          const body = (which: number, variant: number) => (variant === 0 ? base[which] : { ...base[which], answers: { ...base[which].answers, A1_1: 2 } });
          const replies = await Promise.all(posts.map((p) => post(p.server === 0 ? first() : second, body(p.which, p.variant))));
          const distinct = new Set(posts.map((p) => p.which));
          expect((await storedRows()).length).toBe(distinct.size);
          for (const which of distinct) {
            const mine = replies.filter((_, k) => posts[k].which === which);
            expect(mine.filter((r) => r.statusCode === 201)).toHaveLength(1);
            expect(mine.every((r) => [200, 201, 409].includes(r.statusCode))).toBe(true);
            const winner = mine.find((r) => r.statusCode === 201)!.json();
            for (const r of mine) {
              if (r.statusCode === 200) expect(r.json()).toEqual(winner);
              if (r.statusCode === 409) expect(r.json().code).toBe('conflicting_resend');
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('spread distinct responses over both and store each once', async () => {
    const submissions = Array.from({ length: 60 }, () => officeSubmission({ id: randomUUID() }));
    const replies = await Promise.all(submissions.map((s, k) => post(k % 2 === 0 ? first() : second, s)));
    expect(replies.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set((await storedRows()).map((r) => r.id))).toEqual(new Set(submissions.map((s) => s.id)));
  });
});

describe('two servers writing overlapping groups', () => {
  it('finish both, without a deadlock, when each inserts the same responses in the opposite order at the same moment', async () => {
    const { insertResponseGroup } = await import('../../db/queries/responses.ts');
    const { responseRow } = await import('../../server/domain/responses/response-row.ts');
    const { findRoundByCode } = await import('../../db/queries/rounds.ts');
    const { seededQuestionnaire } = await import('../../db/seed/questionnaires/index.ts');
    const { burstCheck } = await import('../../server/domain/responses/response-flags.ts');
    const def = seededQuestionnaire('2024')!;
    const round = (await findRoundByCode(database().db, 'DN-2025-H1'))!;
    const row = () => {
      const s = officeSubmission();
      return responseRow(def, {
        id: s.id,
        round,
        channel: 'online',
        locality: { province: '67', district: '660', commune: null },
        profile: s.profile,
        answers: s.answers as never,
        contentHash: 'h',
      });
    };
    for (let round = 0; round < 10; round++) {
      const rows = Array.from({ length: 300 }, row);
      const [a, b] = await Promise.all([
        insertResponseGroup(database().db, rows, burstCheck()),
        insertResponseGroup(secondHandle.db, [...rows].reverse(), burstCheck()),
      ]);
      expect(a.length + b.length).toBe(300);
    }
    expect((await storedRows()).length).toBe(3000);
  });
});
