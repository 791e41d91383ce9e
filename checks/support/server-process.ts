/**
 * The server as a separate operating-system process, the way it runs in production (`node` running
 * bin/server.mjs, the compiled server, no npm wrapper in between, so a signal reaches the server itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resolves with the exit code (or the signal's name) when the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then waits for the graceful exit. */
  stop(): Promise<number | string>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<number | string>;
  /** The last lines the process wrote, for diagnostics. */
  output(): string;
  /** CPU time (user + system) the process has used so far, in ms; undefined where /proc is missing. */
  cpuMs(): number | undefined;
}

/** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export interface StartOptions {
  env: Record<string, string | undefined>;
  port?: number;
  timeoutMs?: number;
  /** Start it with this umask (through sh, which then execs node: signals still reach the server). */
  umask?: number;
}

export async function startServer({ env, port, timeoutMs = 60_000, umask }: StartOptions): Promise<ServerProcess> {
  const listenPort = port ?? (await freePort());
  const command = [process.execPath, 'bin/server.mjs'];
  const [program, ...args] = umask === undefined ? command : ['sh', '-c', `umask ${umask.toString(8).padStart(3, '0')} && exec "$0" "$@"`, ...command];
  const child: ChildProcess = spawn(program, args, {
    cwd: repositoryRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(listenPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  const url = `http://127.0.0.1:${listenPort}`;
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    exited,
    output: () => lines.join('\n'),
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      return exited;
    },
  };

  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended) throw new Error(`the server exited while starting:\n${server.output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy within ${timeoutMs} ms:\n${server.output()}`);
}
