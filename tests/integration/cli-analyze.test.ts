import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-analyze-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const golden = (name: string) => `tests/golden/${name}`;
const sipas = (args: string[]) => promisify(execFile)('node', ['bin/sipas.mjs', ...args], { maxBuffer: 64 * 1024 * 1024 });
const failure = (args: string[]) => sipas(args).then(() => { throw new Error('expected a failure'); }, (e: { code: number; stderr: string }) => e);

describe('npx sipas analyze', () => {
  it('prints the contract JSON: groups per district with every index and its uncertainty', async () => {
    const { stdout } = await sipas(['analyze', golden('microdata.csv'), '--questionnaire', '2024', '--by', 'district', '--format', 'json']);
    const result = JSON.parse(stdout);
    expect(result.groups.map((g: { code: string }) => g.code)).toEqual(['660', '661', '662', '663', '664', '665', '666', '667']);
    const group = result.groups[0];
    expect(group).toMatchObject({ level: 'district', code: '660', name: 'Thành phố Gia Nghĩa' });
    expect(group.indices.map((i: { index: string }) => i.index)).toEqual(expect.arrayContaining(['A1_1', 'B5_3', 'A1', 'B5', 'policy', 'service', 'SIPAS']));
    expect(Object.keys(group.indices[0])).toEqual(['index', 'estimate', 'se', 'ci_low', 'ci_high', 'ci_logit_low', 'ci_logit_high', 'n', 'weight_sum', 'deff', 'n_eff', 'reliable', 'psus', 'variance_estimable', 'issues']);
    expect(Object.keys(group.indices.find((i: { index: string }) => i.index === 'SIPAS'))).toContain('missing_components');
    const reference = JSON.parse(await readFile(golden('reference.json'), 'utf8')).column.find((r: { group: string; index: string }) => r.group === '660' && r.index === 'SIPAS');
    const sipasIndex = group.indices.find((i: { index: string }) => i.index === 'SIPAS');
    expect(Math.abs(sipasIndex.estimate - reference.estimate) / reference.estimate).toBeLessThan(1e-9);
    expect(Math.abs(sipasIndex.se - reference.se) / reference.se).toBeLessThan(1e-9);
  });

  it('applies a frame and raking from files, and writes CSV and XLSX', async () => {
    const csvFile = join(dir, 'out.csv');
    await sipas(['analyze', golden('microdata.csv'), '--questionnaire', '2024', '--by', 'all', '--frame', golden('frame.csv'), '--format', 'csv', '--out', csvFile]);
    const csv = await readFile(csvFile);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe('level,code,name,index,estimate,se,ci_low,ci_high,ci_logit_low,ci_logit_high,n,weight_sum,deff,n_eff,reliable,psus,variance_estimable,issues,missing_provinces,missing_components');
    expect(lines[1]).toMatch(/^all,all,Toàn bộ mẫu,A1_1,/);
    const frameReference = JSON.parse(await readFile(golden('reference.json'), 'utf8')).frame.find((r: { group: string; index: string }) => r.group === 'all' && r.index === 'A1_1');
    expect(Math.abs(Number(lines[1].split(',')[4]) - frameReference.estimate)).toBeLessThan(1e-9);

    const xlsxFile = join(dir, 'out.xlsx');
    await sipas(['analyze', golden('microdata.csv'), '--questionnaire', '2024', '--by', 'district', '--rake', golden('margins.csv'), '--format', 'xlsx', '--out', xlsxFile]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['indices', 'items', 'options']);
    expect(workbook.getWorksheet('indices')!.getRow(2).getCell(3).value).toBe('Thành phố Gia Nghĩa');
  });

  it('explains a file it cannot use, line by line', async () => {
    const error = await failure(['analyze', golden('margins.csv'), '--questionnaire', '2024']);
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('cột A1_1');
    expect((await failure(['analyze', golden('microdata.csv')])).code).toBe(2);
  });
});

describe('npx sipas rake', () => {
  it('prints raked weights as CSV and the report on standard error', async () => {
    const { stdout, stderr } = await sipas(['rake', golden('microdata.csv'), '--margins', golden('margins.csv')]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('response_id,weight');
    expect(lines).toHaveLength(1501);
    const reference = JSON.parse(await readFile(golden('reference.json'), 'utf8')).raked_weights as number[];
    expect(Math.abs(Number(lines[1].split(',')[1]) - reference[0]) / reference[0]).toBeLessThan(1e-8);
    expect(stderr).toMatch(/raking converged after \d+ iteration/);
    expect(stderr).toMatch(/Kish effective n: [\d.]+ before, [\d.]+ after/);
    expect(stderr).toContain('sex=nu');
  });
});
