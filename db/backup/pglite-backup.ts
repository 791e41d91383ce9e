/**
 * Backup and restore of the embedded database's folder.
 *
 * PGlite runs inside one process, so a second program must not read the folder while a server
 * writes it: both take the folder's lock (db/pglite-folder.ts), and a running server makes them
 * refuse with its process id. Holding the lock, the backup opens the database, records what it
 * holds, checkpoints it, and has PGlite dump the folder. The restore checks the file's bytes,
 * rebuilds the folder beside the target, checks every table against the backup's description,
 * brings the schema up to this version's migrations, and only then moves it into place.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationLevel, responsesByChannel, serverVersion, tableFacts, type MigrationLevel, type TableFacts } from '../queries/database-facts.ts';
import { ownerOnlyFolder, restrictToOwner } from '../owner-only.ts';
import { DataFolderError, flushFolder, LOCK_FILE, lockFolder, openPgliteFolder, syncDirectory } from '../pglite-folder.ts';
import type { Database } from '../client.ts';
import * as schema from '../schema/index.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFileError, decodeBackup, encodeBackup, type BackupManifest } from './backup-file.ts';
import { MIGRATIONS_FOLDER as migrationsFolder } from '../project-root.ts';

interface JournalEntry {
  when: number;
  tag: string;
}
function journal(): JournalEntry[] {
  return (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}
const tagOf = (level: MigrationLevel) => journal().find((e) => e.when === level.latest)?.tag ?? null;

function pgliteVersion(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

const asDatabase = (client: PGlite) => drizzle({ client, schema }) as unknown as Database;

/** A folder with nothing in it but (perhaps) its lock file. */
function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).every((name) => name === LOCK_FILE);
}

export interface BackupResult {
  manifest: BackupManifest;
  bytes: Buffer;
}

