/**
 * Analysts read citizens' free answers: filters, search with or without diacritics, paging,
 * categories and tags with counts, audited; personal data masked on the server for readers not
 * cleared, in the list, the counts, the files and the search itself.
 */
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, officeSubmission, onlineSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
const PERSONAL = 'Chị Lan ở quầy 3 rất nhiệt tình, sđt 0912 345 678, CCCD 012345678901';
const ROOM = 'Phòng chờ chật, cần thêm ghế ngồi';
const WAIT = 'Thời gian chờ quá lâu';

let analyst: Agent;
let cleared: Agent;
let manager: Agent;
const ids: Record<string, string> = {};

async function post(name: string, submission: Record<string, unknown>) {
  const res = await app().inject({ method: 'POST', url: '/api/responses', payload: submission });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = String(submission.id);
}

beforeEach(async () => {
  const db = database().db;
  const answers = (k: number, comment?: string, extra: Record<string, unknown> = {}) => {
    const made = distinctAnswers(k);
    return { profile: made.profile, answers: { ...made.answers, ...extra, ...(comment ? { comment } : {}) } };
  };
  await post('personal', officeSubmission(answers(1, PERSONAL)));
  await post('room', onlineSubmission({ ...answers(2, ROOM), locality: { province: '67', district: '661' } }));
  await post('wait', onlineSubmission({ ...answers(3, WAIT), locality: { province: '67', district: '660' } }));
  await post(
    'channel',
    onlineSubmission({
      ...answers(4, undefined, { info_channels: ['khac'], info_channels_other: 'Nhóm Zalo của thôn' }),
      locality: { province: '67', district: '662' },
    }),
  );
  await post('silent', onlineSubmission(answers(5)));
  await addStaff(db, 'analyst', 'analyst');
  await addStaff(db, 'analyst', 'cleared');
  await addStaff(db, 'manager', 'manager');
  await db.update(users).set({ canReadComments: true }).where(eq(users.username, 'cleared'));
  analyst = await logInAs(app(), 'analyst');
  cleared = await logInAs(app(), 'cleared');
  manager = await logInAs(app(), 'manager');
});

const list = async (agent: Agent, query = '') => {
  const res = await agent.request({ url: `${ROUND}/free-text${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const texts = (body: { answers: Array<{ text: string }> }) => body.answers.map((a) => a.text).sort();

async function category(agent: Agent, name: string): Promise<number> {
  const res = await agent.request({ method: 'POST', url: `${ROUND}/free-text/categories`, payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const tag = (agent: Agent, response: string, item: string, id: number, method: 'PUT' | 'DELETE' = 'PUT') =>
  agent.request({ method, url: `${ROUND}/free-text/answers/${response}/${item}/categories/${id}` });

describe('the free answers of a round', () => {
  it('lists every non-blank free answer with its question, place and office, newest first', async () => {
    const body = await list(manager);
    expect(body.total).toBe(4);
    expect(body.clear).toBe(true);
    expect(body.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['comment', 'info_channels_other', 'ethnicity_other']));
    expect(texts(body)).toEqual([PERSONAL, 'Nhóm Zalo của thôn', ROOM, WAIT].sort());
    const personal = body.answers.find((a: { responseId: string }) => a.responseId === ids.personal);
    expect(personal).toMatchObject({ item: 'comment', channel: 'office', office: { code: 'MC-660' }, district: { code: '660' }, province: { code: '67' } });
    const times = body.answers.map((a: { receivedAt: string }) => a.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('masks personal data for an analyst not cleared, and shows it to a cleared analyst and a manager', async () => {
    const masked = await list(analyst);
    expect(masked.clear).toBe(false);
    const personal = masked.answers.find((a: { responseId: string }) => a.responseId === ids.personal).text;
    expect(personal).toBe('Chị [HỌ TÊN] ở quầy 3 rất nhiệt tình, sđt [SĐT], CCCD [SỐ GIẤY TỜ]');
    expect(JSON.stringify(masked)).not.toMatch(/0912|345 678|012345678901|Lan\b/);
    for (const agent of [cleared, manager]) expect(texts(await list(agent))).toContain(PERSONAL);
  });

  it('filters by locality at any level, office and question, and combines them', async () => {
    expect(texts(await list(manager, '?locality=661'))).toEqual([ROOM]);
    expect(texts(await list(manager, '?locality=660'))).toEqual([PERSONAL, WAIT].sort());
    expect((await list(manager, '?locality=67')).total).toBe(4);
    expect(texts(await list(manager, '?office=MC-660'))).toEqual([PERSONAL]);
    expect(texts(await list(manager, '?item=info_channels_other'))).toEqual(['Nhóm Zalo của thôn']);
    expect((await list(manager, '?item=comment&locality=662')).total).toBe(0);
  });

  it('finds words with or without diacritics, in any case, in NFC or NFD', async () => {
    for (const q of ['phòng chờ', 'phong cho', 'PHONG CHO', 'phòng chờ'.normalize('NFD')])
      expect(texts(await list(manager, `?q=${encodeURIComponent(q)}`)), q).toEqual([ROOM]);
    expect(texts(await list(manager, `?q=${encodeURIComponent('chờ')}`))).toEqual([ROOM, WAIT].sort());
  });

  it('searches what the reader sees: a masked phone number cannot be found by its digits', async () => {
    expect((await list(analyst, '?q=0912')).total).toBe(0);
    expect((await list(analyst, `?q=${encodeURIComponent('Lan')}`)).total).toBe(0);
    expect((await list(cleared, '?q=0912')).total).toBe(1);
    expect(texts(await list(analyst, `?q=${encodeURIComponent('[SĐT]')}`))).toHaveLength(1);
  });

  it('pages the answers without losing or repeating any', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await list(manager, `?pageSize=2&page=${page}`);
      expect(body.total).toBe(4);
      seen.push(...body.answers.map((a: { responseId: string; item: string }) => `${a.responseId}/${a.item}`));
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('refuses unknown questions, offices and localities by name, and huge or hostile searches without harm', async () => {
    const bad = await analyst.request({ url: `${ROUND}/free-text?item=A1_1` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('querystring.item');
    expect((await analyst.request({ url: `${ROUND}/free-text?office=NOPE` })).statusCode).toBe(404);
    expect((await analyst.request({ url: `${ROUND}/free-text?locality=99999` })).statusCode).toBe(404);
    const huge = await analyst.request({ url: `${ROUND}/free-text?q=${'a'.repeat(5000)}` });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().issues[0].path).toBe('querystring.q');
    for (const q of ["' or 1=1 --", '%', '_', '\\', "'); drop table responses; --", '.*', '(a+)+$'])
      expect((await list(manager, `?q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    expect((await list(manager)).total).toBe(4);
  });
});

