/**
 * `npx sipas backup` and `restore`, run as the administrator runs them. The embedded database's
 * tests run on PGlite whatever DATABASE_URL says (its folder is what is backed up); the pg_dump
 * procedure is tested where the PostgreSQL tests run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../../db/client.ts';
import { findTool } from '../../db/backup/postgres-dump.ts';
import { migrationLevel, tableFacts } from '../../db/queries/database-facts.ts';
import { responses } from '../../db/schema/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { LOCK_FILE } from '../../db/pglite-folder.ts';
import { prepareDatabase } from '../../checks/support/fixture.ts';
import { startServer } from '../../checks/support/server-process.ts';
import { buildApp } from '../../server/app.ts';
import { createPostgresDatabase } from '../support/database.ts';
import { randomLinkSubmission } from '../support/random-responses.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

const journal = JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
const secret = 'backup-test-secret-0123456789abcdef0123456789';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function sipas(args: string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/sipas.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

type Submission = ReturnType<typeof randomLinkSubmission>;

/** Posts through the app, as phones do; returns the status of each post. */
async function post(options: DatabaseOptions, submissions: Submission[]): Promise<number[]> {
  const database = await openDatabase(options);
  const app = await buildApp({ database, secret, rateLimits: { perDevicePerMinute: 100_000, perLinkPerMinute: 100_000 } });
  try {
    const statuses: number[] = [];
    for (const payload of submissions) statuses.push((await app.inject({ method: 'POST', url: '/api/responses', payload })).statusCode);
    return statuses;
  } finally {
    await app.close();
    await database.close();
  }
}

/** Phones' responses, on top of the demo responses, which have every channel. */
const newSubmissions = (tokens: string[], count: number) =>
  Array.from({ length: count }, (_, i) => randomLinkSubmission(seededQuestionnaire('2024')!, tokens[i % tokens.length]));

async function readDatabase(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    return {
      responses: await database.db.select().from(responses).orderBy(responses.id),
      tables: await tableFacts(database.db),
      migrations: await migrationLevel(database.db),
    };
  } finally {
    await database.close();
  }
}

let root: string;
let folder: string;
let stored: Awaited<ReturnType<typeof readDatabase>>;
let tokens: string[];
let posted: Submission[];
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sipas-backup-'));
  folder = join(root, 'data');
  ({ tokens } = await prepareDatabase({ dataDir: folder }, 2));
  posted = newSubmissions(tokens, 12);
  expect(await post({ dataDir: folder }, posted)).toEqual(Array(12).fill(201));
  stored = await readDatabase({ dataDir: folder });
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const onFolder = (dataDir: string) => ({ SIPAS_DATA_DIR: dataDir });

