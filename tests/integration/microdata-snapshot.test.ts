/**
 * On PostgreSQL the microdata export reads the counts behind its weights and its rows in one
 * snapshot (server/domain/results/microdata.ts): a response stored while a download is under way is
 * in neither, and an export abandoned at any point gives its connection back.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import { microdataExport } from '../../server/domain/results/microdata.ts';
import { useTestApp } from '../support/app.ts';
import { describeOnPostgresOnly } from '../support/database-independent.ts';
import { distinctAnswers, officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();

async function respond(k: number): Promise<string> {
  const made = distinctAnswers(k);
  const payload = officeSubmission({ profile: made.profile, answers: made.answers });
  const res = await app().inject({ method: 'POST', url: '/api/responses', payload });
  expect(res.statusCode, res.body).toBe(201);
  return payload.id as string;
}

async function read(stream: NodeJS.ReadableStream): Promise<Array<Record<string, string>>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return parse(
    Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { columns: true },
  );
}

let round: RoundRow;

// PGlite reads the rows page by page on its single connection: it has no snapshot to test.
describeOnPostgresOnly('the microdata export in one snapshot', () => {
  beforeEach(async () => {
    for (let k = 1; k <= 4; k++) await respond(k);
    round = (await findRoundByCode(database().db, 'DN-2025-H1'))!;
  });

  it('writes exactly the rows its weights count, whatever is stored while it runs', async () => {
    const exported = await microdataExport(database(), round, true);
    // Stored after the counts were read, before the first row is.
    const late = await respond(5);
    const rows = await read(exported.stream);
    expect(exported.rows).toBe(4);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.response_id)).not.toContain(late);
    // Each stratum's weights add up to the same total as its rows' count says (N_h / n_h × n_h).
    const byStratum = new Map<string, number[]>();
    for (const r of rows) byStratum.set(r.stratum, [...(byStratum.get(r.stratum) ?? []), Number(r.weight)]);
    for (const weights of byStratum.values()) expect(new Set(weights).size).toBe(1);
    // The next export sees the late response.
    const next = await microdataExport(database(), round, true);
    expect(next.rows).toBe(5);
    expect(await read(next.stream)).toHaveLength(5);
  });

  it('gives the connection back when a download is abandoned before its first byte or part way', async () => {
    // More of each than the pool has connections (10): one not given back would starve the next export.
    for (let k = 0; k < 12; k++) (await microdataExport(database(), round, true)).stream.destroy();
    for (let k = 0; k < 12; k++) {
      for await (const _chunk of (await microdataExport(database(), round, true)).stream) break;
    }
    const counted = (await database().db.execute(sql`select count(*)::int4 as n from responses`)) as unknown as { rows: Array<{ n: number }> };
    expect(counted.rows[0].n).toBe(4);
    expect(await read((await microdataExport(database(), round, true)).stream)).toHaveLength(4);
  });
});
