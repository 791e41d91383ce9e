/**
 * Bad requests for any route the app serves, derived from the route itself: its path parameters
 * are filled with names of nothing, its query and body schemas (zod) say which fields exist and —
 * used as the oracle — whether a value is wrong for a field, so the reply can be checked for
 * naming that field. Every request that could change something (anything but GET/HEAD) carries
 * at least one definite fault, so a correct server changes nothing.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import type { CataloguedRoute } from '../../../server/plugins/route-catalogue.ts';
import { badContentTypes, encodeAny, hostileParam, hostileString, injectionStrings, rawBodies, wrongValue } from './hostile.ts';

export type Caller = 'anonymous' | 'admin' | 'manager' | 'keyer' | 'analyst';

export interface FuzzRequest {
  route: string;
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  caller: Caller;
  csrf: 'right' | 'wrong' | 'missing';
  /** The field at fault, as the reply's issue path would name it (`body` fields bare, `params.x`, `querystring.x`). */
  expectField?: string;
  /** Carries a fault the route's schemas refuse (an unknown field, a value they refuse): may not succeed, even as a read. */
  faulty?: boolean;
}

/** A complete, valid response through the demo office link, to be spoiled one field at a time. */
export interface ResponseBase {
  /** A round that exists: files are sent to its upload routes as a manager, so that they are read. */
  roundCode: string;
  link: string;
  profile: Record<string, unknown>;
  answers: Record<string, unknown>;
}

const isObjectSchema = (schema: unknown): schema is z.ZodObject => schema instanceof z.ZodObject;

/** A value the field's own schema refuses, or undefined when the field accepts anything we tried. */
function refusedValue(field: z.ZodType, candidate: unknown): unknown {
  for (const value of [candidate, { not: ['a', 'value'] }, [[[]]], -1.5]) {
    if (!field.safeParse(value).success) return value;
  }
  return undefined;
}

const pathWith = (url: string, params: string[]) => {
  let k = 0;
  return url.replace(/:[A-Za-z_]+/g, () => params[k++] ?? 'x').replace(/\*$/, () => params[k++] ?? 'x');
};

const paramNames = (url: string) => [...url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]).concat(url.endsWith('*') ? ['*'] : []);

const caller = fc.constantFrom<Caller>('anonymous', 'admin', 'admin', 'manager', 'keyer', 'analyst');
const csrf = fc.constantFrom<'right' | 'wrong' | 'missing'>('right', 'right', 'right', 'wrong', 'missing');
const language = fc.constantFrom<Record<string, string>>({}, { 'accept-language': 'en-GB,en;q=0.9' }, { 'accept-language': 'vi-VN' });

/**
 * Query strings: the schema's own keys with hostile values, and keys it does not know — plain,
 * nested in brackets, prototype names, undecodable — each of which an API route must refuse by name.
 */
function queryFor(route: CataloguedRoute): fc.Arbitrary<{ text: string; expectField?: string; faulty?: boolean }> {
  const schema = route.schema?.querystring;
  const api = route.url.startsWith('/api/');
  const shape = (isObjectSchema(schema) ? schema.shape : {}) as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const unknownKeys = ['page', 'x', "a'b", '__proto__', 'constructor', 'isAdmin', 'where[role]', 'by[0]', 'include[]'];
  const key = fc.oneof(keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('lang'), fc.constantFrom('lang', 'include', ...unknownKeys));
  const isKnown = (k: string) => Object.hasOwn(shape, k);
  return fc.oneof(
    fc.constant({ text: '' }),
    fc
      .array(
        fc.tuple(
          key,
          hostileString.filter((s) => s.length < 3000),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((pairs) => {
        const text = pairs.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
        const refused = pairs.find(([k, v]) => isKnown(k) && !shape[k].safeParse(v).success);
        const unknown = api ? pairs.find(([k]) => !isKnown(k)) : undefined;
        const fault = refused ?? unknown;
        return { text, expectField: fault ? `querystring.${fault[0]}` : undefined, faulty: fault !== undefined };
      }),
    fc
      .constantFrom(
        { text: 'lang=en&lang=vi', expectField: 'querystring.lang' },
        { text: '%zz=1', expectField: 'querystring.%zz' },
        { text: 'a[b][c]=1', expectField: 'querystring.a[b][c]' },
        { text: 'filter%5Brole%5D=admin', expectField: 'querystring.filter[role]' },
      )
      .map((q) => (api ? { ...q, faulty: true } : { text: q.text })),
  );
}

/** Bodies for a route with a zod object body: one field (the target) certainly wrong, others wrong or absent, maybe unknown fields. */
function fieldBodies(schema: z.ZodObject): fc.Arbitrary<{ kind: string; payload: string; expectField?: string }> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape).filter((k) => refusedValue(shape[k], 'probe') !== undefined);
  if (keys.length === 0) return fc.constant({ kind: 'empty object', payload: '{"unknownField": 1}', expectField: 'unknownField' });
  // Objects inside the body (e.g. a locality) take no more keys than the top does.
  const objects = Object.keys(shape).filter((k) => objectInside(shape[k]));
  const nestedUnknown = fc
    .record({ field: fc.constantFrom(...(objects.length > 0 ? objects : keys)), name: fc.constantFrom('isAdmin', 'role', '__proto__x', 'a.b') })
    .map(({ field, name }) => ({
      kind: 'unknown field in a nested object',
      payload: JSON.stringify({ [field]: { [name]: true } }),
      expectField: `${field}.${name}`,
    }));
  const fields = fc
    .record({
      target: fc.constantFrom(...keys),
      value: wrongValue,
      others: fc.dictionary(fc.constantFrom(...Object.keys(shape)), wrongValue, { maxKeys: 3 }),
      unknown: fc.option(fc.dictionary(fc.constantFrom('unknownField', 'isAdmin', 'role_id', "x'y"), fc.string({ maxLength: 6 }), { minKeys: 1, maxKeys: 2 }), {
        nil: undefined,
      }),
    })
    .map(({ target, value, others, unknown }) => {
      const wrong = refusedValue(shape[target], value);
      const body = { ...others, ...unknown, [target]: wrong };
      return { kind: 'field', payload: JSON.stringify(body), expectField: target };
    });
  return objects.length > 0 ? fc.oneof({ weight: 4, arbitrary: fields }, { weight: 1, arbitrary: nestedUnknown }) : fields;
}

