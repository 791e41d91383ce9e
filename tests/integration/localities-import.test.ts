import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalities } from '../../db/queries/localities.ts';
import { importLocalities, importLocalityMappings } from '../../server/domain/localities/locality-import.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

/** Records as the table reader gives them: the header is row 1, data from row 2. */
const rows = (records: Array<Record<string, string>>) => records.map((cells, i) => ({ row: i + 2, cells }));
const commune = { code: '24619', name: 'Phường Nghĩa Đức', level: 'commune', parent_code: '660', valid_from: '2004-01-01', valid_to: '2025-06-30' };

describe('importing administrative units', () => {
  it('stores names in NFC and is idempotent on re-import', async () => {
    const records = rows([{ ...commune, name: commune.name.normalize('NFD') }]);
    expect(await importLocalities(database.db, records)).toMatchObject({ problems: [], inserted: 1, updated: 0 });
    expect(await importLocalities(database.db, records)).toMatchObject({ problems: [], inserted: 0, updated: 0 });
    const [stored] = await findLocalities(database.db, ['24619']);
    expect(stored.name).toBe('Phường Nghĩa Đức'.normalize('NFC'));
    expect(stored).toMatchObject({ level: 'commune', parentCode: '660', validTo: '2025-06-30' });
  });

  it('updates a changed unit', async () => {
    await importLocalities(database.db, rows([commune]));
    expect(await importLocalities(database.db, rows([{ ...commune, valid_to: '' }]))).toMatchObject({ inserted: 0, updated: 1 });
    expect((await findLocalities(database.db, ['24619']))[0].validTo).toBeNull();
  });

  it('reports every bad row and stores nothing', async () => {
    const result = await importLocalities(
      database.db,
      rows([
        { ...commune, code: '90001' },
        { ...commune, code: '90002', parent_code: '12345' },
        { ...commune, code: '90003', valid_from: '01/01/2004' },
      ]),
    );
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'valid_from'],
      [3, 'parent_code'],
    ]);
    expect(await findLocalities(database.db, ['90001'])).toEqual([]);
  });

  it('accepts children listed before their parents in the same file', async () => {
    const result = await importLocalities(
      database.db,
      rows([
        { code: '6801', name: 'Xã Mới', level: 'commune', parent_code: '6800', valid_from: '2025-07-01', valid_to: '' },
        { code: '6800', name: 'Đơn vị thử', level: 'district', parent_code: '68', valid_from: '2025-07-01', valid_to: '' },
      ]),
    );
    expect(result.problems).toEqual([]);
  });

  it('stores old → new mappings between known units only', async () => {
    expect((await importLocalityMappings(database.db, rows([{ old_code: '660', new_code: '68', effective_from: '2025-07-01' }]))).problems).toEqual([]);
    const bad = await importLocalityMappings(database.db, rows([{ old_code: '660', new_code: 'nope', effective_from: '2025-07-01' }]));
    expect(bad.problems[0]).toMatchObject({ column: 'new_code', value: 'nope' });
  });
});

describe('npx sipas', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sipas-cli-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const sipas = (...args: string[]) =>
    promisify(execFile)('node', ['bin/sipas.mjs', ...args], {
      env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') },
    });

  it('imports a localities CSV twice with the same result, and prints help for each command', async () => {
    const csv = join(dir, 'units.csv');
    await writeFile(csv, '\uFEFFcode,name,level,parent_code,valid_from,valid_to\n24619,Phường Nghĩa Đức,commune,660,2004-01-01,2025-06-30\n');
    const first = await sipas('import-localities', csv);
    expect(first.stdout).toContain('1 units read: 1 added');
    const second = await sipas('import-localities', csv);
    expect(second.stdout).toContain('0 added, 0 updated, 1 unchanged');
    for (const command of ['migrate', 'seed', 'import-localities']) {
      expect((await sipas(command, '--help')).stdout).toMatch(/^Usage: sipas /);
    }
    // Five command-line runs, each opening PGlite: a busy machine needs more than the default minute.
  }, 180_000);
});
