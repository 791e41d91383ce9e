/**
 * Slow and hung clients against the app listening on a real socket: each kind of slow client is
 * cut off by its timeout (set short here; server/connections.ts has the real ones), and a graceful
 * close ends whatever clients hold open after its grace period, storing what it acknowledged.
 * The same attacks on the real server process are in slow-clients-process.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../../db/schema/index.ts';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { closeGracefully } from '../../server/connections.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { unlimited } from '../support/rate-limits.ts';
import { idleKeepAlive, slowBody, slowHeaders, stalledReader, within } from '../support/slow-clients.ts';
import { officeSubmission } from '../support/submissions.ts';

const BIG = 48 * 1024 * 1024;
let uiRoot: string;
let database: TestDatabase;
let app: FastifyInstance | undefined;
let url: string;
beforeAll(async () => {
  uiRoot = mkdtempSync(join(tmpdir(), 'sipas-slow-'));
  // Far more than the kernel's socket buffers hold, so a reader that stops reading stalls the reply.
  writeFileSync(join(uiRoot, 'big.bin'), randomBytes(BIG));
  database = await openTestDatabase();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(async () => {
  await database?.close();
  rmSync(uiRoot, { recursive: true, force: true });
});

async function listening(options: Partial<AppOptions>, on: TestDatabase = database): Promise<FastifyInstance> {
  app = await buildApp({ database: on, rateLimits: unlimited, uiRoot, publicUrl: { base: 'http://localhost', configured: false }, ...options });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

const health = () => fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });

describe('a slow client', () => {
  it('that sends its headers a byte at a time is answered 408 and cut off after the headers timeout', async () => {
    await listening({ timeouts: { headersMs: 600, checkEveryMs: 100 } });
    const loris = await slowHeaders(url, 50);
    expect(await within(10_000, loris.closed)).toBe(true);
    expect(loris.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('that sends its body a few bytes at a time is cut off after the request timeout, storing nothing', async () => {
    await listening({ timeouts: { requestMs: 1_000, checkEveryMs: 100 } });
    const before = await database.db.select({ id: responses.id }).from(responses);
    const slow = await slowBody(url, 50);
    expect(await within(10_000, slow.closed)).toBe(true);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    expect((await database.db.select({ id: responses.id }).from(responses)).length).toBe(before.length);
  });

  it('that keeps a connection open doing nothing is closed after the keep-alive timeout', async () => {
    await listening({ timeouts: { keepAliveMs: 500 } });
    const idle = await idleKeepAlive(url);
    expect(await within(10_000, idle.closed)).toBe(true);
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('that stops reading a big download is cut off after the idle timeout', async () => {
    await listening({ timeouts: { idleMs: 1_000 } });
    const reader = await stalledReader(url, '/big.bin');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    reader.socket.resume();
    expect(await within(15_000, reader.closed)).toBe(true);
    expect(reader.bytes()).toBeLessThan(BIG);
  });

  it('does not hold up others: a hundred of them open while health and a response are answered', async () => {
    await listening({});
    const clients = await Promise.all(Array.from({ length: 100 }, (_, k) => (k % 2 === 0 ? slowHeaders(url) : slowBody(url))));
    for (let k = 0; k < 5; k++) expect((await health()).status).toBe(200);
    const submission = officeSubmission();
    const posted = await fetch(`${url}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
      signal: AbortSignal.timeout(10_000),
    });
    expect(posted.status).toBe(201);
    expect(clients.filter((c) => c.isOpen()).length).toBe(100);
    for (const c of clients) c.end();
  });
});

describe('a graceful close', () => {
  it('ends after its grace period whatever clients hold open, keeping every response it acknowledged', async () => {
    const closing = await listening({});
    app = undefined; // closed by the test, not by afterEach
    const held = await Promise.all([
      stalledReader(url, '/big.bin'),
      stalledReader(url, '/big.bin'),
      slowBody(url),
      slowHeaders(url),
      idleKeepAlive(url),
      idleKeepAlive(url),
    ]);
    const acknowledged: string[] = [];
    const posting = Promise.all(
      Array.from({ length: 20 }, () => officeSubmission()).map(async (s) => {
        try {
          const res = await fetch(`${url}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s) });
          if (res.status === 201) acknowledged.push(s.id);
        } catch {
          // cut off by the close: never acknowledged
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The database is closed last; here it is only marked, so that the test can read it afterwards.
    let databaseClosed = false;
    const handle = { ...database, close: async () => void (databaseClosed = true) };
    expect(await within(10_000, closeGracefully(closing, handle, 1_000))).toBe(true);
    expect(databaseClosed).toBe(true);
    await posting;
    for (const client of held) {
      client.socket.resume();
      expect(await within(5_000, client.closed)).toBe(true);
      expect(client.bytes()).toBeLessThan(BIG);
    }
    const stored = await database.db
      .select({ id: responses.id })
      .from(responses)
      .where(inArray(responses.id, acknowledged.length > 0 ? acknowledged : ['00000000-0000-4000-8000-000000000000']));
    expect(stored.length).toBe(acknowledged.length);
  });
});