/** Whether a field is an object of named fields (not a record of any keys), under optional and default. */
function objectInside(field: z.ZodType): boolean {
  const def = field._zod.def as unknown as { type: string; innerType?: z.ZodType };
  if (def.type === 'object') return true;
  return def.innerType !== undefined && objectInside(def.innerType);
}

/**
 * The survey's own endpoint gets the sharpest test: a response valid in every other way, with one
 * field spoiled by a value the schema or the reference data refuses (never a free-text field,
 * where an injection string is just text and would be stored).
 */
function responseBodies(base: ResponseBase): fc.Arbitrary<{ kind: string; payload: string; expectField?: string }> {
  const codeLike = fc.oneof(
    fc.constantFrom(...injectionStrings.filter((s) => s.length >= 8 && s.length <= 64)),
    fc.string({ minLength: 8, maxLength: 30 }).map((s) => `NO-SUCH-${s}`.slice(0, 64)),
  );
  const spoil: Array<[string, fc.Arbitrary<unknown>]> = [
    ['id', fc.oneof(hostileString, fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', 12, null))],
    ['link', codeLike],
    ['round', codeLike],
    ['office', codeLike],
    ['questionnaireVersion', fc.constantFrom('1999', "2024' OR '1'='1", '2022')],
    ['channel', fc.oneof(fc.constantFrom('paper', 'fax', 'OFFICE', ''), hostileString)],
    ['startedAt', fc.oneof(hostileString, fc.constantFrom('2025-13-45T25:61:00Z', '2025-03-01', 1700000000000))],
    ['submittedAt', fc.constantFrom('yesterday', '2025-02-30T08:00:00+07:00', true)],
    // With a link the office fixes the locality; only a malformed one is refused.
    ['locality', wrongValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))],
    ['profile', fc.oneof(fc.constantFrom('nu', 42, [], null), fc.record({ sex: fc.oneof(hostileString, fc.integer()) }))],
    ['profile.sex', fc.oneof(hostileString, fc.integer(), fc.constant(['nu', 'nam']))],
    ['answers.A1_1', fc.oneof(hostileString, fc.constantFrom(0, 6, -1, 4.5, '4', [4], null, true))],
    ['answers.had_procedure', fc.oneof(hostileString, fc.constantFrom('maybe', 1, ['yes']))],
    ['answers.B5_1', fc.constant(3)], // not applicable: this respondent made no complaint
    ['answers.NO_SUCH_ITEM', fc.oneof(fc.integer({ min: 1, max: 5 }), hostileString)],
    ['answers.comment', fc.constantFrom('a\u0000b', 'x\ud800', 'c'.repeat(2001))],
    ['clientId', fc.oneof(fc.constantFrom('short', 'x'.repeat(65), 7, ['a']), fc.constant(null))],
    // Fields no response has, at the top and inside the locality.
    ['isAdmin', fc.constantFrom(true, 'yes', 1)],
    ['status', fc.constantFrom('accepted', 'excluded')],
    ['locality.isAdmin', fc.constantFrom(true, 'x')],
  ];
  return fc.record({ spoil: fc.constantFrom(...spoil.map((s) => s[0])), seed: fc.nat() }).chain(({ spoil: path }) =>
    spoil
      .find((s) => s[0] === path)![1]
      .map((value) => {
        const body: Record<string, unknown> = {
          id: randomUUID(),
          link: base.link,
          profile: { ...base.profile },
          answers: { ...base.answers, had_procedure: 'yes', made_feedback: 'no' },
          submittedAt: '2025-03-01T08:30:00+07:00',
        };
        const [head, tail] = path.split('.');
        if (head === 'locality') body.locality = { province: '67', district: '660' };
        if (tail) (body[head] as Record<string, unknown>)[tail] = value;
        else body[head] = value;
        return { kind: `response.${path}`, payload: JSON.stringify(body), expectField: path };
      }),
  );
}

