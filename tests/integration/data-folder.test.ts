/**
 * PGlite's data folder: one program at a time, a clear refusal when it is damaged, and a clean
 * stop that leaves every acknowledged response in it. (Runs on PGlite whatever DATABASE_URL says:
 * the folder is the embedded database's own concern.)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { LOCK_FILE } from '../../db/pglite-folder.ts';
import { responses } from '../../db/schema/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { prepareDatabase } from '../../checks/support/fixture.ts';
import { startServer } from '../../checks/support/server-process.ts';
import { randomLinkSubmission } from '../support/random-responses.ts';
import { describeOnPgliteOnly } from '../support/database-independent.ts';

let root: string;
let folder: string;
let tokens: string[];
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sipas-folder-'));
  folder = join(root, 'data');
  ({ tokens } = await prepareDatabase({ dataDir: folder }, 2));
  // Creating, migrating and seeding a PGlite folder takes minutes on a machine busy with other tests.
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

async function countResponses(dataDir: string): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    const result = await database.db.execute(sql`select count(*)::int as n from responses`);
    return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0].n);
  } finally {
    await database.close();
  }
}

describeOnPgliteOnly("PGlite's data folder", () => {
  it('is refused to a second program while one has it open, naming the process that holds it', async () => {
    writeFileSync(join(folder, LOCK_FILE), `${process.ppid} ${hostname()}\n`);
    try {
      await expect(openDatabase({ dataDir: folder })).rejects.toThrow(new RegExp(`in use by process ${process.ppid}.*stop the server first`));
    } finally {
      unlinkSync(join(folder, LOCK_FILE));
    }
  });

  it('is taken over from a program that was killed without closing it', async () => {
    writeFileSync(join(folder, LOCK_FILE), `${await exitedPid()} ${hostname()}\n`);
    await expect(countResponses(folder)).resolves.toBeTypeOf('number');
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('keeps every acknowledged response through a SIGTERM stop, which releases the folder', async () => {
    const before = await countResponses(folder);
    const server = await startServer({ env: { SIPAS_DATA_DIR: folder, DATABASE_URL: '', SIPAS_SECRET: 'x'.repeat(40) } });
    const def = seededQuestionnaire('2024')!;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${server.url}/api/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(randomLinkSubmission(def, tokens[i % 2])),
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await server.stop()).toBe(0);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    expect(await countResponses(folder)).toBe(before + 20);
  });

  it('keeps every response acknowledged while SIGTERM arrives in the middle of a stream of posts, answering those under way', async () => {
    const server = await startServer({ env: { SIPAS_DATA_DIR: folder, DATABASE_URL: '', SIPAS_SECRET: 'x'.repeat(40) } });
    const def = seededQuestionnaire('2024')!;
    const acknowledged = new Set<string>();
    let answeredAfterSigterm = 0;
    let stopping: Promise<number | string> | undefined;
    const statuses = new Map<number, number>();
    // 16 phones post one response after another; once 40 are acknowledged the server gets SIGTERM.
    const phone = async (k: number) => {
      for (let i = 0; i < 40; i++) {
        const submission = randomLinkSubmission(def, tokens[(k + i) % 2]);
        const sentBeforeSigterm = stopping === undefined;
        let status: number;
        try {
          status = (
            await fetch(`${server.url}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) })
          ).status;
        } catch {
          return; // the server has stopped listening
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) acknowledged.add(submission.id);
        if (status === 201 && sentBeforeSigterm && stopping) answeredAfterSigterm++;
        if (acknowledged.size >= 40 && !stopping) stopping = server.stop();
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, k) => phone(k)));
    expect(stopping).toBeDefined();
    expect(await stopping).toBe(0);
    expect([...statuses.keys()].every((status) => status === 201 || status === 503)).toBe(true);
    expect(answeredAfterSigterm).toBeGreaterThan(0);

    const database = await openDatabase({ dataDir: folder });
    try {
      const stored = await database.db
        .select({ id: responses.id })
        .from(responses)
        .where(inArray(responses.id, [...acknowledged]));
      expect(stored.length).toBe(acknowledged.size);
    } finally {
      await database.close();
    }
  });

  it('that is damaged makes the server refuse to start with PostgreSQL’s reason and what to do, without a stack trace', async () => {
    const damaged = join(root, 'damaged');
    cpSync(folder, damaged, { recursive: true });
    unlinkSync(join(damaged, 'global', 'pg_control'));
    await expect(openDatabase({ dataDir: damaged })).rejects.toThrow(/could not be opened: could not open file "global\/pg_control"/);
    const child = spawn(process.execPath, ['bin/server.mjs'], {
      env: { ...process.env, SIPAS_DATA_DIR: damaged, DATABASE_URL: '', SIPAS_SECRET: 'x'.repeat(40), PORT: '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('SIPAS cannot start: The database folder');
    expect(stderr).toContain('npx sipas restore');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(damaged, LOCK_FILE))).toBe(false);
  });
});
