/**
 * Citizens' and organisations' results are never pooled: a round holding both answers every results
 * route, download, trend and the public page for one respondent type at a time (citizens unless
 * asked), each resting only on its own responses and its own questionnaire version.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { findRoundByCode, setRoundStatus } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { storeResponsesOf } from '../support/version-responses.ts';

const { app, database } = useTestApp();
const CITIZENS = 40;
const ORGANISATIONS = 35;

let analyst: Agent;
let citizenIds: string[];
let organisationIds: string[];
beforeEach(async () => {
  const db = database().db;
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
  const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
  citizenIds = (await storeResponsesOf(db, round, seededQuestionnaire('2024')!, CITIZENS, { seed: 1 })).ids;
  organisationIds = (await storeResponsesOf(db, round, seededQuestionnaire('2024-to-chuc')!, ORGANISATIONS, { seed: 2 })).ids;
});

const url = (path: string, type?: string) => `/api/rounds/${DEMO_ROUND_CODE}/${path}${type ? `${path.includes('?') ? '&' : '?'}respondentType=${type}` : ''}`;
const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe('results kept apart by respondent type', () => {
  it('answers the JSON results with citizens only by default, and organisations only when asked', async () => {
    const citizens = (await analyst.request({ url: url('results?by=province') })).json();
    expect(citizens).toMatchObject({ respondentType: 'citizen', respondentTypes: ['citizen', 'organisation'], questionnaire: '2024' });
    expect(citizens.responses.counted).toBe(CITIZENS);
    const organisations = (await analyst.request({ url: url('results?by=province', 'organisation') })).json();
    expect(organisations).toMatchObject({ respondentType: 'organisation', questionnaire: '2024-to-chuc' });
    expect(organisations.responses.counted).toBe(ORGANISATIONS);
    const indices = (r: { groups: Array<{ indices: Array<{ index: string; n: number; estimate: number }> }> }) =>
      new Map(r.groups[0].indices.map((i) => [i.index, i]));
    expect(indices(organisations).has('policy')).toBe(false);
    expect(indices(organisations).get('SIPAS')?.estimate).toBeCloseTo(indices(organisations).get('service')!.estimate, 12);
    expect(indices(citizens).get('A1')?.n).toBeLessThanOrEqual(CITIZENS);
    expect(indices(organisations).get('B3')?.n).toBeLessThanOrEqual(ORGANISATIONS);
  });

  it('keeps the CSV and XLSX results apart and says in the file whose they are', async () => {
    const citizens = csvRows((await analyst.request({ url: url('results.csv?by=province') })).body);
    const organisations = await analyst.request({ url: url('results.csv?by=province', 'organisation') });
    expect(organisations.headers['content-disposition']).toMatch(/to-chuc/);
    const orgRows = csvRows(organisations.body);
    expect(orgRows.some((r) => r.index === 'A1')).toBe(false);
    expect(citizens.some((r) => r.index === 'A1')).toBe(true);
    const xlsx = await analyst.request({ url: url('results.xlsx?by=province', 'organisation') });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const info = book.worksheets[0].getSheetValues().flat().map(String).join(' | ');
    expect(info).toMatch(/2024-to-chuc/);
    expect(info).toMatch(/Tổ chức, doanh nghiệp/);
  });

  it('exports microdata and the codebook of one respondent type only', async () => {
    const citizens = csvRows((await analyst.request({ url: url('microdata.csv') })).body);
    const organisations = csvRows((await analyst.request({ url: url('microdata.csv', 'organisation') })).body);
    expect(citizens.map((r) => r.response_id).sort()).toEqual([...citizenIds].sort());
    expect(organisations.map((r) => r.response_id).sort()).toEqual([...organisationIds].sort());
    expect(Object.keys(organisations[0])).toEqual(expect.arrayContaining(['org_type', 'org_size', 'B3_1']));
    expect(Object.keys(organisations[0])).not.toContain('A1_1');
    expect(Object.keys(citizens[0])).not.toContain('org_type');
    const codebook = csvRows((await analyst.request({ url: url('codebook.csv', 'organisation') })).body);
    expect(codebook.map((r) => r.column)).toEqual(Object.keys(organisations[0]));
  });

  it('gives a trend of organisations from the rounds that have them', async () => {
    const trend = (await analyst.request({ url: '/api/results/trend?by=province&respondentType=organisation' })).json();
    expect(trend.respondentType).toBe('organisation');
    expect(trend.rounds.map((r: { code: string; questionnaire: string }) => [r.code, r.questionnaire])).toEqual([[DEMO_ROUND_CODE, '2024-to-chuc']]);
    const citizens = (await analyst.request({ url: '/api/results/trend?by=province' })).json();
    expect(citizens.rounds.find((r: { code: string }) => r.code === DEMO_ROUND_CODE).questionnaire).toBe('2024');
  });

  it('shows the public either respondent type of a published round, never pooled', async () => {
    await setRoundStatus(database().db, DEMO_ROUND_CODE, 'published');
    const citizens = (await app().inject({ url: `/api/public/rounds/${DEMO_ROUND_CODE}/results?by=province` })).json();
    const organisations = (await app().inject({ url: `/api/public/rounds/${DEMO_ROUND_CODE}/results?by=province&respondentType=organisation` })).json();
    expect([citizens.responses.counted, organisations.responses.counted]).toEqual([CITIZENS, ORGANISATIONS]);
    expect(organisations.respondentTypes).toEqual(['citizen', 'organisation']);
  });

  it('says politely that a round without organisations has no figures of theirs', async () => {
    await database().db.execute((await import('drizzle-orm')).sql`delete from responses where respondent_type = 'organisation'`);
    const res = await analyst.request({ url: url('results', 'organisation') });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(`Đợt ${DEMO_ROUND_CODE} không có phiếu của tổ chức, doanh nghiệp`);
    expect((await analyst.request({ url: `${url('microdata.csv', 'organisation')}&lang=en` })).json().message).toBe(
      `Round ${DEMO_ROUND_CODE} has no responses of organisations`,
    );
  });

  it('refuses a respondent type that does not exist, naming the field', async () => {
    const res = await analyst.request({ url: url('results', 'everyone') });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('querystring.respondentType');
  });
});
