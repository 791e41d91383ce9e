import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-user-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sipas = (args: string[], extraEnv: Record<string, string> = {}) =>
  promisify(execFile)('node', ['bin/sipas.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data'), ...extraEnv },
  });

describe('npx sipas user', () => {
  it('creates accounts with a role and lists them, refusing a weak password with a reason', async () => {
    const created = await sipas(['user', 'add', 'Quan.Tri', '--role', 'admin', '--name', 'Quản trị viên'], { SIPAS_PASSWORD: 'một-mật-khẩu-dài' });
    expect(created.stdout).toMatch(/^created admin quan\.tri \(id \d+\)/);
    const weak = await sipas(['user', 'add', 'keyer1', '--role', 'keyer'], { SIPAS_PASSWORD: 'short' }).catch((e: { stderr: string; code: number }) => e);
    expect(weak).toMatchObject({ code: 1 });
    expect((weak as { stderr: string }).stderr).toContain('Mật khẩu cần ít nhất 10 ký tự');
    const list = await sipas(['user', 'list']);
    expect(list.stdout.trim()).toBe('quan.tri\tadmin\tactive\tQuản trị viên');
  });
});
