/**
 * The syntax files that load the microdata into SPSS, Stata and R: every column and every coded
 * answer named with its label; R's loader run on the real download reproduces the platform's
 * figures through survey::svydesign; PSPP runs the SPSS file (where PSPP is installed).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisResultView } from '../../contract/results.ts';
import { replaceFrame } from '../../db/queries/frames.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
const run = promisify(execFile);
const installed = (command: string) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasR = installed('Rscript');
const hasPspp = installed('pspp');

let analyst: Agent;
let folder: string;
beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 300);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
  folder = await mkdtemp(join(tmpdir(), 'sipas-syntax-'));
});
afterEach(async () => {
  if (!process.env.KEEP_SYNTAX) await rm(folder, { recursive: true, force: true });
});

/** Downloads a file into the folder under the name the server gives it. */
/** The name SPSS gives a column: `comment` is a command word there. */
const spssName = (column: string) => (column === 'comment' ? 'comment_' : column);

async function download(path: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const res = await analyst.request({ url: `${ROUND}/${path}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const name = /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))![1];
  await writeFile(join(folder, name), res.rawPayload);
  return { name, text: res.rawPayload.toString('utf8'), bytes: res.rawPayload };
}

const codebook = async () => (parse((await download('codebook.csv')).text, { bom: true }) as string[][]).slice(1);

describe('the syntax files', () => {
  it('name the microdata file of the same download, and are UTF-8 (SPSS with a BOM, Stata and R without)', async () => {
    const microdata = await download('microdata.csv');
    for (const format of ['sps', 'do', 'R']) {
      const syntax = await download(`microdata.${format}`);
      expect(syntax.name).toBe(microdata.name.replace(/\.csv$/, `.${format}`));
      expect(syntax.text).toContain(microdata.name);
      expect(syntax.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(format === 'sps');
    }
  });

  it("load the free text too for a reader cleared for it, naming that reader's own file", async () => {
    await addStaff(database().db, 'manager', 'manager');
    const manager = await logInAs(app(), 'manager');
    const microdata = await manager.request({ url: `${ROUND}/microdata.csv` });
    const name = /filename="([^"]+)"/.exec(String(microdata.headers['content-disposition']))![1];
    expect(name).toContain('-co-y-kien');
    for (const format of ['sps', 'do', 'R']) {
      const syntax = (await manager.request({ url: `${ROUND}/microdata.${format}` })).body;
      expect(syntax).toContain(name);
      // SPSS and PSPP read `comment` at the head of a line as a COMMENT command: there it is `comment_`.
      expect(syntax).toMatch(format === 'sps' ? /\bcomment_\b/ : /\bcomment\b/);
    }
    expect((await manager.request({ url: `${ROUND}/microdata.sps` })).body).toContain('    comment_ A4000');
  });

  it('label every column and every coded answer in SPSS, Stata and R', async () => {
    const def = seededQuestionnaire('2024')!;
    const rows = await codebook();
    const sps = (await download('microdata.sps')).text;
    const stata = (await download('microdata.do')).text;
    const r = (await download('microdata.R')).text;
    const sq = (s: string) => s.replace(/'/g, "''");
    for (const [column] of rows) {
      expect(sps).toMatch(new RegExp(`^VARIABLE LABELS ${spssName(column)} '`, 'm'));
      expect(stata).toMatch(new RegExp(`^label variable ${column} \``, 'm'));
      expect(r).toContain(`attr(sipas[["${column}"]], "label") <- "`);
      const question = def.questions.find((q) => q.code === column);
      if (!question || question.type === 'text') continue;
      const scale = def.scales.find((s) => s.code === question.scale)!;
      if (question.type === 'multi') {
        scale.options.forEach((o, k) => {
          expect(sps).toContain(`COMPUTE ${column}_${k + 1} = `);
          expect(stata).toContain(`generate byte ${column}_${k + 1} = `);
          expect(r).toContain(`sipas[["${column}_${k + 1}"]] <- sipas_chosen(sipas[["${column}"]], "${o.value}")`);
          expect(sps).toContain(sq(`${question.text.vi}: ${o.label.vi}`).slice(0, 60));
        });
        continue;
      }
      expect(sps).toContain(`VALUE LABELS ${column} -1 'Không áp dụng'`);
      expect(stata).toContain(`label values ${column} ${column}`);
      expect(r).toContain(`sipas[["${column}.factor"]] <- factor(`);
      const numeric = scale.options.every((o) => typeof o.value === 'number');
      scale.options.forEach((o, k) => {
        const code = numeric ? Number(o.value) : k + 1;
        expect(sps).toContain(`('${sq(String(o.value))}'=${code})`);
        expect(sps).toContain(`  ${code} '${sq(o.label.vi).slice(0, 40)}`);
        expect(stata).toContain(`replace ${column} = ${code} if ${column}_raw == \`"${o.value}"'`);
        expect(stata).toContain(`${code} \`"${o.label.vi}"'`);
        expect(r).toContain(JSON.stringify(o.label.vi));
      });
    }
    expect(r).toContain('svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = sipas)');
    expect(stata).toContain('svyset sipas_psu [pweight = weight], strata(sipas_stratum) singleunit(centered)');
    expect(sps).toContain('/DESIGN STRATA=stratum CLUSTER=psu');
  });

  it('give the microdata with answers in words (values=labels), row for row the coded file', async () => {
    const def = seededQuestionnaire('2024')!;
    const coded = await download('microdata.csv');
    const labelled = await download('microdata.csv?values=labels');
    expect(labelled.name).toBe(coded.name.replace(/\.csv$/, '-nhan.csv'));
    const [header, ...codes] = parse(coded.text, { bom: true }) as string[][];
    const [labelHeader, ...words] = parse(labelled.text, { bom: true }) as string[][];
    expect(labelHeader).toEqual(header);
    expect(words).toHaveLength(codes.length);
    const labelOf = new Map(
      def.questions
        .filter((q) => q.type !== 'text')
        .map((q) => [q.code, new Map(def.scales.find((s) => s.code === q.scale)!.options.map((o) => [String(o.value), o.label.vi]))]),
    );
    const channels: Record<string, string> = { office: 'Tại bộ phận một cửa', paper: 'Phiếu giấy', online: 'Trực tuyến' };
    codes.forEach((row, r) => {
      header.forEach((column, c) => {
        const code = row[c];
        const expected =
          column === 'channel'
            ? channels[code]
            : !labelOf.has(column) || code === ''
              ? code
              : code === 'NA'
                ? 'Không áp dụng'
                : code
                    .split(';')
                    .map((v) => labelOf.get(column)!.get(v))
                    .join(';');
        expect(words[r][c], `${column} row ${r}`).toBe(expected);
      });
    });
    expect(words.some((row) => row[header.indexOf('B3_1')] === 'Rất hài lòng')).toBe(true);
  });

  it.runIf(hasR)("load in R with labels and reproduce the platform's weighted figures through survey::svydesign", { timeout: 120_000 }, async () => {
    // A frame that gives every stratum its own population: weights N_h / n_h that differ.
    const unweighted = parse((await download('microdata.csv')).text, { bom: true }) as string[][];
    const strata = [...new Set(unweighted.slice(1).map((r) => r[unweighted[0].indexOf('stratum')]))].sort();
    const db = database().db;
    const round = (await findRoundByCode(db, 'DN-2025-H1'))!;
    await replaceFrame(
      db,
      round.id,
      strata.map((stratum, k) => ({ stratum, population: 5_000 + 1_371 * k })),
    );
    const results = (await analyst.request({ url: `${ROUND}/results?by=all` })).json() as AnalysisResultView;
    expect(results.method.weights).toBe('frame');
    const microdata = await download('microdata.csv');
    const loader = await download('microdata.R');
    const check = join(folder, 'check.R');
    await writeFile(
      check,
      [
        `setwd(${JSON.stringify(folder)})`,
        `source(${JSON.stringify(loader.name)}, encoding = "UTF-8")`,
        'out <- list(indices = sipas_indices(sipas_design), rows = nrow(sipas),',
        '  label_B3_1 = attr(sipas$B3_1, "label"), levels_B3_1 = levels(sipas$B3_1.factor),',
        '  na_B5_1 = sum(is.na(sipas$B5_1)), sex = as.list(table(sipas$sex.factor)))',
        'cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE))',
      ].join('\n'),
    );
    const { stdout } = await run('Rscript', [check], { maxBuffer: 64 * 1024 * 1024 });
    const out = JSON.parse(stdout) as {
      indices: Array<{ index: string; estimate: number; se: number }>;
      rows: number;
      label_B3_1: string;
      levels_B3_1: string[];
      na_B5_1: number;
      sex: Record<string, number>;
    };
    const [header, ...rows] = parse(microdata.text, { bom: true }) as string[][];
    expect(out.rows).toBe(rows.length);
    expect(out.label_B3_1).toBe('Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân');
    expect(out.levels_B3_1).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(out.na_B5_1).toBe(rows.filter((r) => r[header.indexOf('B5_1')] === 'NA' || r[header.indexOf('B5_1')] === '').length);
    expect(Object.keys(out.sex).length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r[header.indexOf('weight')])).size).toBeGreaterThan(2);

    const all = results.groups.find((g) => g.level === 'all')!;
    expect(out.indices.map((i) => i.index).sort()).toEqual(all.indices.map((i) => i.index).sort());
    for (const platform of all.indices) {
      const r = out.indices.find((i) => i.index === platform.index)!;
      expect(Math.abs(r.estimate - platform.estimate!), `${platform.index} estimate`).toBeLessThan(1e-8);
      expect(Math.abs(r.se - platform.se!) / Math.max(platform.se!, 1e-9), `${platform.index} se`).toBeLessThan(1e-6);
    }
    const sipas = out.indices.find((i) => i.index === 'SIPAS')!;
    expect(sipas.estimate).toBeGreaterThan(0);
  });

  it.runIf(hasPspp)('run in PSPP: every column read, coded answers numeric, not applicable user-missing', { timeout: 120_000 }, async () => {
    const microdata = await download('microdata.csv');
    const syntax = await download('microdata.sps');
    const script = join(folder, 'check.sps');
    await writeFile(script, `${syntax.text.replace(/^\uFEFF/, '')}\nSAVE TRANSLATE /OUTFILE='out.csv' /TYPE=CSV /FIELDNAMES /REPLACE.\nDISPLAY DICTIONARY.\n`);
    const { stdout } = await run('pspp', ['-o', join(folder, 'out.txt'), script], { cwd: folder, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout: string; stderr: string }) => ({ stdout: `${error.stdout}\n${error.stderr}` }),
    );
    const log = `${stdout}\n${await readFile(join(folder, 'out.txt'), 'utf8')}`;
    // PSPP knows neither SET UNICODE nor Complex Samples; everything else must run cleanly.
    const errors = log.split('\n').filter((l) => /error/i.test(l) && !/UNICODE|CSPLAN|\bSET:/i.test(l));
    expect(errors).toEqual([]);
    const [inHeader, ...inRows] = parse(microdata.text, { bom: true }) as string[][];
    const [outHeader, ...outRows] = parse(await readFile(join(folder, 'out.csv'), 'utf8'), { bom: true }) as string[][];
    expect(outRows).toHaveLength(inRows.length);
    for (const column of inHeader) expect(outHeader.map((h) => h.toLowerCase())).toContain(spssName(column).toLowerCase());
    const at = (header: string[], name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    inRows.forEach((row, k) => {
      const a11 = row[at(inHeader, 'A1_1')];
      const read = outRows[k][at(outHeader, 'A1_1')].trim();
      expect(read).toBe(a11 === 'NA' ? '-1' : a11 === '' ? '' : a11);
      expect(outRows[k][at(outHeader, 'response_id')].trim()).toBe(row[at(inHeader, 'response_id')]);
    });
    expect(log).toContain('Công chức có thái độ giao tiếp lịch sự');
  });
});
