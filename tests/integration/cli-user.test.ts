import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { auditTrail } from '../../db/queries/audit.ts';
import { reserveAttempt } from '../../db/queries/log-in-throttle.ts';
import { defaultThrottle, logInBlockedUntil } from '../../server/domain/accounts/log-in-throttle.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-user-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sipas = (args: string[], extraEnv: Record<string, string> = {}) =>
  promisify(execFile)('node', ['bin/sipas.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data'), ...extraEnv },
  });

describeOnPgliteOnly('npx sipas user', () => {
  it('creates accounts with a role and lists them, refusing a weak password with a reason', async () => {
    const created = await sipas(['user', 'add', 'Quan.Tri', '--role', 'admin', '--name', 'Quản trị viên'], { SIPAS_PASSWORD: 'một-mật-khẩu-dài' });
    expect(created.stdout).toMatch(/^created admin quan\.tri \(id \d+\)/);
    const weak = await sipas(['user', 'add', 'keyer1', '--role', 'keyer'], { SIPAS_PASSWORD: 'short' }).catch((e: { stderr: string; code: number }) => e);
    expect(weak).toMatchObject({ code: 1 });
    expect((weak as { stderr: string }).stderr).toContain('Mật khẩu cần ít nhất 10 ký tự');
    const list = await sipas(['user', 'list']);
    expect(list.stdout.trim()).toBe('quan.tri\tadmin\tactive\tQuản trị viên');
  });

  it('unlocks an account held back by failed log-ins, from every address, audited', async () => {
    await sipas(['user', 'add', 'nhap.lieu', '--role', 'keyer'], { SIPAS_PASSWORD: 'một-mật-khẩu-dài' });
    const held = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      for (const address of ['203.0.113.1', '203.0.113.2']) {
        for (let k = 0; k < defaultThrottle.freeFailures; k++) expect(await reserveAttempt(held.db, 'nhap.lieu', address, defaultThrottle)).toBe(true);
        expect(await reserveAttempt(held.db, 'nhap.lieu', address, defaultThrottle)).toBe(false);
      }
      expect((await logInBlockedUntil(held.db, ['nhap.lieu'], defaultThrottle)).get('nhap.lieu')).not.toBeNull();
    } finally {
      await held.close();
    }
    const unlocked = await sipas(['user', 'unlock', 'Nhap.Lieu']);
    expect(unlocked.stdout.trim()).toBe('nhap.lieu (keyer): log-ins no longer held back');
    const after = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      expect((await logInBlockedUntil(after.db, ['nhap.lieu'], defaultThrottle)).get('nhap.lieu')).toBeNull();
      expect(await reserveAttempt(after.db, 'nhap.lieu', '203.0.113.1', defaultThrottle)).toBe(true);
      const trail = await auditTrail(after.db, 'user', '2');
      expect(trail.map((e) => [e.action, e.userId])).toEqual([['unlock_log_in', null]]);
    } finally {
      await after.close();
    }
    const unknown = await sipas(['user', 'unlock', 'nobody']).catch((e: { stderr: string; code: number }) => e);
    expect(unknown).toMatchObject({ code: 2 });
  }, 240_000);
});
