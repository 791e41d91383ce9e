import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { auditTrail } from '../../db/queries/audit.ts';
import { listOfficesWithLocality } from '../../db/queries/offices.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-offices-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sipas = (args: string[]) =>
  promisify(execFile)('node', ['bin/sipas.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') } });

describeOnPgliteOnly('npx sipas offices import', () => {
  it('stores nothing from a file with a bad row, listing each problem, then imports and re-imports a sound one without duplicates', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      'code,name,locality,level\nTTHCC-68,Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng,68,province\nMC-1,,661,district\nMC-2,Bộ phận Một cửa,999,commune\n',
    );
    const refused = await sipas(['offices', 'import', bad]).catch((e: { stderr: string; code: number }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('dòng 3, cột name');
    expect((refused as { stderr: string }).stderr).toContain('dòng 4, cột locality, giá trị "999"');

    const good = join(dir, 'good.csv');
    await writeFile(
      good,
      'code,name,locality,level\nTTHCC-68,Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng,68,province\nMC-661,Bộ phận Một cửa huyện Đắk Glong,661,district\n',
    );
    expect((await sipas(['offices', 'import', good])).stdout).toContain('2 offices read: 2 added, 0 updated, 0 unchanged.');
    await writeFile(good, 'code,name,locality,level\nMC-661,Bộ phận Một cửa huyện Đắk Glong (cũ),661,district\n');
    expect((await sipas(['offices', 'import', good])).stdout).toContain('1 offices read: 0 added, 1 updated, 0 unchanged.');

    const database = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const offices = await listOfficesWithLocality(database.db);
      expect(offices.map((o) => [o.code, o.level])).toEqual([
        ['MC-660', 'district'],
        ['MC-661', 'district'],
        ['TTHCC-68', 'province'],
      ]);
      expect((await auditTrail(database.db, 'office', 'MC-661')).map((e) => [e.action, e.field, e.username])).toEqual([
        ['create_office', null, null],
        ['import_office', 'name', null],
      ]);
    } finally {
      await database.close();
    }
  });
});
