import { describe, expect, it } from 'vitest';
import { catalogueLines } from '../../server/error-catalogue.ts';
import { useTestApp } from '../support/app.ts';

const { app } = useTestApp();

type Questionnaire = {
  version: string;
  language: string;
  title: string;
  questions: Array<{ code: string; role: string; text: string }>;
  elements: Array<{ code: string; items: string[] }>;
  aggregation: { overall: { weights: Record<string, number> } };
};

describe('GET /api/questionnaires/:version', () => {
  it.each(['2022', '2024'])('returns version %s in Vietnamese with its 33 satisfaction items', async (version) => {
    const res = await app().inject({ url: `/api/questionnaires/${version}` });
    expect(res.statusCode).toBe(200);
    const q = res.json() as Questionnaire;
    expect(q.version).toBe(version);
    expect(q.language).toBe('vi');
    const items = q.questions.filter((x) => x.role === 'satisfaction');
    expect(items).toHaveLength(33);
    expect(q.elements.flatMap((e) => e.items)).toEqual(items.map((i) => i.code));
    expect(items.find((i) => i.code === 'B3_1')?.text).toBe('Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân');
    expect(q.aggregation.overall.weights).toEqual({ policy: 0.6, service: 0.4 });
  });

  it('ships the organisations’ form: for organisations, with the citizens’ 2024 service items and elements, and a profile of the organisation', async () => {
    const q = (await app().inject({ url: '/api/questionnaires/2024-to-chuc' })).json() as Questionnaire & { respondentType: string; intro: string };
    const citizens = (await app().inject({ url: '/api/questionnaires/2024' })).json() as Questionnaire;
    expect(q.respondentType).toBe('organisation');
    expect(q.title).toMatch(/tổ chức, doanh nghiệp/);
    expect(q.intro).toMatch(/dành cho tổ chức, doanh nghiệp/);
    const service = (x: Questionnaire) => x.elements.filter((e) => e.code.startsWith('B')).map((e) => [e.code, e.items]);
    expect(q.elements.map((e) => e.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(service(q)).toEqual(service(citizens));
    expect(q.aggregation.overall.weights).toEqual({ service: 1 });
    expect(q.questions.filter((x) => x.role === 'profile').map((x) => x.code)).toEqual([
      'org_type',
      'org_size',
      'org_field',
      'procedure_field',
      'procedure_name',
    ]);
    expect(q.questions.find((x) => x.code === 'had_procedure')?.text).toMatch(/^Trong thời gian qua, Ông\/Bà \(đại diện tổ chức, doanh nghiệp\)/);
  });

  it('differs between versions where the forms differ', async () => {
    const v2022 = (await app().inject({ url: '/api/questionnaires/2022' })).json() as Questionnaire;
    const v2024 = (await app().inject({ url: '/api/questionnaires/2024' })).json() as Questionnaire;
    const items = (q: Questionnaire, element: string) => q.elements.find((e) => e.code === element)?.items.length;
    expect([items(v2022, 'A3'), items(v2022, 'B1')]).toEqual([8, 4]);
    expect([items(v2024, 'A3'), items(v2024, 'B1')]).toEqual([9, 3]);
  });

  it('returns English labels with ?lang=en', async () => {
    const q = (await app().inject({ url: '/api/questionnaires/2024?lang=en' })).json() as Questionnaire;
    expect(q.language).toBe('en');
    expect(q.questions.find((i) => i.code === 'B3_1')?.text).toBe('Civil servants are polite and respectful');
  });

  it('answers an unknown version with 404 in Vietnamese', async () => {
    const res = await app().inject({ url: '/api/questionnaires/1999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Không có phiếu khảo sát phiên bản 1999');
  });

  it('lists the stored versions', async () => {
    const res = await app().inject({ url: '/api/questionnaires' });
    expect(res.json().map((v: { version: string }) => v.version)).toEqual(['2022', '2024', '2024-to-chuc']);
  });
});

describe('service endpoints', () => {
  it('reports health with the database kind in use', async () => {
    const res = await app().inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const doc = (await app().inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const body = doc.paths['/api/responses'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['id', 'answers']);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['link', 'round', 'channel', 'profile']));
    expect(body.properties.channel.enum).toEqual(['office', 'paper', 'online']);
    expect(body.properties.answers).toMatchObject({ type: 'object', additionalProperties: { anyOf: expect.any(Array) } });
    expect(doc.paths['/api/questionnaires/{version}'].get).toBeDefined();
  });

  it('lists every problem of the error catalogue in the OpenAPI document, with its code, status, slug and words', async () => {
    const doc = (await app().inject({ url: '/api/openapi.json' })).json();
    expect(doc['x-problems']).toEqual(catalogueLines());
    expect(doc['x-problems']).toContainEqual(
      expect.objectContaining({ code: 409.13, status: 409, slug: 'round_not_published', en: 'Round {code} is not published' }),
    );
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await app().inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