describeOnPgliteOnly('sipas backup and restore of the embedded database', () => {
  it('restores into a fresh folder every response identical — ids, content hashes, answers — and every table, at the current migration', async () => {
    expect(new Set(stored.responses.map((r) => r.channel))).toEqual(new Set(['office', 'paper', 'online']));
    const file = join(root, 'full.sipas');
    const backup = await sipas(['backup', file], onFolder(folder));
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.stdout).toContain(`${stored.responses.length} responses`);

    const manifest = JSON.parse(readFileSync(file).subarray(0, readFileSync(file).indexOf(0x0a)).toString('utf8'));
    expect(manifest).toMatchObject({
      format: 'sipas-backup',
      formatVersion: 1,
      database: { engine: 'pglite' },
      migrations: { count: journal.entries.length },
      responses: { total: stored.responses.length },
    });
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(10 * 60_000);
    expect(manifest.tables.responses.rows).toBe(stored.responses.length);

    const fresh = join(root, 'fresh');
    const restore = await sipas(['restore', file], onFolder(fresh));
    expect(restore).toMatchObject({ code: 0 });
    const restored = await readDatabase({ dataDir: fresh });
    expect(restored.responses.map((r) => [r.id, r.contentHash])).toEqual(stored.responses.map((r) => [r.id, r.contentHash]));
    expect(restored.responses.map((r) => r.answers)).toEqual(stored.responses.map((r) => r.answers));
    expect(restored.responses).toEqual(stored.responses);
    expect(restored.tables).toEqual(stored.tables);
    expect(restored.migrations.count).toBe(journal.entries.length);
    expect(readdirSync(fresh)).not.toContain(LOCK_FILE);

    // The restored database works: a phone resending a stored response is told it is there; a new one is stored.
    expect(await post({ dataDir: fresh }, [posted[0], ...newSubmissions(tokens, 1)])).toEqual([200, 201]);
    expect((await readDatabase({ dataDir: fresh })).responses.length).toBe(stored.responses.length + 1);
  }, 180_000);

  it('refuses to back up or restore while a server has the folder open, naming its process, and changes nothing', async () => {
    const file = join(root, 'while-running.sipas');
    const server = await startServer({ env: { SIPAS_DATA_DIR: folder, DATABASE_URL: '', SIPAS_SECRET: secret } });
    try {
      const backup = await sipas(['backup', file], onFolder(folder));
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain(`in use by process ${server.pid}`);
      expect(backup.stderr).toContain('stop the server first');
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.partial`)).toBe(false);

      const restore = await sipas(['restore', '--force', join(root, 'full.sipas')], onFolder(folder));
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(`in use by process ${server.pid}`);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect((await readDatabase({ dataDir: folder })).tables).toEqual(stored.tables);
  }, 180_000);

  it('refuses to restore over a folder that holds a database unless --force, which keeps the old content beside it', async () => {
    const file = join(root, 'full.sipas');
    const target = join(root, 'occupied');
    expect((await sipas(['restore', file], onFolder(target))).code).toBe(0);
    expect(await post({ dataDir: target }, newSubmissions(tokens, 1))).toEqual([201]);

    const refused = await sipas(['restore', file], onFolder(target));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not empty');
    expect(refused.stderr).toContain('--force');

    const forced = await sipas(['restore', '--force', file], onFolder(target));
    expect(forced).toMatchObject({ code: 0 });
    const kept = readdirSync(root).filter((name) => name.startsWith('occupied.replaced-'));
    expect(kept).toHaveLength(1);
    expect(forced.stdout).toContain(kept[0]);
    expect(readdirSync(join(root, kept[0]))).toContain('PG_VERSION');
    expect((await readDatabase({ dataDir: target })).responses).toEqual(stored.responses);
  }, 180_000);

  it('refuses a damaged file, a file whose tables differ from its description, and a file that is no backup, creating no folder', async () => {
    const bytes = readFileSync(join(root, 'full.sipas'));
    const newline = bytes.indexOf(0x0a);

    const flipped = Buffer.from(bytes);
    flipped[newline + 5000] ^= 0xff;
    writeFileSync(join(root, 'flipped.sipas'), flipped);
    const damaged = await sipas(['restore', join(root, 'flipped.sipas')], onFolder(join(root, 'never-1')));
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('does not match the checksum');

    const manifest = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    manifest.tables.responses.rows += 1;
    writeFileSync(join(root, 'lying.sipas'), Buffer.concat([Buffer.from(JSON.stringify(manifest)), bytes.subarray(newline)]));
    const lying = await sipas(['restore', join(root, 'lying.sipas')], onFolder(join(root, 'never-2')));
    expect(lying.code).toBe(1);
    expect(lying.stderr).toContain(`responses (${stored.responses.length + 1} rows in the backup, ${stored.responses.length} restored)`);

    writeFileSync(join(root, 'notes.txt'), 'hello\n');
    const other = await sipas(['restore', join(root, 'notes.txt')], onFolder(join(root, 'never-3')));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('is not a SIPAS backup');

    expect(readdirSync(root).filter((n) => n.startsWith('never-'))).toEqual([]);
  }, 180_000);
});

describe('sipas backup on PostgreSQL', () => {
  it('prints the exact pg_dump command to run where pg_dump is not installed', async () => {
    const file = join(root, 'nowhere.dump');
    const onlyNode = join(root, 'bin');
    mkdirSync(onlyNode);
    symlinkSync(process.execPath, join(onlyNode, 'node'));
    const run = await sipas(['backup', file], { DATABASE_URL: 'postgres://sipas:geheim@db.example:5432/sipas', PATH: onlyNode });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pg_dump --format=custom --no-owner --file='${file}' --dbname='postgres://sipas@db.example:5432/sipas'`);
    expect(run.stderr).toContain('PGPASSWORD');
    expect(run.stderr).not.toContain('geheim');
    expect(existsSync(file)).toBe(false);
  });

  // The documented procedure needs a PostgreSQL server and its client tools: it runs where the PostgreSQL tests run.
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && !(findTool('pg_dump') && findTool('pg_restore'))) {
    it('says, on this machine without pg_dump, exactly what to run against the server', async () => {
      const run = await sipas(['backup', join(root, 'postgres.dump')], { DATABASE_URL: serverUrl });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('pg_dump --format=custom --no-owner');
    });
  }
  if (serverUrl && findTool('pg_dump') && findTool('pg_restore')) {
    it('backs up with pg_dump and restores with pg_restore into an empty database every response identical, refusing a database that holds tables', async () => {
      const source = await createPostgresDatabase(serverUrl, 'sipas_backup_from');
      const target = await createPostgresDatabase(serverUrl, 'sipas_backup_to');
      try {
        const prepared = await prepareDatabase({ url: source.url }, 2);
        expect(await post({ url: source.url }, newSubmissions(prepared.tokens, 12))).toEqual(Array(12).fill(201));
        const original = await readDatabase({ url: source.url });
        const file = join(root, 'postgres.dump');
        const dump = await sipas(['backup', file], { DATABASE_URL: source.url });
        expect(dump).toMatchObject({ code: 0 });
        expect(dump.stdout).toContain(`${original.responses.length} responses`);
        expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');

        const restore = await sipas(['restore', file], { DATABASE_URL: target.url });
        expect(restore).toMatchObject({ code: 0 });
        const restored = await readDatabase({ url: target.url });
        expect(restored.responses).toEqual(original.responses);
        expect(restored.tables).toEqual(original.tables);
        expect(restored.migrations).toEqual(original.migrations);

        const refused = await sipas(['restore', file], { DATABASE_URL: source.url });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('is not empty');
        expect(refused.stderr).toContain('pg_restore --no-owner');
      } finally {
        await source.drop();
        await target.drop();
      }
    }, 180_000);
  }
});
