/**
 * Labels come from questionnaire versions an administrator uploads: whatever they hold (quotes,
 * `$`, backticks, backslashes, line breaks, Vietnamese), each syntax file must carry them as text,
 * never as code. R runs the generated script and gives every label back; SPSS and Stata strings
 * are read back by their quoting rules.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutToBytes, type MicrodataVariables, oneLine } from '../../../server/domain/results/microdata-variables.ts';
import { rSyntax } from '../../../server/domain/results/syntax-r.ts';
import { spssSyntax } from '../../../server/domain/results/syntax-spss.ts';
import { stataSyntax } from '../../../server/domain/results/syntax-stata.ts';

const hasR = (() => {
  try {
    execFileSync('which', ['Rscript'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom("'", '"', '$', '`', '\\', '\n', '\r', '\t', '"\'', '`"', 'đ', 'Ắ', '…', ';', '.', '*'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 60,
});

function variablesWith(labels: string[]): MicrodataVariables {
  return {
    fileName: 'sipas-vi-mo-X.csv',
    notApplicable: 'NA',
    separator: ';',
    variables: [
      { name: 'stratum', label: 'Tầng', kind: 'text', width: 40 },
      { name: 'psu', label: 'Đơn vị mẫu', kind: 'text', width: 40 },
      { name: 'weight', label: 'Trọng số', kind: 'number' },
      ...labels.map((label, k) => ({
        name: `q${k}`,
        label,
        kind: 'coded' as const,
        values: [
          { code: 1, raw: '1', label },
          { code: 2, raw: 'x', label: `${label}!` },
        ],
        width: 2,
        ordered: false,
      })),
    ],
    indices: { items: [], validValues: [1, 2], satisfiedValues: [2], composites: [] },
  };
}

/** The text of each quoted SPSS string on the line of a variable label. */
const spssLabel = (syntax: string, name: string) => {
  const line = syntax.split('\n').find((l) => l.startsWith(`VARIABLE LABELS ${name} '`))!;
  const quoted = line.slice(`VARIABLE LABELS ${name} `.length, -1);
  expect(quoted).toMatch(/^'([^']|'')*'$/);
  return quoted.slice(1, -1).replace(/''/g, "'");
};

/** Stata: compound quotes, `$` and backtick escaped, no `"'` inside. */
const stataLabel = (syntax: string, name: string) => {
  const line = syntax.split('\n').find((l) => l.startsWith(`label variable ${name} \``))!;
  const quoted = line.slice(`label variable ${name} `.length);
  expect(quoted.startsWith('`"') && quoted.endsWith(`"'`)).toBe(true);
  const inner = quoted.slice(2, -2);
  expect(inner).not.toContain(`"'`);
  expect(inner).not.toMatch(/(^|[^\\])(\\\\)*[$`]/);
  return inner.replace(/\\([\\$`])/g, '$1');
};

describe('labels in the syntax files', () => {
  it('are one line of text in SPSS and Stata, the same words as the questionnaire', () => {
    fc.assert(
      fc.property(nasty, (label) => {
        const data = variablesWith([label]);
        const sps = spssSyntax(data, { title: label });
        const stata = stataSyntax(data, { title: label });
        const expected = oneLine(label);
        expect(spssLabel(sps, 'q0')).toBe(cutToBytes(expected, 256));
        const stataText = stataLabel(stata, 'q0');
        expect(expected.replace(/"'/g, `" '`).startsWith(stataText.replace(/…$/, ''))).toBe(true);
        // Nothing a label holds starts a command of its own.
        expect(sps.split('\n').filter((l) => l.startsWith('VARIABLE LABELS q0 '))).toHaveLength(1);
        expect(stata.split('\n').filter((l) => l.startsWith('label variable q0 '))).toHaveLength(1);
      }),
    );
  });

  it.runIf(hasR)('come back from R exactly as written, whatever they hold', { timeout: 60_000 }, async () => {
    const labels = fc.sample(nasty, { numRuns: 150, seed: 20 });
    const data = variablesWith(labels);
    const folder = await mkdtemp(join(tmpdir(), 'sipas-labels-'));
    try {
      const header = ['stratum', 'psu', 'weight', ...labels.map((_, k) => `q${k}`)];
      await writeFile(join(folder, data.fileName), `\uFEFF${header.join(',')}\nh,p,1,${labels.map(() => '1').join(',')}\n`);
      const script = rSyntax(data, { title: labels[0] }).replace(/^library\(survey\)$/m, 'suppressMessages(library(survey))');
      await writeFile(join(folder, 'load.R'), script);
      await writeFile(
        join(folder, 'check.R'),
        `setwd(${JSON.stringify(folder)}); source("load.R", encoding = "UTF-8")\n` +
          `cat(jsonlite::toJSON(lapply(c(${header
            .slice(3)
            .map((h) => JSON.stringify(h))
            .join(', ')}), function(v) c(attr(sipas[[v]], "label"), levels(sipas[[paste0(v, ".factor")]]))), auto_unbox = FALSE))`,
      );
      const { stdout } = await promisify(execFile)('Rscript', [join(folder, 'check.R')]);
      const back = JSON.parse(stdout) as string[][];
      expect(back).toEqual(labels.map((l) => [oneLine(l), oneLine(l), oneLine(`${l}!`)]));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
