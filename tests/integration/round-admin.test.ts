import { referenceProvinces } from '../../db/seed/provinces.ts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/queries/audit.ts';
import { responses } from '../../db/schema/index.ts';
import { saveQuestionnaire } from '../../db/queries/questionnaires.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { useTestApp } from '../support/app.ts';
import { addTestProvinces } from '../support/provinces.ts';
import { vietnamDay } from '../support/rounds.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, officeSubmission, plausibleTimes } from '../support/submissions.ts';
import { publishAcknowledged } from '../support/publishing.ts';

const { app, database } = useTestApp();
const ORGANISATION_VERSION = 'org-test-2024';
let manager: Agent;
let serial = 0;

beforeEach(async () => {
  const db = database().db;
  await addTestProvinces(db);
  // An organisations' questionnaire: the 2024 form, said to be for organisations, under its own version.
  await saveQuestionnaire(db, { ...seededQuestionnaire('2024')!, version: ORGANISATION_VERSION, respondentType: 'organisation' });
  await addStaff(db, 'manager', 'manager');
  manager = await logInAs(app(), 'manager');
});

/** A round code no other test used (rounds outlive the reset between tests). */
const freshCode = () => `T-${process.pid}-${++serial}`;

function roundBody(overrides: Record<string, unknown> = {}) {
  return {
    code: freshCode(),
    name: 'Khảo sát SIPAS 2026 — Hà Nội và Lâm Đồng',
    year: 2026,
    provinces: ['01', '68'],
    periodStart: vietnamDay(-10),
    periodEnd: vietnamDay(20),
    questionnaires: { citizen: '2024', organisation: ORGANISATION_VERSION },
    target: 85,
    ...overrides,
  };
}

const create = (body: object) => manager.request({ method: 'POST', url: '/api/rounds', payload: body });
const change = (code: string, transition: string) =>
  transition === 'publish' ? publishAcknowledged(manager, code) : manager.request({ method: 'POST', url: `/api/rounds/${code}/${transition}` });
const issues = (res: { json(): { issues?: Array<{ path: string; message: string }> } }) => res.json().issues ?? [];

async function openRound(overrides: Record<string, unknown> = {}) {
  const body = roundBody(overrides);
  expect((await create(body)).statusCode).toBe(201);
  expect((await change(body.code, 'open')).json()).toMatchObject({ status: 'open' });
  return body.code;
}

/** The round's online link token (made on first use by the links screen). */
async function onlineLink(code: string): Promise<string> {
  const links = (await manager.request({ url: `/api/rounds/${code}/links` })).json() as Array<{ channel: string; token: string }>;
  return links.find((l) => l.channel === 'online')!.token;
}

function onlineResponse(token: string, locality: object, overrides: Record<string, unknown> = {}) {
  const { profile, answers } = officeSubmission();
  return app().inject({
    method: 'POST',
    url: '/api/responses',
    payload: { id: crypto.randomUUID(), link: token, locality, profile, answers, ...plausibleTimes(), ...overrides },
  });
}

