/** The files kept for microdata downloads: kept only when complete and current, dropped when stale, bounded, removed at close. */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { MicrodataFiles } from '../../../server/domain/results/microdata-files.ts';

const key = (roundId = 1, clearText = false) => ({ roundId, respondentType: 'citizen', values: 'codes', clearText });
const source = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
const folders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('sipas-microdata-')));

let files: MicrodataFiles;
afterEach(() => files.close());

describe('kept microdata files', () => {
  it('keeps a complete download at its version and serves it only at that version', async () => {
    files = new MicrodataFiles();
    expect(await text(files.keep(key(), 7, 2, source('a,b\n', '1,2\n', '3,4\n'), async () => 7))).toBe('a,b\n1,2\n3,4\n');
    const kept = await files.find(key(), 7);
    expect(kept?.rows).toBe(2);
    expect(await text(kept!.stream)).toBe('a,b\n1,2\n3,4\n');
    expect(await files.find(key(1, true), 7)).toBeUndefined();
    expect(await files.find(key(2), 7)).toBeUndefined();
    expect(await files.find(key(), 8)).toBeUndefined();
    // A newer version drops the file: it is not served at the old one either.
    expect(await files.find(key(), 7)).toBeUndefined();
    expect(files.kept).toBe(0);
  });

  it('keeps nothing when the data changed while it was sent, when the export fails, or when the reader stops reading', async () => {
    const before = folders();
    files = new MicrodataFiles();
    await text(files.keep(key(), 7, 1, source('a\n', '1\n'), async () => 8));
    expect(files.kept).toBe(0);

    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('a\n');
        throw new Error('connection lost');
      })(),
    );
    await expect(text(files.keep(key(), 7, 1, failing, async () => 7))).rejects.toThrow('connection lost');

    const long = files.keep(key(), 7, 1000, source(...Array.from({ length: 1000 }, (_, k) => `${k}\n`)), async () => 7);
    for await (const _ of long) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(files.kept).toBe(0);
    const [folder] = [...folders()].filter((f) => !before.has(f));
    expect(readdirSync(`${tmpdir()}/${folder}`)).toEqual([]);
  });

  it('holds about its budget of bytes, dropping the least recently used first, and removes everything at close', async () => {
    const before = folders();
    files = new MicrodataFiles(25);
    for (const round of [1, 2, 3]) await text(files.keep(key(round), 1, 1, source('0123456789\n'), async () => 1));
    expect(files.kept).toBe(2);
    expect(await files.find(key(1), 1)).toBeUndefined();
    const newest = await files.find(key(3), 1);
    expect(await text(newest!.stream)).toBe('0123456789\n');
    const made = [...folders()].filter((f) => !before.has(f));
    expect(made).toHaveLength(1);
    // Owner-only, whatever the umask: they hold what the downloads hold.
    const folder = join(tmpdir(), made[0]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const kept = readdirSync(folder);
    expect(kept.length).toBeGreaterThan(0);
    for (const name of kept) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    await files.close();
    expect(existsSync(`${tmpdir()}/${made[0]}`)).toBe(false);
  });

  it('still sends the whole download when its file cannot be written, and keeps again once it can', async () => {
    const before = folders();
    files = new MicrodataFiles();
    await text(files.keep(key(1), 1, 1, source('a\n'), async () => 1));
    const [made] = [...folders()].filter((f) => !before.has(f));
    rmSync(join(tmpdir(), made), { recursive: true, force: true });
    expect(await text(files.keep(key(2), 1, 2, source('a\n', '1\n', '2\n'), async () => 1))).toBe('a\n1\n2\n');
    expect(await files.find(key(2), 1)).toBeUndefined();
    expect(await text(files.keep(key(3), 1, 1, source('b\n'), async () => 1))).toBe('b\n');
    expect(await text((await files.find(key(3), 1))!.stream)).toBe('b\n');
  });

  it('runs work in the background until the server stops, which aborts it and waits for it to return', async () => {
    files = new MicrodataFiles();
    const seen: string[] = [];
    files.inBackground(async (signal) => {
      while (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen.push('returned');
    });
    files.inBackground(async () => {
      throw new Error('dropped, never thrown at anyone');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await files.close();
    expect(seen).toEqual(['returned']);
    files.inBackground(async () => {
      seen.push('started after the stop');
    });
    expect(seen).toEqual(['returned']);
  });
});
