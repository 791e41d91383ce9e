/**
 * Questionnaire versions loaded by an admin from a file: the XLSX template or JSON. Every problem
 * is reported with its sheet, row and column (or JSON path), in Vietnamese or English, and nothing
 * is stored; a version a response, a round or the platform uses never changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { useTestApp } from '../support/app.ts';
import { changedTables, databaseFingerprint } from '../support/fuzz/fingerprint.ts';
import { newVersionFrom2024, questionnaireXlsx, spreadsheetRow } from '../support/questionnaire-files.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { storeResponsesOf } from '../support/version-responses.ts';

const { app, database } = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let admin: Agent;
beforeEach(async () => {
  await addStaff(database().db, 'admin', 'admin');
  admin = await logInAs(app(), 'admin');
});

const upload = (payload: Buffer | string, type = XLSX, query = '') =>
  admin.request({ method: 'POST', url: `/api/questionnaire-versions${query}`, payload, headers: { 'content-type': type } });

type Listed = { problems: Array<{ sheet?: string; row: number; column: string; value: string; reason: string }>; problemCount: number; code: string };

describe('uploading a questionnaire version', () => {
  it('stores a new version from the template and lists it with whom it asks', async () => {
    const def = newVersionFrom2024('2026');
    const res = await upload(await questionnaireXlsx(def));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ version: '2026', outcome: 'created' });
    const stored = (await app().inject({ url: '/api/questionnaires/2026' })).json();
    expect(stored.questions.filter((q: { role: string }) => q.role === 'satisfaction')).toHaveLength(33);
    const list = (await admin.request({ url: '/api/questionnaire-versions' })).json() as Array<Record<string, unknown>>;
    expect(list.find((v) => v.version === '2026')).toMatchObject({ respondentType: 'citizen', rounds: [], responses: 0, seeded: false, locked: false });
    expect(list.find((v) => v.version === '2024-to-chuc')).toMatchObject({ respondentType: 'organisation', seeded: true, locked: true });
  });

  it('reads back the template it offers, the downloads of every version, as the same content', async () => {
    const template = await admin.request({ url: '/api/questionnaire-versions/template.xlsx' });
    expect(template.statusCode).toBe(200);
    expect((await upload(template.rawPayload)).json()).toEqual({ version: '2024', outcome: 'unchanged' });
    for (const version of ['2022', '2024', '2024-to-chuc']) {
      for (const format of ['xlsx', 'json']) {
        const file = await admin.request({ url: `/api/questionnaire-versions/${version}/file?format=${format}` });
        const res = await upload(file.rawPayload, format === 'xlsx' ? XLSX : 'application/octet-stream');
        expect(res.json(), `${version} ${format}`).toEqual({ version, outcome: 'unchanged' });
      }
    }
  });

  it('reports every problem of a workbook with its sheet, row and column, and stores nothing', async () => {
    const def = newVersionFrom2024('2026-loi');
    const file = await questionnaireXlsx(def, [
      { sheet: 'settings', rowKey: 'respondent_type', column: 'value', value: 'nguoi_dan' },
      { sheet: 'questions', rowKey: 'B3_1', column: 'scale', value: 'thang_khong_co' },
      { sheet: 'questions', rowKey: 'sex', column: 'section', value: 'khong_co_muc' },
      { sheet: 'questions', rowKey: 'made_feedback', column: 'show_if', value: 'dk_99' },
      { sheet: 'choices', rowKey: 'satisfaction5', column: 'label_vi', value: '' },
      { sheet: 'parts', rowKey: 'service', column: 'weight', value: 'bốn' },
      { sheet: 'skip_rules', rowKey: 'dk_1', column: 'condition', value: 'had_procedure == yes' },
    ]);
    const before = await databaseFingerprint(database().db);
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json() as Listed;
    expect(body.code).toBe('questionnaire_rejected');
    const at = (sheet: string, rowKey: string, column: string) =>
      body.problems.find((p) => p.sheet === sheet && p.row === spreadsheetRow(def, sheet, rowKey) && p.column === column);
    expect(at('settings', 'respondent_type', 'value'), JSON.stringify(body.problems)).toBeDefined();
    expect(at('questions', 'sex', 'section')?.reason).toBe('không có mục "khong_co_muc" trong trang sections');
    expect(at('questions', 'made_feedback', 'show_if')?.reason).toBe('không có điều kiện tên "dk_99" trong trang skip_rules');
    expect(at('choices', 'satisfaction5', 'label_vi')).toBeDefined();
    expect(at('parts', 'service', 'weight')?.value).toBe('bốn');
    expect(at('skip_rules', 'dk_1', 'condition')?.reason).toMatch(/^điều kiện viết sai/);
    expect(body.problemCount).toBe(body.problems.length);
    expect(body.problems.length).toBeGreaterThanOrEqual(6);
    expect(changedTables(before, await databaseFingerprint(database().db))).toEqual([]);
  });

  it('reports the consistency problems of a well-formed file at their cells, in English with ?lang=en', async () => {
    const def = newVersionFrom2024('2026-loi');
    const file = await questionnaireXlsx(def, [
      { sheet: 'questions', rowKey: 'B3_1', column: 'scale', value: 'thang_khong_co' },
      { sheet: 'questions', rowKey: 'B3_2', column: 'element', value: '' },
      { sheet: 'questions', rowKey: 'had_procedure', column: 'section', value: 'B5' },
    ]);
    const body = (await upload(file, XLSX, '?lang=en')).json() as Listed;
    const row = (code: string) => spreadsheetRow(def, 'questions', code);
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { sheet: 'questions', row: row('B3_1'), column: 'scale', value: 'thang_khong_co', reason: 'question B3_1: unknown scale thang_khong_co' },
        expect.objectContaining({ sheet: 'questions', row: row('B3_2'), column: 'code', reason: 'item B3_2 is in no element' }),
        expect.objectContaining({ sheet: 'questions', row: row('made_feedback'), column: 'show_if', reason: expect.stringMatching(/not asked before it/) }),
      ]),
    );
  });

  it('reports the problems of a JSON file with their JSON path', async () => {
    const def = newVersionFrom2024('2026-json') as unknown as Record<string, unknown>;
    const broken = { ...def, respondentType: 'company', questions: [{ code: '1x', role: 'satisfaction', type: 'rating', text: { vi: '' }, requried: true }] };
    const res = await upload(JSON.stringify(broken), 'application/octet-stream');
    expect(res.statusCode).toBe(400);
    const columns = (res.json() as Listed).problems.map((p) => p.column);
    expect(columns).toEqual(expect.arrayContaining(['respondentType', 'questions.0.code', 'questions.0.text.vi', 'questions.0']));
    expect((res.json() as Listed).problems.find((p) => p.column === 'questions.0')?.reason).toMatch(/requried/);
    expect((res.json() as Listed).problems.every((p) => p.row === 0 && p.sheet === undefined)).toBe(true);
  });

  it('refuses a file that is not a questionnaire with a worded 400, never a 500', async () => {
    for (const [payload, type] of [
      ['{"version": ', 'application/octet-stream'],
      [Buffer.from('PK\u0003\u0004 not really a zip'), XLSX],
      [Buffer.from([0xff, 0xfe, 0x00]), 'application/octet-stream'],
      ['[]', 'application/octet-stream'],
      ['{"role_id": 1}', 'application/json'],
    ] as const) {
      const res = await upload(payload, type);
      expect(res.statusCode, String(payload)).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
  });
});

describe('a stored version is immutable once something uses it', () => {
  it('refuses other content for a version the platform ships, and takes the same content again', async () => {
    const changed = { ...seededQuestionnaire('2024')!, title: { vi: 'Phiếu đã sửa' } };
    const res = await upload(await questionnaireXlsx(changed));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('questionnaire_locked');
    expect(res.json().message).toMatch(/phiên bản có sẵn/);
    expect((await upload(await questionnaireXlsx(seededQuestionnaire('2024')!))).statusCode).toBe(200);
  });

  it('lets an unused version be replaced, and refuses once a response uses it', async () => {
    const first = newVersionFrom2024('2026');
    expect((await upload(await questionnaireXlsx(first))).statusCode).toBe(201);
    const second = { ...first, title: { vi: 'Phiếu khảo sát 2026 (sửa)' } };
    expect((await upload(await questionnaireXlsx(second))).json()).toEqual({ version: '2026', outcome: 'updated' });
    const round = (await findRoundByCode(database().db, DEMO_ROUND_CODE))!;
    await storeResponsesOf(database().db, round, second, 1);
    const before = await databaseFingerprint(database().db);
    const third = await upload(await questionnaireXlsx({ ...second, title: { vi: 'Lần sửa thứ ba' } }));
    expect(third.statusCode).toBe(409);
    expect(third.json().message).toMatch(/đã có phiếu trả lời/);
    expect(changedTables(before, await databaseFingerprint(database().db))).toEqual([]);
    expect((await upload(await questionnaireXlsx(second))).json()).toEqual({ version: '2026', outcome: 'unchanged' });
  });

  it('records every stored upload in the audit trail', async () => {
    await upload(await questionnaireXlsx(newVersionFrom2024('2026')));
    const trail = (await admin.request({ url: '/api/audit?entity=questionnaire&id=2026' })).json();
    expect(trail).toEqual([expect.objectContaining({ action: 'create_questionnaire', username: 'admin' })]);
  });
});

describe('who may manage questionnaire versions', () => {
  it('lets only admins list, upload, download and fetch the template', async () => {
    await addStaff(database().db, 'manager', 'manager');
    const manager = await logInAs(app(), 'manager');
    const file = await questionnaireXlsx(newVersionFrom2024('2026'));
    for (const options of [
      { url: '/api/questionnaire-versions' },
      { url: '/api/questionnaire-versions/template.xlsx' },
      { url: '/api/questionnaire-versions/2024/file?format=json' },
      { method: 'POST' as const, url: '/api/questionnaire-versions', payload: file, headers: { 'content-type': XLSX } },
    ]) {
      expect((await manager.request(options)).statusCode, options.url).toBe(403);
      expect((await app().inject(options)).statusCode, options.url).toBe(401);
    }
  });
});

describe('uploads at the same moment', () => {
  it('stores one version when the same new file arrives twice at once, and answers both without an error', async () => {
    const file = await questionnaireXlsx(newVersionFrom2024('2026-cung-luc'));
    const replies = await Promise.all([upload(file), upload(file)]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const list = (await admin.request({ url: '/api/questionnaire-versions' })).json() as Array<{ version: string }>;
    expect(list.filter((v) => v.version === '2026-cung-luc')).toHaveLength(1);
  });
});
