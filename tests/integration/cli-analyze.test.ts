import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-analyze-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const golden = (name: string) => `tests/golden/${name}`;
const sipas = (args: string[]) => promisify(execFile)('node', ['bin/sipas.mjs', ...args], { maxBuffer: 64 * 1024 * 1024 });
const failure = (args: string[]) =>
  sipas(args).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: { code: number; stderr: string; stdout: string }) => e,
  );

describeOnPgliteOnly('npx sipas analyze', () => {
  it('prints the contract JSON: groups per district with every index and its uncertainty', async () => {
    const { stdout } = await sipas(['analyze', golden('microdata.csv'), '--questionnaire', '2024', '--by', 'district', '--format', 'json']);
    const result = JSON.parse(stdout);
    expect(result.groups.map((g: { code: string }) => g.code)).toEqual(['660', '661', '662', '663', '664', '665', '666', '667']);
    const group = result.groups[0];
    expect(group).toMatchObject({ level: 'district', code: '660', name: 'Thành phố Gia Nghĩa' });
    expect(group.indices.map((i: { index: string }) => i.index)).toEqual(expect.arrayContaining(['A1_1', 'B5_3', 'A1', 'B5', 'policy', 'service', 'SIPAS']));
    expect(Object.keys(group.indices[0])).toEqual([
      'index',
      'estimate',
      'se',
      'ci_low',
      'ci_high',
      'ci_logit_low',
      'ci_logit_high',
      'n',
      'weight_sum',
      'deff',
      'n_eff',
      'reliable',
      'psus',
      'variance_estimable',
      'issues',
    ]);
    expect(Object.keys(group.indices.find((i: { index: string }) => i.index === 'SIPAS'))).toContain('missing_components');
    const reference = JSON.parse(await readFile(golden('reference.json'), 'utf8')).column.find(
      (r: { group: string; index: string }) => r.group === '660' && r.index === 'SIPAS',
    );
    const sipasIndex = group.indices.find((i: { index: string }) => i.index === 'SIPAS');
    expect(Math.abs(sipasIndex.estimate - reference.estimate) / reference.estimate).toBeLessThan(1e-9);
    expect(Math.abs(sipasIndex.se - reference.se) / reference.se).toBeLessThan(1e-9);
  });

  it('applies a frame and raking from files, and writes CSV and XLSX', async () => {
    const csvFile = join(dir, 'out.csv');
    await sipas([
      'analyze',
      golden('microdata.csv'),
      '--questionnaire',
      '2024',
      '--by',
      'all',
      '--frame',
      golden('frame.csv'),
      '--format',
      'csv',
      '--out',
      csvFile,
    ]);
    const csv = await readFile(csvFile);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'level,code,name,index,estimate,se,ci_low,ci_high,ci_logit_low,ci_logit_high,n,weight_sum,deff,n_eff,reliable,psus,variance_estimable,issues,missing_provinces,missing_components',
    );
    expect(lines[1]).toMatch(/^all,all,Toàn bộ mẫu,A1_1,/);
    const frameReference = JSON.parse(await readFile(golden('reference.json'), 'utf8')).frame.find(
      (r: { group: string; index: string }) => r.group === 'all' && r.index === 'A1_1',
    );
    expect(Math.abs(Number(lines[1].split(',')[4]) - frameReference.estimate)).toBeLessThan(1e-9);

    const xlsxFile = join(dir, 'out.xlsx');
    await sipas([
      'analyze',
      golden('microdata.csv'),
      '--questionnaire',
      '2024',
      '--by',
      'district',
      '--rake',
      golden('margins.csv'),
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
    ]);
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

describeOnPgliteOnly('npx sipas analyze refuses files it cannot read for what they are', () => {
  const goldenText = () => readFile(golden('microdata.csv'), 'utf8');
  const write = async (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    await writeFile(file, content);
    return file;
  };
  const analyze = (file: string, extra: string[] = []) => failure(['analyze', file, '--questionnaire', '2024', ...extra]);

  it('names the line of a byte that is not UTF-8', async () => {
    const [header, first, second] = (await goldenText()).split('\n');
    const bytes = Buffer.concat([Buffer.from(`${header}\n${first}\n`), Buffer.from(second.replace('SYN-1', 'SYN-\u00fc'), 'latin1')]);
    const error = await analyze(await write('latin1.csv', bytes));
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/line 3: not UTF-8 text/);
  });

  it('refuses a semicolon-separated file, a header without rows, a repeated column and an empty file', async () => {
    const text = await goldenText();
    expect((await analyze(await write('semicolon.csv', text.replaceAll(',', ';')))).stderr).toMatch(/not comma-separated/);
    expect((await analyze(await write('header-only.csv', `${text.split('\n')[0]}\n`))).stderr).toMatch(/has a header but no rows/);
    const [header, ...rows] = text.split('\n');
    expect((await analyze(await write('twice.csv', [header.replace('sex,', 'psu,'), ...rows].join('\n')))).stderr).toMatch(
      /column "psu" appears more than once/,
    );
    expect((await analyze(await write('empty.csv', ''))).stderr).toMatch(/is empty/);
  });

  it('lists rows without stratum or PSU and weights that are not plain decimals, by line and column', async () => {
    const [header, ...rows] = (await goldenText()).trim().split('\n');
    const cells = rows.slice(0, 4).map((r) => r.split(','));
    cells[0][5] = '';
    cells[1][6] = '';
    cells[2][7] = '0x1A';
    cells[3][7] = '1,5';
    const error = await analyze(
      await write('design.csv', `${[header, ...cells.map((c) => c.map((v) => (v.includes(',') ? `"${v}"` : v)).join(','))].join('\n')}\n`),
    );
    expect(error.stderr).toMatch(/dòng 2, cột stratum/);
    expect(error.stderr).toMatch(/dòng 3, cột psu/);
    expect(error.stderr).toMatch(/dòng 4, cột weight, giá trị "0x1A"/);
    expect(error.stderr).toMatch(/dòng 5, cột weight, giá trị "1,5".*decimal mark is a point/);
  });

  it('refuses a --by level the file lacks, a frame population written with a thousands separator, and an unknown lonely-PSU option', async () => {
    expect((await analyze(golden('microdata.csv'), ['--by', 'office'])).stderr).toMatch(/no column "office"/);
    const frame = await write('frame.csv', (await readFile(golden('frame.csv'), 'utf8')).replace('20000', '20.000'));
    expect((await analyze(golden('microdata.csv'), ['--frame', frame])).stderr).toMatch(/line 2, column population: "20.000" — .*whole number/);
    expect((await analyze(golden('microdata.csv'), ['--lonely-psu', 'drop'])).code).toBe(2);
  });
});

describeOnPgliteOnly('npx sipas analyze over several provinces', () => {
  const national = (name: string) => `tests/golden/national/${name}`;

  it('ranks units with intervals and compares with the previous round through the mapping', async () => {
    const { stdout } = await sipas([
      'analyze',
      national('current.csv'),
      '--questionnaire',
      '2024',
      '--by',
      'all,province,commune',
      '--rank',
      '--previous',
      national('previous.csv'),
      '--mappings',
      national('map.csv'),
    ]).catch((e) => {
      throw new Error(e.stderr);
    });
    const result = JSON.parse(stdout);
    expect(result.method.provinces.populations).toHaveProperty('60');
    const national68 = result.rankings.find(
      (r: { level: string; index: string; within: string | null }) => r.level === 'commune' && r.index === 'SIPAS' && r.within === '68',
    );
    expect(national68.units.every((u: { rank_low: number; rank: number; rank_high: number }) => u.rank_low <= u.rank && u.rank <= u.rank_high)).toBe(true);
    const comparison = result.comparison;
    expect(comparison.versions.identical).toBe(true);
    const province68 = comparison.differences.find(
      (d: { level: string; code: string; index: string }) => d.level === 'province' && d.code === '68' && d.index === 'SIPAS',
    );
    expect(province68.previous_units).toEqual(['67', '68']);
    expect(province68.significant === null || typeof province68.significant === 'boolean').toBe(true);
    expect(comparison.rank_changes.length).toBeGreaterThan(0);
  });

  it('refuses the lonely-PSU option "fail" on a design with a single-PSU stratum, naming it', async () => {
    const error = await failure(['analyze', national('current.csv'), '--questionnaire', '2024', '--lonely-psu', 'fail']);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/stratum "603-paper".* has only one PSU/);
  });
});

describeOnPgliteOnly('npx sipas rake', () => {
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

  it('is an error that prints the largest margin gap, and writes no weights, when raking does not converge', async () => {
    const error = await failure(['rake', golden('microdata.csv'), '--margins', golden('margins.csv'), '--max-iterations', '1', '--tolerance', '1e-14']);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/did not converge: the largest margin gap is [\d.]+e[-+]\d+ \(relative\) after 1 iterations/);
    expect((error as unknown as { stdout: string }).stdout).toBe('');
  });

  it('refuses impossible margins before raking', async () => {
    const margins = join(dir, 'impossible.csv');
    await writeFile(margins, 'variable,category,total\nsex,nam,1000\nsex,nu,399000\n');
    const error = await failure(['rake', golden('microdata.csv'), '--margins', margins, '--bounds', '0.5,2']);
    expect(error.stderr).toMatch(/margin sex=nam: the target 1000 is outside what the bounds allow/);
  });
});