describe('creating a round', () => {
  it('stores a draft over two provinces with a questionnaire per respondent type, its year and target, and audits it', async () => {
    const body = roundBody();
    const res = await create(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: body.code,
      status: 'draft',
      year: 2026,
      provinceCodes: ['01', '68'],
      questionnaires: { citizen: '2024', organisation: ORGANISATION_VERSION },
      target: 85,
      keyingClosed: false,
    });
    const trail = await auditTrail(database().db, 'round', body.code);
    expect(trail).toMatchObject([{ action: 'create_round', userId: manager.userId }]);
  });

  it('covers every province valid in the period when asked for all of them', async () => {
    const res = await create(roundBody({ provinces: 'all' }));
    // Đắk Nông (67) ended on 30/06/2025: a round of 2026 covers the 34 provinces after the reform only.
    expect(res.json().provinceCodes).toEqual(referenceProvinces.map((p) => p.code).sort());
    expect(res.json().provinceCodes).not.toContain('67');
    const earlier = await create(roundBody({ provinces: 'all', periodStart: '2025-01-01', periodEnd: '2025-06-30', year: 2025 }));
    expect(earlier.json().provinceCodes).toEqual(['67']);
  });

  it('names every wrong field in Vietnamese, and in English with ?lang=en', async () => {
    const body = roundBody({
      provinces: ['01', '99', '67'],
      periodStart: vietnamDay(5),
      periodEnd: vietnamDay(1),
      questionnaires: { citizen: ORGANISATION_VERSION, organisation: '2024' },
    });
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(issues(res).map((i) => [i.path, i.message]));
    expect(byPath.periodEnd).toMatch(/^Ngày kết thúc .* phải từ ngày bắt đầu/);
    expect(byPath['provinces.1']).toBe('Không có tỉnh mã 99');
    expect(byPath['provinces.2']).toMatch(/Tỉnh Đắk Nông \(67\) không còn hiệu lực trong thời gian khảo sát/);
    expect(byPath['questionnaires.citizen']).toMatch(/dành cho tổ chức, doanh nghiệp, không phải cho người dân/);
    expect(byPath['questionnaires.organisation']).toMatch(/dành cho người dân, không phải cho tổ chức, doanh nghiệp/);
    const english = await manager.request({ method: 'POST', url: '/api/rounds?lang=en', payload: body });
    expect(issues(english).find((i) => i.path === 'provinces.1')?.message).toBe('No province has code 99');

    const schema = await create({ ...roundBody(), target: 120, code: 'có dấu' });
    expect(
      issues(schema)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['code', 'target']);
    expect((await create({ ...roundBody(), questionnaires: { citizen: 'không-có' } })).json().issues[0]).toMatchObject({
      path: 'questionnaires.citizen',
      message: 'Không có phiếu khảo sát phiên bản không-có',
    });
  });

  it('refuses a code already taken, and keeps the first round as it was', async () => {
    const body = roundBody();
    await create(body);
    const again = await create({ ...body, name: 'Khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('round_code_taken');
    expect((await manager.request({ url: `/api/rounds/${body.code}` })).json().name).toBe(body.name);
  });

  it('lets only managers and admins create, open and edit rounds; analysts read them', async () => {
    const db = database().db;
    await addStaff(db, 'analyst', 'analyst');
    await addStaff(db, 'keyer', 'keyer');
    const analyst = await logInAs(app(), 'analyst');
    const keyer = await logInAs(app(), 'keyer');
    const body = roundBody();
    expect((await analyst.request({ method: 'POST', url: '/api/rounds', payload: body })).statusCode).toBe(403);
    expect((await keyer.request({ method: 'POST', url: '/api/rounds', payload: body })).statusCode).toBe(403);
    expect((await app().inject({ method: 'POST', url: '/api/rounds', payload: body })).statusCode).toBe(401);
    await create(body);
    expect((await analyst.request({ url: `/api/rounds/${body.code}` })).statusCode).toBe(200);
    expect((await keyer.request({ url: `/api/rounds/${body.code}` })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'POST', url: `/api/rounds/${body.code}/open` })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'PATCH', url: `/api/rounds/${body.code}`, payload: { target: 90 } })).statusCode).toBe(403);
  });
});

describe('editing a round', () => {
  it('changes what responses do not depend on, field by field in the audit log', async () => {
    const body = roundBody();
    await create(body);
    const res = await manager.request({ method: 'PATCH', url: `/api/rounds/${body.code}`, payload: { target: 87.5, provinces: ['01', '46', '68'] } });
    expect(res.json()).toMatchObject({ target: 87.5, provinceCodes: ['01', '46', '68'] });
    const edits = (await auditTrail(database().db, 'round', body.code)).filter((e) => e.action === 'edit_round');
    expect(edits.map((e) => e.field).sort()).toEqual(['provinceCodes', 'target']);
    expect(edits.find((e) => e.field === 'target')).toMatchObject({ oldValue: 85, newValue: 87.5 });
  });

  it('keeps the questionnaires, provinces and days that responses already used', async () => {
    const code = await openRound();
    const token = await onlineLink(code);
    expect((await onlineResponse(token, { province: '01', commune: '00004' })).statusCode).toBe(201);
    const patch = (payload: object) => manager.request({ method: 'PATCH', url: `/api/rounds/${code}`, payload });

    const questionnaire = await patch({ questionnaires: { citizen: '2022' } });
    expect(questionnaire.statusCode).toBe(409);
    expect(questionnaire.json().message).toBe(`Không đổi được phiếu khảo sát của đợt ${code}: đã có phiếu trả lời theo phiên bản 2024`);
    expect((await patch({ provinces: ['68'] })).json().code).toBe('round_locked');
    expect((await patch({ periodEnd: vietnamDay(-1) })).json().code).toBe('round_locked');
    expect((await patch({ periodStart: vietnamDay(1) })).json().code).toBe('round_locked');
    // The organisations' version was not used yet: it may still change, and the end may move later.
    const fine = await patch({ questionnaires: { citizen: '2024' }, periodEnd: vietnamDay(40) });
    expect(fine.json()).toMatchObject({ questionnaires: { citizen: '2024' }, periodEnd: vietnamDay(40) });
  });

  it('refuses to edit a published round until its publication is withdrawn', async () => {
    const code = await openRound();
    await change(code, 'close');
    await change(code, 'publish');
    const res = await manager.request({ method: 'PATCH', url: `/api/rounds/${code}`, payload: { target: 90 } });
    expect(res.json()).toMatchObject({ code: 'round_locked', message: expect.stringContaining('thu hồi công bố') });
  });
});

