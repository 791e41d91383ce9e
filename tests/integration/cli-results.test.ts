import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-cli-results-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sipas = (args: string[]) =>
  promisify(execFile)('node', ['bin/sipas.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') } });

describeOnPgliteOnly('npx sipas for results', () => {
  it('loads demo responses into the demo round, sets its frame from the listed strata, and publishes it once closed', async () => {
    expect((await sipas(['demo-responses', '--count', '60'])).stdout).toContain('round DN-2025-H1: 60 demo responses added');
    const listed = (await sipas(['frame', 'DN-2025-H1'])).stdout.trim().split('\n');
    expect(listed[0]).toBe('round DN-2025-H1: no frame (unweighted)');
    const strata = listed.slice(2).map((line) => line.split('\t')[0]);
    expect(strata).toContain('660-office');
    const file = join(dir, 'frame.csv');
    await writeFile(file, `stratum,population\n${strata.map((s) => `${s},5000`).join('\n')}\n`);
    expect((await sipas(['frame', 'DN-2025-H1', file])).stdout).toContain(`frame of ${strata.length} strata saved`);
    const refused = await sipas(['rounds', 'publish', 'DN-2025-H1']).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('hãy đóng đợt') });
    expect((await sipas(['rounds', 'close', 'DN-2025-H1'])).stdout.trim()).toBe('round DN-2025-H1: closed');
    const unacknowledged = await sipas(['rounds', 'publish', 'DN-2025-H1']).catch((error: { code: number; stderr: string }) => error);
    expect(unacknowledged).toMatchObject({ code: 1, stderr: expect.stringContaining('--acknowledge') });
    expect((await sipas(['rounds', 'publish', 'DN-2025-H1', '--acknowledge'])).stdout.trim()).toMatch(/round DN-2025-H1: published$/);
  }, 180_000);
});
