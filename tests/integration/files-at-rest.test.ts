/**
 * Files at rest are their owner's alone, whatever the umask the platform is started with: the
 * embedded database's folder (0700, its files 0600), the generated secret, every backup and the
 * folder a restore keeps aside; and what an earlier version or a careless copy left readable by
 * others is made owner-only again, with a warning, by the server and by the commands that open it.
 * Every program here runs with umask 000, the most permissive. (The folder is PGlite's; the
 * pg_dump file is tested on the PostgreSQL of DATABASE_URL when it is set.)
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../db/backup/postgres-dump.ts';
import { repositoryRoot, startServer } from '../../checks/support/server-process.ts';
import { createPostgresDatabase } from '../support/database.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sipas-at-rest-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `sipas ARGS` under umask 000, in `cwd`. */
function sipas(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, join(repositoryRoot, 'bin/sipas.mjs'), ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: '', SIPAS_PUBLIC_URL: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const mode = (path: string) => lstatSync(path).mode & 0o777;

/** Every folder and file under `path` (itself included) whose mode lets anyone but the owner in. */
function openToOthers(path: string): string[] {
  const found: string[] = [];
  const visit = (at: string) => {
    const stat = lstatSync(at);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) found.push(`${at} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(at)) visit(join(at, name));
  };
  visit(path);
  return found;
}

/** What a careless copy or an older version might leave: everything readable (and folders listable) by all. */
function loosen(path: string): void {
  const stat = statSync(path);
  chmodSync(path, stat.isDirectory() ? 0o755 : 0o644);
  if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
}

describeOnPgliteOnly('the embedded database folder and its backups, under umask 000', () => {
  it('are made owner-only by the command line, and fixed with a warning when found open to others', async () => {
    const cwd = join(root, 'cli');
    mkdirSync(cwd);
    const data = join(cwd, 'data');
    const env = { SIPAS_DATA_DIR: data };

    expect(await sipas(cwd, ['migrate'], env)).toMatchObject({ code: 0 });
    expect(mode(data)).toBe(0o700);
    expect(openToOthers(data)).toEqual([]);

    const backup = await sipas(cwd, ['backup'], env);
    expect(backup).toMatchObject({ code: 0 });
    const [file] = readdirSync(cwd).filter((name) => name.startsWith('sipas-backup-'));
    expect(mode(join(cwd, file))).toBe(0o600);

    expect(await sipas(cwd, ['restore', '--force', file], env)).toMatchObject({ code: 0 });
    const [replaced] = readdirSync(cwd).filter((name) => name.startsWith('data.replaced-'));
    expect(openToOthers(data)).toEqual([]);
    expect(mode(join(cwd, replaced))).toBe(0o700);
    expect(openToOthers(join(cwd, replaced))).toEqual([]);

    for (const path of [data, join(cwd, replaced), join(cwd, file)]) loosen(path);
    const listed = await sipas(cwd, ['user', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain(
      `Warning: The database folder ${data} could be read by other users of this computer; it is now readable by its owner only.`,
    );
    expect(listed.stderr).toContain(`Warning: The backup ${join(cwd, replaced)} could be read by other users`);
    expect(listed.stderr).toContain(`Warning: The backup ${join(cwd, file)} could be read by other users`);
    for (const path of [data, join(cwd, replaced), join(cwd, file)]) expect(openToOthers(path)).toEqual([]);

    // Fixed once: the next command has nothing to say.
    expect((await sipas(cwd, ['user', 'list'], env)).stderr).not.toContain('Warning');
  }, 300_000);

  it('and the generated secret are made owner-only by the server, and fixed with a warning when found open to others', async () => {
    const cwd = join(root, 'server');
    mkdirSync(cwd);
    const data = join(cwd, 'data');
    const secret = join(cwd, 'sipas-secret');
    const env = { SIPAS_DATA_DIR: data, DATABASE_URL: '', SIPAS_SECRET: '', SIPAS_SECRET_FILE: secret, SIPAS_PUBLIC_URL: '' };

    let server = await startServer({ env, umask: 0, timeoutMs: 240_000 });
    expect(mode(secret)).toBe(0o600);
    expect(mode(data)).toBe(0o700);
    expect(await server.stop()).toBe(0);
    expect(openToOthers(data)).toEqual([]);

    loosen(data);
    chmodSync(secret, 0o644);
    server = await startServer({ env, umask: 0, timeoutMs: 240_000 });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain(`Warning: The database folder ${data} could be read by other users`);
    expect(server.output()).toContain(`Warning: The secret file ${secret} could be read by other users`);
    expect(mode(secret)).toBe(0o600);
    expect(openToOthers(data)).toEqual([]);
  }, 600_000);
});

const serverUrl = process.env.DATABASE_URL;
describe.runIf(serverUrl && findTool('pg_dump'))('a pg_dump backup, under umask 000', () => {
  it('is written owner-only', async () => {
    const cwd = join(root, 'postgres');
    mkdirSync(cwd);
    const database = await createPostgresDatabase(serverUrl!, 'sipas_at_rest');
    try {
      expect(await sipas(cwd, ['migrate'], { DATABASE_URL: database.url })).toMatchObject({ code: 0 });
      const run = await sipas(cwd, ['backup', 'sipas.dump'], { DATABASE_URL: database.url });
      expect(run).toMatchObject({ code: 0 });
      expect(existsSync(join(cwd, 'sipas.dump'))).toBe(true);
      expect(mode(join(cwd, 'sipas.dump'))).toBe(0o600);
    } finally {
      await database.drop();
    }
  }, 180_000);
});
