/**
 * Slow and hung clients against the real server process (`server/main.ts`, as `npm start` runs
 * it, on PGlite or on the PostgreSQL of DATABASE_URL): a hundred slow-loris connections do not keep
 * others from being served, and SIGTERM stops the server within 10 s whatever they do. Also what
 * the process says at start about the address it prints.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { prepareDatabase } from '../../checks/support/fixture.ts';
import { repositoryRoot, startServer, type ServerProcess } from '../../checks/support/server-process.ts';
import { createPostgresDatabase } from '../support/database.ts';
import { randomLinkSubmission } from '../support/random-responses.ts';
import { idleKeepAlive, slowBody, slowHeaders, stalledReader, within, type SlowClient } from '../support/slow-clients.ts';

let folder: string;
let dropDatabase: (() => Promise<void>) | undefined;
let env: Record<string, string>;
let tokens: string[];
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sipas-slow-process-'));
  const base = { SIPAS_SECRET: 'x'.repeat(40), SIPAS_PUBLIC_URL: '', SIPAS_TRUST_PROXY: '' };
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    dropDatabase = created.drop;
    ({ tokens } = await prepareDatabase({ url: created.url }, 1));
    env = { ...base, DATABASE_URL: created.url };
  } else {
    ({ tokens } = await prepareDatabase({ dataDir: join(folder, 'data') }, 1));
    env = { ...base, DATABASE_URL: '', SIPAS_DATA_DIR: join(folder, 'data') };
  }
  server = await startServer({ env, timeoutMs: 150_000 });
  // Preparing the database and starting the process take minutes on a machine busy with other tests.
}, 300_000);
afterAll(async () => {
  if (server) await server.kill();
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
});

const post = (body: object) =>
  fetch(`${server!.url}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });

describe('the server process', () => {
  it('warns at start that it prints its own address when SIPAS_PUBLIC_URL is not set', async () => {
    // The server answers as soon as it listens, and prints its start-up message just after.
    await expect.poll(() => server!.output()).toContain('Warning: SIPAS_PUBLIC_URL is not set');
  });

  it('keeps answering others while a hundred slow-loris connections send headers and bodies byte by byte', async () => {
    const url = server!.url;
    const clients = await Promise.all(Array.from({ length: 100 }, (_, k) => (k % 2 === 0 ? slowHeaders(url) : slowBody(url))));
    try {
      for (let k = 0; k < 10; k++) expect((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
      expect((await post(randomLinkSubmission(seededQuestionnaire('2024')!, tokens[0]))).status).toBe(201);
      expect(clients.filter((c) => c.isOpen()).length).toBe(100);
    } finally {
      for (const c of clients) c.end();
    }
  });

  it('stops within 10 s of SIGTERM, exiting cleanly, whatever its clients hold open', async () => {
    const url = server!.url;
    const held: SlowClient[] = await Promise.all([
      ...Array.from({ length: 20 }, () => slowHeaders(url)),
      ...Array.from({ length: 20 }, () => slowBody(url)),
      ...Array.from({ length: 10 }, () => idleKeepAlive(url)),
      ...Array.from({ length: 5 }, () => stalledReader(url, '/api/openapi.json')),
    ]);
    // A phone posting steadily while the server stops: what it acknowledged stays acknowledged.
    let posting = true;
    const phone = (async () => {
      while (posting) {
        try {
          await post(randomLinkSubmission(seededQuestionnaire('2024')!, tokens[0]));
        } catch {
          return;
        }
      }
    })();
    const stopping = server!.stop();
    const stoppedInTime = await within(10_000, stopping);
    posting = false;
    await phone;
    for (const c of held) c.end();
    expect(stoppedInTime).toBe(true);
    expect(await stopping).toBe(0);
    server = undefined;
  });
});

describe('the server process with a wrong SIPAS_PUBLIC_URL', () => {
  it('refuses to start, saying why, without a stack trace', async () => {
    const child = spawn(process.execPath, ['bin/server.mjs'], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env, SIPAS_PUBLIC_URL: 'khaosat.example.vn/?from=poster', PORT: '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('SIPAS cannot start: SIPAS_PUBLIC_URL must be an absolute address');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
