/**
 * Backups on PostgreSQL are PostgreSQL's own: pg_dump's custom format, restored with pg_restore
 * into an empty database, then migrated. These helpers run them with the password passed in the
 * environment (never on a command line that `ps` shows), and say exactly what to run by hand where
 * the tools are missing or too old for the server.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrationLevel, responsesByChannel, serverVersion, type MigrationLevel } from '../queries/database-facts.ts';
import type { Database } from '../client.ts';
import { openDatabase } from '../client.ts';
import { isPgDump } from './backup-file.ts';

/** A step that cannot run here; `message` says why and what to run instead. */
export class PostgresToolError extends Error {}

interface Tool {
  path: string;
  major: number;
}

/** The tool on PATH and its major version, or undefined. */
export function findTool(name: 'pg_dump' | 'pg_restore'): Tool | undefined {
  const found = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) return undefined;
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(found.stdout)?.[1]);
  return Number.isFinite(major) ? { path: name, major } : undefined;
}

/** The URL without its password (for commands and messages) and the environment that carries the password. */
export function connection(url: string): { safeUrl: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { safeUrl: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function dumpCommand(url: string, file: string): string {
  return `pg_dump --format=custom --no-owner --file=${quote(file)} --dbname=${quote(connection(url).safeUrl)}`;
}

export function restoreCommands(url: string, file: string): string[] {
  const target = new URL(connection(url).safeUrl);
  target.pathname = '/NEW_DATABASE';
  return [
    `createdb --template=template0 NEW_DATABASE        # an empty database (or use one that is empty)`,
    `pg_restore --no-owner --exit-on-error --single-transaction --dbname=${quote(target.toString())} ${quote(file)}`,
    `DATABASE_URL=postgres://…/NEW_DATABASE npx sipas migrate`,
  ];
}

const passwordNote = 'with the database password in PGPASSWORD (or in ~/.pgpass)';

export interface DumpSummary {
  serverVersion: string;
  migrations: MigrationLevel;
  responses: number;
  byChannel: Record<string, number>;
}

/** The server's major version, e.g. 15 for 15.18. */
async function serverMajor(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ version: string; num: string }>(
    `select current_setting('server_version') as version, current_setting('server_version_num') as num`,
  );
  return { version: rows[0].version, major: Math.floor(Number(rows[0].num) / 10000) };
}

/**
 * pg_dump of the database into `file`, in one snapshot that the printed counts also come from.
 * Refuses (saying what to run) when pg_dump is missing or older than the server.
 */
export async function dumpPostgres(url: string, file: string): Promise<DumpSummary> {
  const tool = findTool('pg_dump');
  if (!tool)
    throw new PostgresToolError(
      `pg_dump is not installed here (not on PATH). Install PostgreSQL's client tools (Debian: apt-get install postgresql-client), or run, ${passwordNote}:\n  ${dumpCommand(url, file)}`,
    );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverMajor(client);
    if (tool.major < server.major) {
      throw new PostgresToolError(
        `pg_dump ${tool.major} cannot dump a PostgreSQL ${server.major} server. Install pg_dump ${server.major} (Debian: postgresql-client-${server.major}) and run, ${passwordNote}:\n  ${dumpCommand(url, file)}`,
      );
    }
    // The counts and the dump see the same snapshot: pg_dump joins this transaction's.
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const db = drizzle({ client }) as unknown as Database;
    const migrations = await migrationLevel(db);
    const byChannel = await responsesByChannel(db);
    const partial = `${file}.partial`;
    // Made owner-only before pg_dump writes into it (pg_dump keeps an existing file's mode).
    closeSync(openSync(partial, 'w', 0o600));
    chmodSync(partial, 0o600);
    const { safeUrl, env } = connection(url);
    const run = spawnSync(tool.path, ['--format=custom', '--no-owner', `--snapshot=${rows[0].snapshot}`, `--file=${partial}`, `--dbname=${safeUrl}`], {
      env,
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      rmSync(partial, { force: true });
      throw new PostgresToolError(`pg_dump failed: ${(run.stderr || String(run.error)).trim()}`);
    }
    await client.query('commit');
    // A dump pg_restore cannot list is no backup.
    const restore = findTool('pg_restore');
    if (restore) {
      const list = spawnSync(restore.path, ['--list', partial], { encoding: 'utf8' });
      if (list.status !== 0 || !/TABLE DATA public responses/.test(list.stdout)) {
        rmSync(partial, { force: true });
        throw new PostgresToolError(`pg_restore cannot read the dump pg_dump wrote: ${list.stderr.trim()}`);
      }
    }
    chmodSync(partial, 0o600);
    renameSync(partial, file);
    return { serverVersion: server.version, migrations, responses: Object.values(byChannel).reduce((a, b) => a + b, 0), byChannel };
  } finally {
    await client.end();
  }
}

/** Tables in the database's application schemas: a database to restore into must have none. */
async function tableCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`);
  return rows[0].n;
}

/**
 * pg_restore of a pg_dump file into the (empty) database at `url`, then its migrations brought up
 * to date. A database that holds tables is refused: restore into a new one and point DATABASE_URL at it.
 */
export async function restorePostgres(url: string, file: string, bytes: Uint8Array): Promise<DumpSummary> {
  if (!isPgDump(bytes))
    throw new PostgresToolError(`${file} is not a pg_dump file (custom format). A backup of the embedded database restores into PGlite: unset DATABASE_URL.`);
  const tool = findTool('pg_restore');
  if (!tool)
    throw new PostgresToolError(
      `pg_restore is not installed here (not on PATH). Install PostgreSQL's client tools, or run, ${passwordNote}:\n  ${restoreCommands(url, file).join('\n  ')}`,
    );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await tableCount(client)) > 0) {
      throw new PostgresToolError(
        `The database ${connection(url).safeUrl} is not empty: restore into a new, empty database and point DATABASE_URL at it, ${passwordNote}:\n  ${restoreCommands(url, file).join('\n  ')}`,
      );
    }
  } finally {
    await client.end();
  }
  const { safeUrl, env } = connection(url);
  const run = spawnSync(tool.path, ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${safeUrl}`, file], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new PostgresToolError(`pg_restore failed (nothing was restored): ${(run.stderr || String(run.error)).trim()}`);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    const byChannel = await responsesByChannel(database.db);
    return {
      serverVersion: await serverVersion(database.db),
      migrations: await migrationLevel(database.db),
      responses: Object.values(byChannel).reduce((a, b) => a + b, 0),
      byChannel,
    };
  } finally {
    await database.close();
  }
}
