/**
 * PostgreSQL's own limit for the work the server does per response, for bench/ingest.ts: pgbench
 * running the server's storing statement and a plain INSERT of the same row.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase } from '../db/client.ts';
import { groupInsertStatement, groupRecords } from '../db/queries/responses.ts';
import { findRoundByCode, type RoundRow } from '../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../db/seed/index.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { burstCheck, ownFlags } from '../server/domain/responses/response-flags.ts';
import { responseRow } from '../server/domain/responses/response-row.ts';
import { randomAnswers } from '../tests/support/random-responses.ts';

export interface PgbenchRates {
  /** The server's storing statement (burst counts + INSERT … ON CONFLICT), one response per statement. */
  serverStatement: number;
  /** A plain single-row INSERT of the same row. */
  plainInsert: number;
}

/**
 * PostgreSQL's own rates, by pgbench, one response per statement and transaction: for the
 * statement the server stores a group with (db/queries/responses.ts: burst counts, then INSERT …
 * ON CONFLICT DO NOTHING) — the server runs nothing else per response — and, for comparison, for
 * a plain INSERT of the same row. The row is a real accepted response made by the server's own
 * code, given a new id, device hash and answers fingerprint in SQL on each run.
 */
export async function pgbenchRates(url: string, link: { id: number; officeId: number }, clients: number, seconds: number): Promise<PgbenchRates> {
  const def = seededQuestionnaire('2024')!;
  const { profile, answers } = randomAnswers(def);
  const database = await openDatabase({ url });
  let round: RoundRow;
  try {
    round = (await findRoundByCode(database.db, DEMO_ROUND_CODE))!;
  } finally {
    await database.close();
  }
  const submitted = new Date();
  const started = new Date(submitted.getTime() - 7 * 60_000);
  const row = responseRow(def, {
    id: randomUUID(),
    round,
    channel: 'office',
    officeId: link.officeId,
    linkId: link.id,
    deviceHash: 'd',
    locality: { province: '67', district: '660', commune: null },
    profile,
    answers,
    contentHash: 'c'.repeat(64),
    startedAt: started,
    submittedAt: submitted,
  });
  const own = ownFlags({
    startedAt: started,
    submittedAt: submitted,
    answeredCount: Object.keys(profile).length + Object.keys(answers).length,
    periodStart: round.periodStart,
    now: submitted,
  });
  const template = groupRecords([{ ...row, flags: own.flags, flagFacts: own.flags.length > 0 ? { ...own.facts } : null }]);
  const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;
  // Text carrying colons (JSON, times) goes in base64: pgbench -M prepared would read ':name' in it as a variable.
  const encoded = (v: unknown) => `convert_from(decode('${Buffer.from(String(v)).toString('base64')}', 'base64'), 'UTF8')`;
  const freshValues: Record<string, string> = {
    id: 'gen_random_uuid()',
    device_hash: "encode(sha256((random()::text || 'd')::bytea), 'hex')",
    answers_fingerprint: "encode(sha256((random()::text || 'f')::bytea), 'hex')",
    // Each row its own ratings' keys, as distinct responses have: no near-identical candidates.
    ...Object.fromEntries([1, 2, 3, 4].map((k) => [`rating_band_${k}`, '(random() * 9e18)::bigint'])),
  };

  const record = Object.entries(freshValues).reduce(
    (json, [column, value]) => `jsonb_set(${json}, '{0,${column}}', to_jsonb(${value}))`,
    `${encoded(template)}::jsonb`,
  );
  const { sql: text, params } = new PgDialect().sqlToQuery(groupInsertStatement(sql.raw(`(${record})::text`), burstCheck()));
  const serverStatement = text
    .replace(/\$(\d+)/g, (_, n: string) => encoded(params[Number(n) - 1]))
    .replace(/\s+/g, ' ')
    .trim();

  // The same values as literals, most taking their column's type as PostgreSQL reads them.
  const { pos: _pos, ...columns } = (JSON.parse(template) as Array<Record<string, unknown>>)[0];
  const value = (column: string, v: unknown) =>
    freshValues[column] ??
    (v === null
      ? 'null'
      : column === 'answer_bits'
        ? literal(`\\x${String(v)}`)
        : Array.isArray(v) && column !== 'profile' && column !== 'answers'
          ? literal(`{${v.join(',')}}`)
          : typeof v === 'object'
            ? `${encoded(JSON.stringify(v))}::jsonb`
            : column.endsWith('_at')
              ? `${encoded(v)}::timestamptz`
              : literal(v));
  const plainInsert = `insert into responses (${Object.keys(columns).join(', ')}) values (${Object.entries(columns)
    .map(([c, v]) => value(c, v))
    .join(', ')})`;

  return { serverStatement: pgbench(url, serverStatement, clients, seconds), plainInsert: pgbench(url, plainInsert, clients, seconds) };
}

/** Transactions per second pgbench reaches running `statement`, prepared once per client as the server's pool does. */
function pgbench(url: string, statement: string, clients: number, seconds: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-pgbench-'));
  try {
    const file = join(dir, 'insert.sql');
    writeFileSync(file, `${statement};\n`);
    const run = spawnSync(
      'pgbench',
      ['-n', '-M', 'prepared', '-f', file, '-c', String(clients), '-j', String(Math.min(clients, cpus().length)), '-T', String(seconds), url],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`pgbench failed:\n${run.stdout}${run.stderr}`);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${run.stdout}`);
    return Number(tps[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