/** A file an uploader might send: malformed, oversized, or an archive that inflates without end. */
export interface HostileFile {
  what: string;
  contentType: string;
  payload: Buffer;
}

/** Routes that take a file as their body (their own body limit, no JSON schema): imports, frames, … */
export const takesFile = (route: CataloguedRoute) => route.method !== 'GET' && route.bodyLimit !== undefined && route.schema?.body === undefined;

export function requestsFor(route: CataloguedRoute, base: ResponseBase, files: HostileFile[] = []): fc.Arbitrary<FuzzRequest> {
  const names = paramNames(route.url);
  const params = fc.array(hostileParam, { minLength: names.length, maxLength: names.length });
  const writes = route.method !== 'GET' && route.method !== 'HEAD';
  const bodySchema = route.schema?.body;
  const isSurveyPost = route.method === 'POST' && route.url === '/api/responses';

  const bodies: fc.Arbitrary<{ kind: string; payload?: string | Buffer; contentType?: string; expectField?: string }> = !writes
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constant({ kind: 'no body' }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'body on a GET', payload: '{"a":1}', contentType: 'application/json' }) },
      )
    : fc.oneof(
        {
          weight: isSurveyPost ? 6 : isObjectSchema(bodySchema) ? 4 : 0,
          arbitrary: isSurveyPost ? responseBodies(base) : isObjectSchema(bodySchema) ? fieldBodies(bodySchema) : fc.constant({ kind: 'none', payload: '{}' }),
        },
        { weight: 2, arbitrary: rawBodies.map((b) => ({ kind: `raw: ${b.what}`, payload: b.payload })) },
        {
          weight: 1,
          arbitrary: fc
            .record({
              type: fc.constantFrom(...badContentTypes),
              body: fc.constantFrom(
                '{"a":1}',
                '<x/>',
                'a=1&b=2',
                '\u0000\u0001',
                'serial,locality\n1,660\n\u0000',
                'PK\u0003\u0004garbage',
                '"unterminated,\n',
              ),
            })
            .map(({ type, body }) => ({ kind: `content type ${type}`, payload: body, contentType: type })),
        },
        { weight: 1, arbitrary: fc.constant({ kind: 'no content type', payload: '{"a":1}', contentType: '' }) },
        {
          weight: takesFile(route) && files.length > 0 ? 6 : 0,
          arbitrary:
            files.length > 0
              ? fc.constantFrom(...files).map((f) => ({ kind: `file: ${f.what}`, payload: f.payload, contentType: f.contentType }))
              : fc.constant({ kind: 'none', payload: '{}' }),
        },
      );

  return fc
    .record({ params, query: queryFor(route), body: bodies, caller, csrf, language })
    .map(({ params: values, query, body, caller: who, csrf: token, language: lang }) => {
      // A file must reach the reader to test it: the round exists and a manager sends it.
      const file = body.kind.startsWith('file: ');
      const url =
        pathWith(route.url, file ? names.map((name, k) => (name === 'code' ? base.roundCode : values[k])) : values) + (query.text ? `?${query.text}` : '');
      const headers: Record<string, string> = { ...lang };
      const contentType =
        'contentType' in body && body.contentType !== undefined ? body.contentType : body.payload !== undefined ? 'application/json' : undefined;
      if (contentType) headers['content-type'] = contentType;
      // The field named is the body's unless the path or query already fails (then those are named first).
      return {
        route: `${route.method} ${route.url}`,
        kind: body.kind,
        method: route.method,
        url,
        headers,
        payload: body.payload,
        caller: file ? 'manager' : who,
        csrf: file ? 'right' : token,
        expectField: body.expectField ?? query.expectField,
        faulty: query.faulty,
      };
    });
}
