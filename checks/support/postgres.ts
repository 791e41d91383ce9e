/**
 * PostgreSQL for the harnesses: a throwaway server of our own (so that restarting it in immediate
 * mode harms nobody else's work), or an existing one with the command that restarts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.ts';

export interface PostgresServer {
  url: string;
  /** Stops PostgreSQL at once, without a checkpoint (as a power cut would), and starts it again. */
  restartImmediately(): void;
  /** Stops the server and removes what it wrote, when the harness made it. */
  dispose(): void;
  describe: string;
}

function binDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = readdirSync('/usr/lib/postgresql', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin`);
  // Debian's pg_config may come from the client package; the server binaries live per version.
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (found) return found;
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql or pass --database-url');
}

/** Runs a PostgreSQL program as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asOwner(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/** A PostgreSQL server of our own in a temporary folder, on a free port, with default durability settings. */
export async function privatePostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'sipas-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const pgCtl = (...args: string[]) => asOwner(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', ...args]);
  pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    describe: `a private PostgreSQL (${bin}) on port ${port}`,
    restartImmediately: () => pgCtl('-m', 'immediate', 'restart'),
    dispose() {
      try {
        pgCtl('-m', 'fast', 'stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The Debian cluster that listens on the URL's port, restarted with pg_ctlcluster. */
export function debianClusterRestart(url: string): string | undefined {
  const port = new URL(url).port || '5432';
  const listed = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (listed.status !== 0) return undefined;
  const line = listed.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols[2] === port);
  return line ? `pg_ctlcluster ${line[0]} ${line[1]} restart -m immediate` : undefined;
}

/** An existing server, restarted by a shell command (found for Debian clusters when not given). */
export function existingPostgres(url: string, restartCommand: string | undefined): PostgresServer {
  const command = restartCommand ?? debianClusterRestart(url);
  return {
    url,
    describe: `PostgreSQL at ${new URL(url).host} (restart: ${command ?? 'none known'})`,
    restartImmediately() {
      if (!command) throw new Error('no command to restart PostgreSQL: pass --pg-restart "…"');
      const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}${result.stderr}`);
    },
    dispose() {},
  };
}