describe('categories of free answers', () => {
  it('tags answers, counts them per category, per district and per office, and filters by category', async () => {
    const room = await category(analyst, 'Cơ sở vật chất');
    const wait = await category(analyst, 'Thời gian chờ');
    expect((await tag(analyst, ids.room, 'comment', room)).json().categories).toEqual([room]);
    expect((await tag(analyst, ids.wait, 'comment', wait)).statusCode).toBe(200);
    expect((await tag(analyst, ids.personal, 'comment', wait)).statusCode).toBe(200);
    expect((await tag(analyst, ids.personal, 'comment', room)).json().categories).toEqual([room, wait]);
    expect((await tag(analyst, ids.personal, 'comment', room)).statusCode).toBe(200); // again: nothing more

    const body = await list(analyst);
    expect(body.categories).toEqual([
      { id: room, name: 'Cơ sở vật chất', count: 2 },
      { id: wait, name: 'Thời gian chờ', count: 2 },
    ]);
    expect(body.untagged).toBe(1);
    expect(texts(await list(analyst, `?category=${wait}&locality=660`))).toHaveLength(2);
    expect(texts(await list(analyst, '?category=none'))).toEqual(['Nhóm Zalo của thôn']);

    const byDistrict = (await analyst.request({ url: `${ROUND}/free-text/counts?by=district` })).json();
    expect(byDistrict.categories.map((c: { id: number }) => c.id)).toEqual([room, wait]);
    const row = (code: string) => byDistrict.rows.find((r: { code: string }) => r.code === code);
    expect(row('660')).toMatchObject({ total: 2, untagged: 0, counts: [1, 2] });
    expect(row('661')).toMatchObject({ total: 1, untagged: 0, counts: [1, 0] });
    expect(row('662')).toMatchObject({ total: 1, untagged: 1, counts: [0, 0] });
    const byOffice = (await analyst.request({ url: `${ROUND}/free-text/counts?by=office` })).json();
    expect(byOffice.rows.find((r: { code: string }) => r.code === 'MC-660')).toMatchObject({ total: 1, counts: [1, 1] });
    expect(byOffice.rows.at(-1)).toMatchObject({ code: '', total: 3 });

    expect((await tag(analyst, ids.personal, 'comment', room, 'DELETE')).json().categories).toEqual([wait]);
  });

  it('renames and deletes categories; names are unique per round whatever their case', async () => {
    const id = await category(analyst, 'Thái độ');
    const twin = await analyst.request({ method: 'POST', url: `${ROUND}/free-text/categories`, payload: { name: '  THÁI   ĐỘ ' } });
    expect(twin.statusCode).toBe(409);
    const renamed = await analyst.request({ method: 'PATCH', url: `${ROUND}/free-text/categories/${id}`, payload: { name: 'Thái độ cán bộ' } });
    expect(renamed.json()).toEqual({ id, name: 'Thái độ cán bộ' });
    const other = await category(analyst, 'Khác');
    expect((await analyst.request({ method: 'PATCH', url: `${ROUND}/free-text/categories/${other}`, payload: { name: 'thái độ cán bộ' } })).statusCode).toBe(
      409,
    );
    await tag(analyst, ids.room, 'comment', id);
    const deleted = await analyst.request({ method: 'DELETE', url: `${ROUND}/free-text/categories/${id}` });
    expect(deleted.json()).toEqual({ id, untagged: 1 });
    const body = await list(analyst);
    expect(body.categories.map((c: { name: string }) => c.name)).toEqual(['Khác']);
    expect(body.answers.every((a: { categories: number[] }) => a.categories.length === 0)).toBe(true);
  });

  it('refuses a category of another round, an answer of another round or a blank one, and a question that is not free text', async () => {
    const mine = await category(analyst, 'Cơ sở vật chất');
    const made = await manager.request({
      method: 'POST',
      url: '/api/rounds',
      payload: {
        code: 'KHAC-2026',
        name: 'Đợt khác',
        year: 2026,
        provinces: ['67'],
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        questionnaires: { citizen: '2024' },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const theirs = (await analyst.request({ method: 'POST', url: '/api/rounds/KHAC-2026/free-text/categories', payload: { name: 'Khác' } })).json().id;
    const crossed = await tag(analyst, ids.room, 'comment', theirs);
    expect(crossed.statusCode, crossed.body).toBe(404);
    expect((await analyst.request({ method: 'PATCH', url: `${ROUND}/free-text/categories/${theirs}`, payload: { name: 'X' } })).statusCode).toBe(404);
    expect((await analyst.request({ method: 'DELETE', url: `${ROUND}/free-text/categories/${theirs}` })).statusCode).toBe(404);
    expect((await analyst.request({ method: 'PUT', url: `/api/rounds/KHAC-2026/free-text/answers/${ids.room}/comment/categories/${theirs}` })).statusCode).toBe(
      404,
    );
    expect((await tag(analyst, ids.silent, 'comment', mine)).statusCode).toBe(404);
    const notText = await tag(analyst, ids.room, 'A1_1', mine);
    expect(notText.statusCode).toBe(400);
    expect(notText.json().issues[0].path).toBe('params.item');
    const count = await database().db.execute(sql`select count(*)::int as n from free_text_tags`);
    expect((count as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(0);
  });

  it('records every change in the audit log, with who made it and what it was before', async () => {
    const id = await category(analyst, 'Thủ tục');
    await analyst.request({ method: 'PATCH', url: `${ROUND}/free-text/categories/${id}`, payload: { name: 'Thủ tục hành chính' } });
    await tag(analyst, ids.wait, 'comment', id);
    await tag(analyst, ids.wait, 'comment', id, 'DELETE');
    await analyst.request({ method: 'DELETE', url: `${ROUND}/free-text/categories/${id}` });
    const entries = await database()
      .db.select({ action: auditLog.action, userId: auditLog.userId, oldValue: auditLog.oldValue, newValue: auditLog.newValue })
      .from(auditLog)
      .where(and(sql`${auditLog.action} like '%free_text%'`))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual([
      'create_free_text_category',
      'rename_free_text_category',
      'tag_free_text',
      'untag_free_text',
      'delete_free_text_category',
    ]);
    expect(entries.every((e) => e.userId === analyst.userId)).toBe(true);
    expect(entries[1]).toMatchObject({ oldValue: 'Thủ tục', newValue: 'Thủ tục hành chính' });
  });

  it('lets keyers neither read nor tag free answers', async () => {
    await addStaff(database().db, 'keyer', 'keyer');
    const keyer = await logInAs(app(), 'keyer');
    expect((await keyer.request({ url: `${ROUND}/free-text` })).statusCode).toBe(403);
    expect((await keyer.request({ method: 'POST', url: `${ROUND}/free-text/categories`, payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await app().inject({ url: `${ROUND}/free-text` })).statusCode).toBe(401);
  });
});

describe('the free answers file', () => {
  const csv = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][];

  it('gives the filtered answers with their categories as CSV and XLSX, masked for a reader not cleared, and audits it', async () => {
    const id = await category(analyst, 'Thái độ cán bộ');
    await tag(analyst, ids.personal, 'comment', id);
    const res = await analyst.request({ url: `${ROUND}/free-text.csv?locality=660` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('sipas-y-kien-DN-2025-H1-da-che.csv');
    const [header, ...rows] = csv(res.rawPayload);
    expect(header).toEqual(['response_id', 'round', 'province', 'district', 'commune', 'office', 'channel', 'received_at', 'item', 'text', 'categories']);
    expect(rows).toHaveLength(2);
    const personal = rows.find((r) => r[0] === ids.personal)!;
    expect(personal[9]).toContain('[SĐT]');
    expect(personal[10]).toBe('Thái độ cán bộ');
    expect(res.rawPayload.toString('utf8')).not.toMatch(/0912|Lan\b|012345678901/);

    const clear = await cleared.request({ url: `${ROUND}/free-text.xlsx?office=MC-660` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(clear.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Ý kiến')!;
    expect(sheet.getRow(2).getCell(10).value).toBe(PERSONAL);

    const audit = await database()
      .db.select({ newValue: auditLog.newValue })
      .from(auditLog)
      .where(eq(auditLog.action, 'download_free_text'))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.newValue)).toMatchObject([
      { rows: 2, clear: false, format: 'csv', locality: '660' },
      { rows: 1, clear: true, format: 'xlsx', office: 'MC-660' },
    ]);
  });
});
