/**
 * Passwords at the command line: never taken from its arguments, never echoed — typed at a real
 * terminal (a pseudo-terminal made by script(1)) or piped in — and what the other account commands
 * (password, reset, role, disable) do, audited, keeping the last active administrator.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { auditTrail } from '../../db/queries/audit.ts';
import { findUserByUsername } from '../../db/queries/users.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { redeemPasswordReset } from '../../server/domain/accounts/password-resets.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipas-cli-passwords-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data'), SIPAS_PASSWORD: '', SIPAS_PUBLIC_URL: 'https://sipas.example.vn' });

interface Run {
  code: number;
  output: string;
}

/** Runs `sipas ARGS` with `input` on standard input (a pipe), collecting everything it writes. */
function sipas(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sipas.mjs', ...args], { env: env() }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ).stdin!.end(input);
  });
}

/**
 * Runs `sipas ARGS` on a pseudo-terminal, typing each answer only once its prompt is on the screen,
 * as a person would; returns all the terminal showed.
 */
function sipasOnTerminal(args: string[], answers: Array<{ after: RegExp; type: string }>): Promise<Run> {
  const command = [process.execPath, 'bin/sipas.mjs', ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: env() });
  let screen = '';
  let next = 0;
  let answeredUpTo = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    while (next < answers.length && answers[next].after.test(screen.slice(answeredUpTo))) {
      answeredUpTo = screen.length;
      child.stdin.write(`${answers[next++].type}\r`);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      child.stdin.destroy();
      resolve({ code: code ?? -1, output: screen });
    }),
  );
}

async function inDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

const storedPasswordIs = (username: string, password: string) =>
  inDatabase(async (db) => verifyPassword(password, (await findUserByUsername(db, username))!.passwordHash));

describeOnPgliteOnly('passwords at the command line', () => {
  it('asks twice at a terminal with nothing shown as it is typed, and the account logs in with it', async () => {
    const secret = 'gõ-ở-bàn-phím-không-hiện';
    const run = await sipasOnTerminal(
      ['user', 'add', 'quantri', '--role', 'admin', '--name', 'Quản trị'],
      [
        { after: /new password/, type: secret },
        { after: /again/, type: secret },
      ],
    );
    expect(run.output).toContain('created admin quantri');
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(secret);
    expect(await storedPasswordIs('quantri', secret)).toBe(true);
  }, 120_000);

  it('refuses two different passwords typed at the terminal, showing neither', async () => {
    const run = await sipasOnTerminal(
      ['user', 'add', 'khac.nhau', '--role', 'keyer'],
      [
        { after: /new password/, type: 'mat-khau-thu-nhat' },
        { after: /again/, type: 'mat-khau-thu-hai' },
      ],
    );
    expect(run.code).toBe(2);
    expect(run.output).toContain('the two passwords typed differ');
    expect(run.output).not.toMatch(/mat-khau-thu/);
  }, 120_000);

  it('never takes a password from the arguments, and does not repeat it when refusing', async () => {
    const secret = 'trong-dòng-lệnh-123';
    for (const args of [
      ['user', 'add', 'lo.ra', '--role', 'keyer', `--password=${secret}`],
      ['user', 'add', 'lo.ra', '--role', 'keyer', '--password', secret],
      ['user', 'password', 'lo.ra', '-pw', secret],
    ]) {
      const run = await sipas(args, '');
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.output).toContain('passwords are never taken on the command line');
      expect(run.output).not.toContain(secret);
    }
    expect((await sipas(['user', 'list'])).output).not.toContain('lo.ra');
  }, 120_000);

  it('reads it from standard input with --password-stdin, writing nothing of it', async () => {
    const secret = 'từ-đầu-vào-chuẩn-456';
    const run = await sipas(['user', 'add', 'lan', '--role', 'manager', '--name', 'Nguyễn Thị Lan', '--password-stdin'], `${secret}\n`);
    expect(run).toEqual({ code: 0, output: expect.stringMatching(/^created manager lan \(id \d+\)\n$/) });
    expect(await storedPasswordIs('lan', secret)).toBe(true);
    const weak = await sipas(['user', 'add', 'yeu', '--role', 'keyer', '--password-stdin'], 'ngắn\n');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('Mật khẩu cần ít nhất 10 ký tự');
    expect(weak.output).not.toContain('ngắn\n');
  }, 120_000);

  it('sets a password, ending the account’s sessions, audited without the password', async () => {
    const secret = 'mật-khẩu-đặt-lại-789';
    const run = await sipas(['user', 'password', 'LAN', '--password-stdin'], `${secret}\n`);
    expect(run).toEqual({ code: 0, output: 'lan (manager): password set; its sessions have ended\n' });
    expect(await storedPasswordIs('lan', secret)).toBe(true);
    const trail = await inDatabase(async (db) => auditTrail(db, 'user', String((await findUserByUsername(db, 'lan'))!.id)));
    expect(trail.map((e) => [e.action, e.newValue])).toEqual([['set_password', null]]);
    expect(JSON.stringify(trail)).not.toContain(secret);
  }, 120_000);

  it('prints a one-time reset code and link that set the password once', async () => {
    const run = await sipas(['user', 'reset', 'lan']);
    expect(run.code).toBe(0);
    const [, code] = run.output.match(/shown only now:\n {2}(\S+)\n/) ?? [];
    expect(run.output).toContain(`https://sipas.example.vn/staff/reset-password#user=lan&code=${code}`);
    await inDatabase((db) => redeemPasswordReset(db, { username: 'lan', code, password: 'đặt-bằng-mã-một-lần' }));
    expect(await storedPasswordIs('lan', 'đặt-bằng-mã-một-lần')).toBe(true);
    await expect(inDatabase((db) => redeemPasswordReset(db, { username: 'lan', code, password: 'lần-thứ-hai-bị-từ-chối' }))).rejects.toThrow(/reset code/);
  }, 120_000);

  it('changes roles and disables accounts, but never the last active administrator', async () => {
    expect(await sipas(['user', 'role', 'lan', 'analyst'])).toEqual({ code: 0, output: 'lan: analyst\n' });
    const demote = await sipas(['user', 'role', 'quantri', 'manager']);
    expect(demote.code).toBe(1);
    expect(demote.output).toContain('quản trị viên cuối cùng');
    expect((await sipas(['user', 'disable', 'quantri'])).code).toBe(1);
    expect(await sipas(['user', 'disable', 'lan'])).toEqual({ code: 0, output: 'lan (analyst): disabled; its sessions have ended\n' });
    expect((await sipas(['user', 'list'])).output).toContain('lan\tanalyst\tdisabled');
    expect((await sipas(['user', 'enable', 'lan'])).code).toBe(0);
  }, 240_000);
});
