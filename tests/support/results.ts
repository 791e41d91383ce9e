/** Helpers for tests of results: demo responses in the demo round, `sipas analyze`, comparing results. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { AnalysisResult, EstimateFields } from '../../analysis/estimation/results.ts';
import type { Database } from '../../db/client.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { ensureDemoRounds, loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';

export async function loadDemo(db: Database, count: number, code = DEMO_ROUND_CODE): Promise<void> {
  await ensureDemoRounds(db);
  await loadDemoResponses(db, (await findRoundByCode(db, code))!, count);
}

export async function sipasAnalyze(file: string, by: string): Promise<AnalysisResult> {
  const { stdout } = await promisify(execFile)('node', ['bin/sipas.mjs', 'analyze', file, '--questionnaire', '2024', '--by', by, '--format', 'json'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as AnalysisResult;
}

const FIELDS = ['estimate', 'se', 'ci_low', 'ci_high', 'ci_logit_low', 'ci_logit_high', 'n', 'weight_sum', 'deff', 'n_eff'] as const;

/**
 * Where everyone in a group agrees on an item (p = 0 or 1), its SRS variance is zero up to rounding —
 * and rounding may land on either side (p = 1 + 3e-16 in one computation, 1 − 3e-16 in another) —
 * so its design effect, and that of every composite built on it, is 0/0: null on one side and a
 * number on the other. Those design effects are not compared; everything else is, to `tolerance`.
 */
const degenerate = (e: EstimateFields) => e.estimate !== null && (e.estimate < 1e-7 || e.estimate > 100 - 1e-7);

function expectClose(actual: EstimateFields, expected: EstimateFields, what: string, tolerance: number, compareDeff = true) {
  for (const field of FIELDS) {
    if (field === 'deff' && (!compareDeff || degenerate(expected))) continue;
    const a = actual[field];
    const e = expected[field];
    if (e === null || a === null) {
      expect(a, `${what} ${field}`).toBe(e);
      continue;
    }
    // Relative, with a floor of 1 so that an exact 0 (an SE where everyone agrees) is matched to within rounding.
    expect(Math.abs(a - e) / Math.max(Math.abs(e), 1), `${what} ${field}: ${a} vs ${e}`).toBeLessThan(tolerance);
  }
  expect(actual.reliable, `${what} reliable`).toBe(expected.reliable);
}

/** Every figure of every group, index, item and option share agrees to a relative tolerance (absolute below 1). */
export function expectSameResults(actual: AnalysisResult, expected: AnalysisResult, tolerance = 1e-9): void {
  expect(actual.groups.map((g) => `${g.level}:${g.code}`)).toEqual(expected.groups.map((g) => `${g.level}:${g.code}`));
  actual.groups.forEach((group, g) => {
    const other = expected.groups[g];
    expect(group.indices.map((i) => i.index)).toEqual(other.indices.map((i) => i.index));
    const items = new Set(group.items.map((i) => i.item));
    const anyDegenerate = other.indices.some((i) => items.has(i.index) && degenerate(i));
    group.indices.forEach((index, i) =>
      expectClose(index, other.indices[i], `${group.code} ${index.index}`, tolerance, items.has(index.index) || !anyDegenerate),
    );
    expect(group.items.map((i) => i.item)).toEqual(other.items.map((i) => i.item));
    group.items.forEach((item, i) => {
      expectClose(item.mean, other.items[i].mean, `${group.code} ${item.item} mean`, tolerance);
      item.distribution.forEach((d, k) => expectClose(d, other.items[i].distribution[k], `${group.code} ${item.item}=${d.value}`, tolerance));
    });
    expect(group.options.map((o) => o.question)).toEqual(other.options.map((o) => o.question));
    group.options.forEach((option, o) =>
      option.shares.forEach((s, k) => expectClose(s, other.options[o].shares[k], `${group.code} ${option.question}=${s.option}`, tolerance)),
    );
  });
}