describe('a round over several provinces', () => {
  it('takes online responses from any of its provinces and refuses one from elsewhere, naming the field', async () => {
    const code = await openRound({ provinces: ['01', '68'] });
    const token = await onlineLink(code);
    expect((await onlineResponse(token, { province: '01', commune: '00004' })).statusCode).toBe(201);
    expect((await onlineResponse(token, { province: '68', commune: '24780' })).statusCode).toBe(201);
    const elsewhere = await onlineResponse(token, { province: '46', commune: '19753' });
    expect(elsewhere.statusCode).toBe(400);
    expect(issues(elsewhere)[0]).toMatchObject({ path: 'locality.province', message: 'Địa bàn 46 không thuộc tỉnh của đợt khảo sát (01, 68)' });
  });

  it('offers the online respondent its provinces first, then their units valid in the period', async () => {
    const code = await openRound({ provinces: ['01', '68'] });
    const link = (await app().inject({ url: `/api/links/${await onlineLink(code)}?include=questionnaire` })).json();
    expect(link.round.provinceCodes).toEqual(['01', '68']);
    const provinces = link.localities.filter((l: { level: string }) => l.level === 'province').map((l: { code: string }) => l.code);
    expect(provinces).toEqual(['01', '68']);
    expect(link.localities.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining(['00004', '24780']));
    expect(link.localities.map((l: { code: string }) => l.code)).not.toContain('19753');
    // The districts of Đắk Nông ended before the period.
    expect(link.localities.map((l: { code: string }) => l.code)).not.toContain('660');
  });

  it('accepts a response only with a version the round has, and stores the one it answered', async () => {
    const code = await openRound();
    const token = await onlineLink(code);
    const organisation = await app().inject({ url: `/api/links/${token}?include=questionnaire&respondentType=organisation` });
    expect(organisation.json().questionnaire.version).toBe(ORGANISATION_VERSION);
    expect((await onlineResponse(token, { province: '01', commune: '00004' }, { questionnaireVersion: ORGANISATION_VERSION })).statusCode).toBe(201);
    const other = await onlineResponse(token, { province: '01', commune: '00004' }, { questionnaireVersion: '2022' });
    expect(other.statusCode).toBe(400);
    expect(issues(other)[0].path).toBe('questionnaireVersion');
    const stored = await database().db.select({ v: responses.questionnaireVersion }).from(responses);
    expect(stored.map((r) => r.v)).toEqual([ORGANISATION_VERSION]);
  });
});