/** The backup of the folder, as the bytes of a backup file. Refuses while another program holds the folder. */
export async function backupFolder(dataDir: string): Promise<BackupResult> {
  if (isEmptyFolder(dataDir)) throw new DataFolderError(`There is no database in ${dataDir} to back up.`);
  const unlock = lockFolder(dataDir);
  try {
    const client = await openPgliteFolder(dataDir);
    try {
      const db = asDatabase(client);
      const level = await migrationLevel(db);
      const tables = await tableFacts(db);
      const manifest: Omit<BackupManifest, 'payload'> = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        database: { engine: 'pglite', postgres: await serverVersion(db), pglite: pgliteVersion() },
        migrations: { ...level, latestTag: tagOf(level) },
        responses: { total: tables.responses?.rows ?? 0, byChannel: tables.responses ? await responsesByChannel(db) : {} },
        tables,
      };
      // Written out to the data files, the dump needs little WAL replay when it is opened again.
      await client.exec('checkpoint');
      const dump = await client.dumpDataDir('gzip');
      return encodeBackup(manifest, new Uint8Array(await dump.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the folder's previous content was moved (with --force), if it held anything. */
  replacedTo?: string;
  /** Migrations applied on top of the backup's, to reach this version's schema. */
  migrationsApplied: number;
  responses: number;
}

function differences(expected: Record<string, TableFacts>, actual: Record<string, TableFacts>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .filter((n) => expected[n]?.rows !== actual[n]?.rows || expected[n]?.fingerprint !== actual[n]?.fingerprint)
    .map((n) => `${n} (${expected[n]?.rows ?? 'absent'} rows in the backup, ${actual[n]?.rows ?? 'absent'} restored)`);
}

/** Moves a folder's entries (all but the lock) into another (owner-only) folder; across file systems by copying. */
function moveEntries(from: string, to: string): void {
  ownerOnlyFolder(to);
  for (const name of readdirSync(from)) {
    if (name === LOCK_FILE) continue;
    try {
      renameSync(join(from, name), join(to, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(join(from, name), join(to, name), { recursive: true });
      rmSync(join(from, name), { recursive: true, force: true });
    }
  }
}

/**
 * Restores a backup file's bytes into `dataDir`. An empty or absent folder is filled; one that holds
 * anything is refused unless `force`, and then its content is kept aside in `<dataDir>.replaced-<time>`.
 */
export async function restoreFolder(bytes: Buffer, fileName: string, dataDir: string, options: { force: boolean }): Promise<RestoreResult> {
  const { manifest, payload } = decodeBackup(bytes, fileName);
  const known = journal();
  if (manifest.migrations.latest !== null && manifest.migrations.latest > known[known.length - 1].when) {
    throw new BackupFileError(
      `${fileName} was made by a newer SIPAS (its schema has migration ${manifest.migrations.latestTag ?? manifest.migrations.latest}, which this version does not know). Update SIPAS, then restore.`,
    );
  }
  const target = resolve(dataDir);
  const existed = existsSync(target);
  const unlock = lockFolder(target);
  let done = false;
  try {
    if (!isEmptyFolder(target) && !options.force) {
      throw new DataFolderError(
        `The database folder ${dataDir} is not empty: restoring would replace the database in it. ` +
          'Run again with --force to replace it (its present content is kept beside it, in a folder named …replaced-DATE).',
      );
    }
    const staging = `${target}.restoring`;
    rmSync(staging, { recursive: true, force: true });
    ownerOnlyFolder(staging);
    let client: PGlite;
    try {
      client = await openPgliteFolder(staging, { loadDataDir: new Blob([new Uint8Array(payload)]) });
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupFileError(
        `${fileName} could not be opened as a database (made with PostgreSQL ${manifest.database.postgres}, PGlite ${manifest.database.pglite ?? '?'}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Nothing was changed.`,
      );
    }
    let migrationsApplied = 0;
    let responses = 0;
    try {
      const pglite = drizzle({ client, schema });
      const db = pglite as unknown as Database;
      const wrong = differences(manifest.tables, await tableFacts(db));
      if (wrong.length > 0) throw new BackupFileError(`${fileName} did not restore to what it describes: ${wrong.join(', ')}. Nothing was changed.`);
      await migrate(pglite, { migrationsFolder });
      const level = await migrationLevel(db);
      migrationsApplied = level.count - manifest.migrations.count;
      const after = await tableFacts(db);
      responses = after.responses?.rows ?? 0;
      if (responses !== manifest.responses.total)
        throw new BackupFileError(
          `Bringing the schema of ${fileName} up to date changed its responses (${manifest.responses.total} → ${responses}). Nothing was changed.`,
        );
    } catch (error) {
      await client.close();
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    await client.close();
    flushFolder(staging);

    let replacedTo: string | undefined;
    if (!isEmptyFolder(target)) {
      replacedTo = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      moveEntries(target, replacedTo);
      flushFolder(replacedTo);
    }
    moveEntries(staging, target);
    rmSync(staging, { recursive: true, force: true });
    // What PGlite unpacked keeps the modes of the backup's tar: owner-only, like everything at rest.
    restrictToOwner(target);
    if (replacedTo) restrictToOwner(replacedTo);
    flushFolder(target);
    syncDirectory(dirname(target));
    done = true;
    return { manifest, replacedTo, migrationsApplied, responses };
  } finally {
    unlock();
    // A refused restore leaves no folder it created.
    if (!done && !existed && isEmptyFolder(target)) rmSync(target, { recursive: true, force: true });
  }
}

/** A few lines on a backup, for people. */
export function describeBackup(manifest: BackupManifest): string[] {
  const channels = Object.entries(manifest.responses.byChannel)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return [
    `made ${manifest.createdAt} (PostgreSQL ${manifest.database.postgres}, PGlite ${manifest.database.pglite ?? '?'})`,
    `schema at migration ${manifest.migrations.latestTag ?? manifest.migrations.latest ?? 'none'} (${manifest.migrations.count} applied)`,
    `${manifest.responses.total} responses${channels ? ` (${channels})` : ''}, ${Object.keys(manifest.tables).length} tables`,
  ];
}

export const backupFileName = (when = new Date()) => `sipas-backup-${when.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.sipas`;
