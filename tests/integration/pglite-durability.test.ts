/**
 * PGlite on a data folder forces each commit to disk before it returns, as PostgreSQL does with
 * fsync on (db/pglite-synced-fs.ts). A PGlite upgrade that changes how files are mounted must
 * fail here rather than quietly drop durability. (Runs on PGlite whatever DATABASE_URL says.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { pgliteFsyncCount } from '../../db/pglite-synced-fs.ts';
import { recordFact } from '../../db/queries/installation.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let root: string;
let database: DatabaseHandle;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sipas-durable-'));
  database = await openDatabase({ dataDir: join(root, 'data') });
  await database.migrate();
});
afterAll(async () => {
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

const setting = async (name: string) =>
  ((await database.db.execute(sql`select current_setting(${name}) as value`)) as unknown as { rows: Array<{ value: string }> }).rows[0].value;

describeOnPgliteOnly('PGlite on a data folder', () => {
  it('runs with fsync on, flushing the WAL with fsync (the one sync Emscripten passes on)', async () => {
    expect(await setting('fsync')).toBe('on');
    expect(await setting('wal_sync_method')).toBe('fsync');
    expect(await setting('synchronous_commit')).toBe('on');
  });

  it('has each commit fsynced to the disk by the time it returns', async () => {
    for (let i = 0; i < 5; i++) {
      const before = pgliteFsyncCount();
      await recordFact(database.db, `durability-${i}`, i);
      expect(pgliteFsyncCount()).toBeGreaterThan(before);
    }
  });

  it('does not fsync for a read', async () => {
    const before = pgliteFsyncCount();
    await database.db.execute(sql`select count(*) from responses`);
    expect(pgliteFsyncCount()).toBe(before);
  });
});