describe('the lifecycle draft → open → closed → published', () => {
  it('walks forward and back, refusing what does not follow, and audits every step', async () => {
    const body = roundBody();
    await create(body);
    const { code } = body;
    expect((await change(code, 'close')).json()).toMatchObject({ code: 'round_transition' });
    expect((await change(code, 'publish')).json().code).toBe('round_is_draft');
    expect((await change(code, 'open')).json().status).toBe('open');
    const publishOpen = await change(code, 'publish');
    expect(publishOpen.statusCode).toBe(409);
    expect(publishOpen.json()).toMatchObject({ code: 'round_not_closed', message: expect.stringContaining('hãy đóng đợt') });
    expect((await change(code, 'close')).json().status).toBe('closed');
    expect((await change(code, 'reopen')).json().status).toBe('open');
    expect((await change(code, 'close')).json().status).toBe('closed');
    expect((await change(code, 'publish')).json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await change(code, 'reopen')).statusCode).toBe(409);
    expect((await change(code, 'unpublish')).json().status).toBe('closed');
    const trail = await auditTrail(database().db, 'round', code);
    expect(trail.map((e) => [e.action, e.oldValue, e.newValue])).toEqual([
      ['create_round', null, expect.anything()],
      ['open_round', 'draft', 'open'],
      ['close_round', 'open', 'closed'],
      ['reopen_round', 'closed', 'open'],
      ['close_round', 'open', 'closed'],
      ['publish_results', 'closed', 'published'],
      ['withdraw_results', 'published', 'closed'],
    ]);
  });

  it('stops phone and online collection when closed, and reopening opens again only the links the closing closed', async () => {
    const code = await openRound();
    const online = await onlineLink(code);
    const links = (await manager.request({ url: `/api/rounds/${code}/links` })).json() as Array<{ token: string; open: boolean }>;
    expect(links.every((l) => l.open)).toBe(true);
    await change(code, 'close');
    const refused = await onlineResponse(online, { province: '01', commune: '00004' });
    expect(refused.statusCode).toBe(409);
    expect((await app().inject({ url: `/api/links/${online}` })).json().open).toBe(false);
    // A link closed by hand while the round was open stays closed after reopening.
    await change(code, 'reopen');
    await manager.request({ method: 'PATCH', url: `/api/links/${online}`, payload: { active: false } });
    await change(code, 'close');
    await change(code, 'reopen');
    expect((await app().inject({ url: `/api/links/${online}` })).json().open).toBe(false);
    await manager.request({ method: 'PATCH', url: `/api/links/${online}`, payload: { active: true } });
    expect((await onlineResponse(online, { province: '68', commune: '24780' })).statusCode).toBe(201);
  });
});

