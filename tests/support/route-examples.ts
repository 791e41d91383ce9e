/**
 * One well-formed request per API route: its path parameters, query and body pass the route's
 * schemas, and it is sent by a role the route lets in. Attacks then spoil one thing at a time, so
 * that the field a refusal names can only be the spoiled one. A route of the app missing here
 * fails tests/integration/strict-input.test.ts: a new route must say what a good request is.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../db/schema/staff.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { PASSWORD } from './staff.ts';
import { officeSubmission } from './submissions.ts';

export interface RouteExample {
  as: Role | 'anonymous';
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body; routes without a body schema take none. */
  body?: Record<string, unknown>;
}

/** What the examples refer to, made by the test before it sends them. */
export interface ExampleData {
  link: string;
  batchId: number;
  spareUserId: number;
  keyerIds: [number, number];
}

const round = { code: DEMO_ROUND_CODE };
const form = (data: ExampleData) => ({ id: String(data.batchId), serial: '1' });

export function routeExamples(data: ExampleData): Record<string, RouteExample> {
  return {
    'GET /api/health': { as: 'anonymous' },
    'GET /api/questionnaires': { as: 'anonymous' },
    'GET /api/questionnaires/:version': { as: 'anonymous', params: { version: '2024' } },
    'GET /api/links/:token': { as: 'anonymous', params: { token: data.link }, query: { include: 'questionnaire' } },
    'POST /api/responses': {
      as: 'anonymous',
      body: {
        ...officeSubmission(),
        id: randomUUID(),
        round: undefined,
        channel: undefined,
        office: undefined,
        link: data.link,
        locality: { province: '67', district: '660' },
      },
    },
    'POST /api/session': { as: 'anonymous', body: { username: 'strict.admin', password: 'not the password' } },
    'GET /api/session': { as: 'admin' },
    'DELETE /api/session': { as: 'analyst' },
    'GET /api/users': { as: 'admin' },
    'POST /api/users': { as: 'admin', body: { username: 'strict.new', displayName: 'Người mới', role: 'keyer', password: 'mật-khẩu-đủ-dài' } },
    'PATCH /api/users/:id': { as: 'admin', params: { id: String(data.spareUserId) }, body: { active: false } },
    'POST /api/users/:id/unlock': { as: 'admin', params: { id: String(data.spareUserId) } },
    // accounts: first-run setup, password resets, own password
    'GET /api/setup': { as: 'anonymous' },
    'POST /api/setup': { as: 'anonymous', body: { token: 'not-the-setup-token', username: 'strict.first', displayName: 'Quản trị', password: PASSWORD } },
    'POST /api/users/:id/password-reset': { as: 'admin', params: { id: String(data.spareUserId) } },
    'POST /api/password-reset': { as: 'anonymous', body: { username: 'strict.spare', code: 'not-a-reset-code', password: PASSWORD } },
    // The same password again: the change succeeds and leaves the example world as it was.
    'PUT /api/session/password': { as: 'keyer', body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
    'POST /api/rounds/:code/paper-forms': { as: 'manager', params: round, body: { localityCode: '660', serials: '101-102', target: 2 } },
    'POST /api/rounds/:code/paper-forms/status': { as: 'manager', params: round, body: { serials: '101', status: 'returned' } },
    'POST /api/rounds/:code/batches': {
      as: 'manager',
      params: round,
      body: { code: 'B2', serials: '101', firstKeyerId: data.keyerIds[0], secondKeyerId: data.keyerIds[1] },
    },
    'GET /api/rounds/:code/paper-progress': { as: 'manager', params: round },
    'GET /api/batches': { as: 'manager', query: { round: DEMO_ROUND_CODE } },
    'GET /api/batches/:id': { as: 'manager', params: { id: String(data.batchId) } },
    'GET /api/rounds/:code/paper-forms/:serial': { as: 'manager', params: { ...round, serial: '1' } },
    'GET /api/batches/:id/forms/:serial/entry': { as: 'keyer', params: form(data) },
    'PUT /api/batches/:id/forms/:serial/entry': {
      as: 'keyer',
      params: form(data),
      body: { profile: { sex: 'nu' }, answers: { had_procedure: 'no' }, seconds: 60 },
    },
    'GET /api/batches/:id/forms/:serial/comparison': { as: 'manager', params: form(data) },
    'POST /api/batches/:id/forms/:serial/reconciliation': {
      as: 'manager',
      params: form(data),
      body: { profile: { sex: 'nu' }, answers: { had_procedure: 'no' } },
    },
    'GET /api/audit': { as: 'manager', query: { entity: 'paper_form', id: `${DEMO_ROUND_CODE}:1` } },
    'GET /api/rounds/:code/import-template': { as: 'manager', params: round, query: { format: 'csv' } },
    'POST /api/rounds/:code/imports': { as: 'manager', params: round },
    'GET /api/rounds': { as: 'keyer' },
    'GET /api/localities': { as: 'manager', query: { parent: '67' } },
    'GET /api/rounds/:code/links': { as: 'manager', params: round },
    'PATCH /api/links/:token': { as: 'manager', params: { token: data.link }, body: { active: true } },
    'GET /api/rounds/:code/flagged-responses': { as: 'manager', params: round },
    'POST /api/responses/:id/review': { as: 'manager', params: { id: randomUUID() }, body: { decision: 'accepted' } },
    'GET /api/rounds/:code/results': {
      as: 'analyst',
      params: round,
      // figures: office level, rankings, year-on-year, the lonely-PSU choice
      query: { by: 'province,district,office', minN: '30', maxHalfWidth: '10', lonelyPsu: 'average', rank: 'true', compare: 'previous' },
    },
    'GET /api/rounds/:code/results.csv': { as: 'analyst', params: round, query: { by: 'district' } },
    'GET /api/rounds/:code/results.xlsx': { as: 'analyst', params: round, query: { by: 'province' } },
    'GET /api/rounds/:code/microdata.csv': { as: 'analyst', params: round },
    'GET /api/rounds/:code/codebook.csv': { as: 'analyst', params: round },
    // downloads: syntax files that load the microdata into SPSS, Stata and R
    'GET /api/rounds/:code/microdata.sps': { as: 'analyst', params: round },
    'GET /api/rounds/:code/microdata.do': { as: 'analyst', params: round },
    'GET /api/rounds/:code/microdata.R': { as: 'analyst', params: round, query: { respondentType: 'citizen' } },
    'GET /api/results/trend': { as: 'analyst', query: { by: 'province', rounds: DEMO_ROUND_CODE } },
    'GET /api/results/rounds': { as: 'analyst' },
    'GET /api/rounds/:code/frame': { as: 'analyst', params: round },
    'PUT /api/rounds/:code/frame': { as: 'manager', params: round },
    'DELETE /api/rounds/:code/frame': { as: 'manager', params: round },
    'POST /api/rounds/:code/publish': { as: 'manager', params: round, body: { acknowledgedWarnings: [] } },
    'POST /api/rounds/:code/unpublish': { as: 'manager', params: round },
    // rounds: creating, editing, the sample plan and the lifecycle.
    'GET /api/round-choices': { as: 'manager' },
    'POST /api/rounds': {
      as: 'manager',
      body: {
        code: 'EX-2026',
        name: 'Đợt ví dụ',
        year: 2026,
        provinces: ['67'],
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        questionnaires: { citizen: '2024' },
        target: 85,
      },
    },
    'GET /api/rounds/:code': { as: 'analyst', params: round },
    'PATCH /api/rounds/:code': { as: 'manager', params: round, body: { target: 86 } },
    'POST /api/rounds/:code/open': { as: 'manager', params: round },
    'POST /api/rounds/:code/close': { as: 'manager', params: round },
    'POST /api/rounds/:code/reopen': { as: 'manager', params: round },
    'POST /api/rounds/:code/close-keying': { as: 'manager', params: round },
    'POST /api/rounds/:code/reopen-keying': { as: 'manager', params: round },
    'PUT /api/rounds/:code/sample-plan': { as: 'manager', params: round, body: { lines: [{ unitKind: 'locality', unitCode: '660', wanted: 40 }] } },
    'POST /api/rounds/:code/sample-plan/import': { as: 'manager', params: round },
    'POST /api/rounds/:code/online-link/reissue': { as: 'manager', params: round },
    'GET /api/public/rounds': { as: 'anonymous' },
    'GET /api/public/rounds/:code/results': { as: 'anonymous', params: round, query: { by: 'province', rank: 'true', compare: 'previous' } },
    'GET /api/openapi.json': { as: 'anonymous' },
    // free text: citizens' own words, their categories and tags
    'GET /api/rounds/:code/free-text': { as: 'analyst', params: round, query: { locality: '660', item: 'comment', q: 'phòng chờ', page: '1', pageSize: '20' } },
    'GET /api/rounds/:code/free-text/counts': { as: 'analyst', params: round, query: { by: 'office', category: 'none' } },
    'GET /api/rounds/:code/free-text.csv': { as: 'analyst', params: round, query: { item: 'comment' } },
    'GET /api/rounds/:code/free-text.xlsx': { as: 'analyst', params: round, query: { respondentType: 'citizen' } },
    'POST /api/rounds/:code/free-text/categories': { as: 'analyst', params: round, body: { name: 'Thời gian chờ' } },
    'PATCH /api/rounds/:code/free-text/categories/:id': { as: 'analyst', params: { ...round, id: '1' }, body: { name: 'Thái độ cán bộ' } },
    'DELETE /api/rounds/:code/free-text/categories/:id': { as: 'analyst', params: { ...round, id: '1' } },
    'PUT /api/rounds/:code/free-text/answers/:responseId/:item/categories/:id': {
      as: 'analyst',
      params: { ...round, responseId: randomUUID(), item: 'comment', id: '1' },
    },
    'DELETE /api/rounds/:code/free-text/answers/:responseId/:item/categories/:id': {
      as: 'analyst',
      params: { ...round, responseId: randomUUID(), item: 'comment', id: '1' },
    },
    // Questionnaire versions (admins).
    'GET /api/questionnaire-versions': { as: 'admin' },
    'POST /api/questionnaire-versions': { as: 'admin' },
    'GET /api/questionnaire-versions/template.xlsx': { as: 'admin' },
    'GET /api/questionnaire-versions/:version/file': { as: 'admin', params: { version: '2024' }, query: { format: 'json' } },
    'GET /poster/:token': { as: 'anonymous', params: { token: data.link } },
    // offices and localities
    'GET /api/rounds/:code/links.csv': { as: 'manager', params: round },
    'POST /api/links/:token/reissue': { as: 'manager', params: { token: data.link } },
    'GET /posters/:code': { as: 'manager', params: round },
    'GET /api/offices': { as: 'manager' },
    'POST /api/offices': { as: 'manager', body: { code: 'MC-STRICT', name: 'Bộ phận Một cửa thử', localityCode: '661', level: 'district' } },
    'PATCH /api/offices/:code': { as: 'manager', params: { code: 'MC-660' }, body: { name: 'Bộ phận Một cửa thành phố Gia Nghĩa' } },
    'GET /api/offices/template': { as: 'manager', query: { format: 'csv' } },
    'POST /api/offices/imports': { as: 'manager' },
    'GET /api/localities/provinces': { as: 'manager' },
    'POST /api/localities': {
      as: 'manager',
      body: { code: '66999', name: 'Xã Thử', level: 'commune', parentCode: '66', validFrom: '2025-07-01', validTo: null },
    },
    'PATCH /api/localities/:code': { as: 'manager', params: { code: '661' }, body: { name: 'Huyện Đắk Glong' } },
    'POST /api/localities/imports': { as: 'manager' },
    'GET /api/locality-mappings': { as: 'manager', query: { code: '67' } },
    'POST /api/locality-mappings': { as: 'manager', body: { oldCode: '67', newCode: '68', effectiveFrom: '2025-07-01' } },
    'DELETE /api/locality-mappings/:oldCode/:newCode': { as: 'manager', params: { oldCode: '661', newCode: '68' } },
    'POST /api/locality-mappings/imports': { as: 'manager' },
    // publish checklist and improvement plans
    'GET /api/rounds/:code/publish-checklist': { as: 'manager', params: round },
    'GET /api/provinces/:province/lead-agencies': { as: 'analyst', params: { province: '67' } },
    'PUT /api/provinces/:province/lead-agencies/:index': {
      as: 'manager',
      params: { province: '67', index: 'B3' },
      body: { lead: 'Chánh Văn phòng UBND tỉnh', partners: 'Các cơ quan, đơn vị có liên quan' },
    },
    'GET /api/rounds/:code/plans/:province': { as: 'analyst', params: { ...round, province: '67' } },
    'POST /api/rounds/:code/plans/:province/generate': { as: 'manager', params: { ...round, province: '67' } },
    'GET /api/rounds/:code/plans/:province/report.xlsx': { as: 'analyst', params: { ...round, province: '67' } },
    'PATCH /api/plan-entries/:id': {
      as: 'manager',
      params: { id: '1' },
      body: { agency: 'Sở Nội vụ', actions: 'Tập huấn công chức một cửa', owner: 'Phó Giám đốc Sở', deadline: '2026-12-31', status: 'in_progress' },
    },
  };
}

/** The example of a route; HEAD is answered by its GET. */
export function exampleOf(examples: Record<string, RouteExample>, method: string, url: string): RouteExample | undefined {
  return examples[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

/** The concrete URL of a route with an example's parameters and query (each value percent-encoded). */
export function urlOf(pattern: string, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const path = pattern.replace(/:([A-Za-z_]+)/g, (_, name: string) => encodeURIComponent(params[name]));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
