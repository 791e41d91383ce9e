/**
 * The error catalogue (server/error-catalogue.ts) is the one place problems are defined: each code
 * and each slug means one thing, every message has Vietnamese and English words with the same
 * parameters, and no code outside it builds a Problem of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueLines, problems } from '../../../server/error-catalogue.ts';
import { Problem } from '../../../server/errors.ts';

const root = join(import.meta.dirname, '../../..');
const kinds = Object.entries(problems);

function duplicates<T>(values: T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.tsx')) yield path;
  }
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the error catalogue', () => {
  it('gives each kind of problem its own code', () => {
    expect(duplicates(kinds.map(([, kind]) => kind.code))).toEqual([]);
    // 404.1 and 404.10 are the same number: a code's decimals must not end in 0.
    for (const [name, kind] of kinds) expect(String(kind.code), name).not.toMatch(/\.\d*0$/);
  });

  it('gives each kind of problem its own slug, in snake_case', () => {
    expect(duplicates(kinds.map(([, kind]) => kind.slug))).toEqual([]);
    for (const [, kind] of kinds) expect(kind.slug).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
  });

  it('has codes whose integer part is an HTTP error status', () => {
    for (const line of catalogueLines()) {
      expect(line.status, line.slug).toBe(Math.floor(line.code));
      expect(line.status >= 400 && line.status < 600, line.slug).toBe(true);
    }
  });

  it('words every message in Vietnamese and in English, with the same parameters in both', () => {
    for (const line of catalogueLines()) {
      const name = `${line.name}${line.variant ? `.${line.variant}` : ''}`;
      expect(line.vi.length, name).toBeGreaterThan(5);
      expect(line.en.length, name).toBeGreaterThan(5);
      expect(placeholdersOf(line.vi), name).toEqual(placeholdersOf(line.en));
      // Fastify's own message passes through in both; everything else is translated.
      if (line.slug !== 'bad_request') expect(line.vi, name).not.toBe(line.en);
      expect(line.vi, name).toBe(line.vi.normalize('NFC'));
    }
  });

  it('makes problems that carry their code, slug and the parameters in their words', () => {
    const problem = problems.roundNotPublished({ code: 'DN-2025-H1' });
    expect(problem).toBeInstanceOf(Problem);
    expect(problem).toMatchObject({ code: 409.13, status: 409, slug: 'round_not_published' });
    expect(problem.worded.en).toContain('DN-2025-H1');
    expect(problems.notFound('paperForm', { serial: 17, round: 'DN-2025-H1' }).worded.vi).toBe('Chưa cấp phiếu số 17 trong đợt DN-2025-H1');
    expect(problems.staffRateLimited({ seconds: 300 })).toMatchObject({ status: 429, slug: 'too_many_requests', extra: { retryAfterSeconds: 300 } });
    expect(problems.staffRateLimited({ seconds: 300 }).worded.en).toContain('5 minutes');
    expect(problems.validation([{ path: 'a', worded: { vi: 'x', en: 'y' } }]).issues).toEqual([{ path: 'a', worded: { vi: 'x', en: 'y' } }]);
  });

  it('lists parameters as {name} so that the list can be read without a request', () => {
    const lines = catalogueLines();
    expect(lines.find((l) => l.slug === 'round_not_started')).toMatchObject({
      code: 409.3,
      status: 409,
      vi: expect.stringContaining('Đợt khảo sát {code} chưa bắt đầu: phiếu được nhận từ ngày {start}'),
      en: expect.stringContaining('Survey round {code} has not started: responses are taken from {start}'),
    });
    expect(lines.filter((l) => l.slug === 'not_found').map((l) => l.variant)).toContain('questionnaire');
  });

  it('is the only place that builds a Problem', () => {
    const allowed = new Set(['server/error-catalogue.ts', 'server/errors.ts']);
    const offenders = ['server', 'db', 'cli', 'analysis']
      .flatMap((dir) => [...sourceFiles(join(root, dir))])
      .map((path) => relative(root, path))
      .filter((path) => !allowed.has(path) && /new Problem\(/.test(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
