/**
 * One drizzle schema, two drivers: an embedded PGlite (data in a local folder, or in memory for
 * tests) or a PostgreSQL server when DATABASE_URL is set. Callers hold the common `Database`
 * type and never learn which one they got, except through `kind`.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { restrictToOwner } from './owner-only.ts';
import { flushFolder, lockFolder, openPgliteFolder } from './pglite-folder.ts';
import { tuneWasmTiering } from './pglite-wasm.ts';
import * as schema from './schema/index.ts';
import { MIGRATIONS_FOLDER as migrationsFolder } from './project-root.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /**
   * PostgreSQL only: a read-only snapshot on one pooled connection, held until released, so that
   * several reads (counts, then the rows in batches) see the same data. PGlite has a single
   * connection that others must not wait on; callers page instead.
   */
  snapshot?: () => Promise<ReadSnapshot>;
  /**
   * PGlite only: the whole output of `COPY (query) TO … (FORMAT binary)` (db/queries/copy-binary.ts)
   * for a query of bounded size (a page); PostgreSQL streams it from a snapshot instead.
   */
  copyPage?: (query: SQL) => Promise<Uint8Array>;
  migrate(): Promise<void>;
  /** In-memory PGlite only: an image of its data folder, which another in-memory database can start from (`memoryImage`). */
  memoryImage?: () => Promise<Blob>;
  close(): Promise<void>;
}

/** Reads in one snapshot (DatabaseHandle.snapshot); rows as arrays of column values, in the query's column order (cheaper than objects for millions). */
export interface ReadSnapshot {
  rows(query: SQL): Promise<unknown[][]>;
  /**
   * `COPY (query) TO STDOUT (FORMAT binary)` as it comes (db/queries/copy-binary.ts reads it): the
   * cheapest way out of PostgreSQL for a million rows, with the socket's backpressure (the server
   * waits while the caller does not read).
   */
  copy(query: SQL): AsyncIterable<Buffer>;
  /** Ends the snapshot and gives the connection back; again is harmless. */
  release(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL: use that server. */
  url?: string;
  /** A folder for PGlite's files; omitted (and no url) means an in-memory database. */
  dataDir?: string;
  /** In memory only: start from this image of a PGlite data folder (PGlite's `dumpDataDir`) instead of an empty cluster. */
  memoryImage?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    // Connections are kept, not closed after 10 s idle (pg's default): at a steady rate most of
    // them idle, and a burst would then wait for new ones — a backend forked, a password checked,
    // the storing statement planned again — just when the queue is longest.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, idleTimeoutMillis: 0 });
    // An idle connection that dies (PostgreSQL restarted) is dropped by the pool and replaced when
    // needed; without a listener its 'error' event would end the process.
    pool.on('error', () => {});
    // Fail at start-up, with the server's own message, rather than on the first request.
    await pool.query('select 1');
    const db = drizzlePostgres({ client: pool, schema });
    async function snapshot(): Promise<ReadSnapshot> {
      const client = await pool.connect();
      try {
        // COPY's statements carry their values as literals (copy below): quotes escaped by doubling,
        // backslashes as they are. No JIT: compiling a plain scan's expressions costs more than it saves.
        await client.query('begin isolation level repeatable read read only; set local standard_conforming_strings = on; set local jit = off');
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      /** A COPY under way, or left unfinished: the connection is then mid-COPY and is closed rather than pooled. */
      let copying: { destroy(): void } | undefined;
      let unfinished = false;
      let released: Promise<void> | undefined;
      return {
        async rows(query) {
          const { sql: text, params } = dialect.sqlToQuery(query);
          return (await client.query({ text, values: params, rowMode: 'array' })).rows;
        },
        async *copy(query) {
          const reading = client.query(copyTo(binaryCopy(query, 'stdout')));
          copying = reading;
          let finished = false;
          try {
            yield* reading as AsyncIterable<Buffer>;
            finished = true;
          } finally {
            copying = undefined;
            if (!finished) {
              unfinished = true;
              reading.destroy();
            }
          }
        },
        release() {
          released ??= (async () => {
            if (copying || unfinished) {
              copying?.destroy();
              client.release(new Error('COPY left unfinished'));
              return;
            }
            await client.query('rollback').catch(() => undefined);
            client.release();
          })();
          return released;
        },
      };
    }
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      snapshot,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir;
  if (!dataDir) {
    tuneWasmTiering();
    const client = await PGlite.create(options.memoryImage ? { loadDataDir: options.memoryImage } : {});
    const db = drizzlePglite({ client, schema });
    return {
      db: db as unknown as Database,
      kind: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      copyPage: pgliteCopyPage(client),
      memoryImage: () => client.dumpDataDir('none'),
      close: () => client.close(),
    };
  }
  const unlock = lockFolder(dataDir);
  // File times can be as coarse as 2 s: a little earlier, so nothing written after opening is missed.
  const openedAt = Date.now() - 5_000;
  let client: PGlite;
  try {
    client = await openPgliteFolder(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    copyPage: pgliteCopyPage(client),
    async close() {
      try {
        await client.close();
        flushFolder(dataDir, { changedSince: openedAt });
        // Left owner-only whatever umask this process had (the server and the CLI set 077 themselves).
        restrictToOwner(dataDir);
      } finally {
        unlock();
      }
    },
  };
}

/** Turns drizzle's queries into SQL text for the statements made by hand here (snapshot reads, COPY). */
const dialect = new PgDialect();

/** `COPY (query) TO target (FORMAT binary)`. COPY takes no parameters: they are written into the statement as literals (drizzle escapes them). */
function binaryCopy(query: SQL, target: string): string {
  return `copy (${dialect.sqlToQuery(query.inlineParams()).sql}) to ${target} with (format binary)`;
}

/** PGlite writes a COPY's output to a blob it returns (its "/dev/blob"). */
function pgliteCopyPage(client: PGlite): (query: SQL) => Promise<Uint8Array> {
  return async (query) => {
    const result = await client.query(binaryCopy(query, "'/dev/blob'"));
    if (!result.blob) throw new Error('PGlite returned no COPY output');
    return new Uint8Array(await result.blob.arrayBuffer());
  };
}

/** The database this installation is configured for (environment, as documented in the README). */
export function configuredDatabaseOptions(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.SIPAS_DATA_DIR ?? './data' };
}