describe('keying paper forms after the round closed', () => {
  async function keyingReady() {
    const db = database().db;
    const [first, second] = [await addStaff(db, 'keyer', 'keyer.a'), await addStaff(db, 'keyer', 'keyer.b')];
    const code = await openRound({ provinces: ['01'] });
    const post = (url: string, payload: object) => manager.request({ method: 'POST', url: `/api/rounds/${code}/${url}`, payload });
    expect((await post('paper-forms', { localityCode: '00004', serials: '1-4' })).statusCode).toBe(201);
    await post('paper-forms/status', { serials: '1-4', status: 'returned' });
    const batch = await post('batches', { code: 'L1', serials: '1-4', firstKeyerId: first.id, secondKeyerId: second.id });
    return { code, batchId: batch.json().id as number, keyer: await logInAs(app(), 'keyer.a') };
  }
  const key = (keyer: Agent, batchId: number, serial: number) => {
    const { profile, answers } = officeSubmission();
    return keyer.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/${serial}/entry`, payload: { profile, answers } });
  };

  it('keys forms issued within the period until the manager closes keying, then refuses in Vietnamese', async () => {
    const { code, batchId, keyer } = await keyingReady();
    await change(code, 'close');
    expect((await key(keyer, batchId, 1)).json()).toEqual({ status: 'keyed_once' });
    // A form handed out after the last day is not part of the round's sample.
    await database().db.execute(sql`update paper_forms set issued_at = now() + interval '60 days' where serial = 2`);
    const late = await key(keyer, batchId, 2);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe(`Đợt ${code} đã đóng; phiếu số 2 được cấp sau khi đợt kết thúc nên không nhập được`);

    expect((await change(code, 'close-keying')).json().keyingClosed).toBe(true);
    const refused = await key(keyer, batchId, 3);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'keying_closed',
      message: expect.stringMatching(/^Đợt .* đã kết thúc nhập phiếu giấy: không nhập thêm được/),
    });
    expect((await change(code, 'reopen-keying')).json().keyingClosed).toBe(false);
    expect((await key(keyer, batchId, 3)).statusCode).toBe(200);
    const actions = (await auditTrail(database().db, 'round', code)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['close_keying', 'reopen_keying']));
  });

  it('never keys into a published round', async () => {
    const { code, batchId, keyer } = await keyingReady();
    await change(code, 'close');
    await change(code, 'publish');
    expect((await key(keyer, batchId, 1)).json().code).toBe('keying_not_allowed');
    expect((await change(code, 'close-keying')).statusCode).toBe(409);
  });
});

describe('the sample plan', () => {
  it('counts accepted responses against each office and unit, on the screen’s API', async () => {
    const code = await openRound();
    const plan = await manager.request({
      method: 'PUT',
      url: `/api/rounds/${code}/sample-plan`,
      payload: {
        lines: [
          { unitKind: 'locality', unitCode: '00004', wanted: 3 },
          { unitKind: 'locality', unitCode: '24780', wanted: 2 },
          { unitKind: 'office', unitCode: 'MC-HN', wanted: 5 },
        ],
      },
    });
    expect(plan.json()).toEqual({ lines: 3 });
    const token = await onlineLink(code);
    for (let k = 0; k < 2; k++) {
      expect((await onlineResponse(token, { province: '01', commune: '00004' }, distinctAnswers(k))).statusCode).toBe(201);
    }
    const detail = (await manager.request({ url: `/api/rounds/${code}` })).json();
    expect(detail.plan).toEqual([
      { unitKind: 'locality', unitCode: '00004', unitName: 'Phường Ba Đình', wanted: 3, counted: 2 },
      { unitKind: 'locality', unitCode: '24780', unitName: 'Phường Xuân Hương - Đà Lạt', wanted: 2, counted: 0 },
      { unitKind: 'office', unitCode: 'MC-HN', unitName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', wanted: 5, counted: 0 },
    ]);
    expect(detail).toMatchObject({ counted: 2, byChannel: { online: 2, office: 0, paper: 0 }, questionnairesInUse: true });
  });

  it('stores nothing when a line is wrong and names each one; imports the same plan from a CSV table', async () => {
    const code = await openRound();
    const bad = await manager.request({
      method: 'PUT',
      url: `/api/rounds/${code}/sample-plan`,
      payload: {
        lines: [
          { unitKind: 'locality', unitCode: '19753', wanted: 3 },
          { unitKind: 'office', unitCode: 'MC-XX', wanted: 2 },
          { unitKind: 'locality', unitCode: '00004', wanted: 1 },
          { unitKind: 'locality', unitCode: '00004', wanted: 1 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(issues(bad).map((i) => [i.path, i.message])).toEqual([
      ['lines.0.unitCode', 'đơn vị 19753 không thuộc tỉnh của đợt'],
      ['lines.1.unitCode', 'không có điểm khảo sát mã MC-XX'],
      ['lines.3.unitCode', '00004 bị lặp (dòng 3)'],
    ]);
    expect((await manager.request({ url: `/api/rounds/${code}` })).json().plan).toEqual([]);

    const csv = 'kind,code,wanted\nlocality,00004,30\noffice,MC-LD,abc\n';
    const rejected = await manager.request({
      method: 'POST',
      url: `/api/rounds/${code}/sample-plan/import`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().problems).toEqual([expect.objectContaining({ row: 3, column: 'wanted', value: 'abc' })]);
    const imported = await manager.request({
      method: 'POST',
      url: `/api/rounds/${code}/sample-plan/import`,
      payload: 'kind,code,wanted\nlocality,00004,30\noffice,MC-LD,20\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.json()).toEqual({ lines: 2 });
    const actions = (await auditTrail(database().db, 'round', code)).map((e) => e.action);
    expect(actions.filter((a) => a === 'set_sample_plan')).toHaveLength(1);
  });
});

describe('the target', () => {
  it('comes with the round’s results, for analysts and, once published, for everyone', async () => {
    await addStaff(database().db, 'analyst', 'analyst');
    const analyst = await logInAs(app(), 'analyst');
    const results = await analyst.request({ url: '/api/rounds/DN-2025-H1/results?by=province' });
    expect(results.json().target).toBe(85);
    await manager.request({ method: 'PATCH', url: '/api/rounds/DN-2025-H1', payload: { target: null } });
    expect((await analyst.request({ url: '/api/rounds/DN-2025-H1/results?by=province' })).json().target).toBeNull();
    await manager.request({ method: 'PATCH', url: '/api/rounds/DN-2025-H1', payload: { target: 85 } });
    await change('DN-2025-H1', 'close');
    await change('DN-2025-H1', 'publish');
    expect((await app().inject({ url: '/api/public/rounds/DN-2025-H1/results?by=province' })).json().target).toBe(85);
  });
});
