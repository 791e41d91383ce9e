import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyIssues, strictQuery, strictSchema, zodValidatorCompiler } from '../../../server/validation.ts';

const unknownKeys = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? [])
    .filter((i) => i.code === 'unrecognized_keys')
    .map((i) => [i.path.join('.'), ...(i as { keys: string[] }).keys].join(':'));

describe('a request schema made strict', () => {
  it('refuses unknown keys at every depth: objects in objects, lists, records, unions, defaults and pipes', () => {
    const place = z.object({ code: z.string() });
    const schema = strictSchema(
      z.object({
        place: place.optional(),
        places: z.array(place).default([]),
        byCode: z.record(z.string(), place),
        either: z.union([place, z.number()]),
        piped: z
          .string()
          .transform((s) => ({ code: s }))
          .pipe(z.object({ code: z.string() })),
      }),
    );
    const value = {
      place: { code: 'a', x: 1 },
      places: [{ code: 'b', y: 2 }],
      byCode: { k: { code: 'c', z: 3 } },
      either: { code: 'd', w: 4 },
      piped: 'e',
      top: 5,
    };
    expect(unknownKeys(schema, value).sort()).toEqual([':top', 'byCode.k:z', 'either:w', 'place:x', 'places.0:y']);
    expect(schema.safeParse({ byCode: {}, either: 1, piped: 'e' }).success).toBe(true);
  });

  it('leaves an object that says what else it takes, and returns a schema with nothing to change as it was', () => {
    const loose = z.looseObject({ a: z.string() });
    expect(strictSchema(loose)).toBe(loose);
    expect(strictSchema(loose).safeParse({ a: 'x', b: 1 }).success).toBe(true);
    const already = z.strictObject({ a: z.string().max(3) });
    expect(strictSchema(already)).toBe(already);
    const text = z.string().describe('kept');
    expect(strictSchema(text)).toBe(text);
  });

  it('keeps the descriptions the OpenAPI document shows, and the checks of the object', () => {
    const schema = strictSchema(
      z
        .object({ a: z.object({ b: z.number() }).describe('inner') })
        .refine((v) => v.a.b > 0, 'positive')
        .describe('outer'),
    );
    expect(z.globalRegistry.get(schema)?.description).toBe('outer');
    expect(schema.safeParse({ a: { b: -1 } }).success).toBe(false);
  });

  it('gives every query string lang, and a route without one only lang', () => {
    expect(strictQuery(undefined).safeParse({ lang: 'en' }).success).toBe(true);
    expect(unknownKeys(strictQuery(undefined), { page: '2' })).toEqual([':page']);
    const query = strictQuery(z.object({ by: z.string() }));
    expect(query.safeParse({ by: 'x', lang: 'vi' }).success).toBe(true);
    expect(query.safeParse({ by: 'x', lang: 'fr' }).success).toBe(false);
  });

  it('is what the validator compiler checks with, on any route', () => {
    const validate = zodValidatorCompiler({ schema: z.object({ a: z.string() }), method: 'GET', url: '/page', httpPart: 'querystring' }) as (data: unknown) => {
      error?: { issues: z.core.$ZodIssue[] };
    };
    expect(validate({ a: 'x', b: 'y' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['b']);
  });
});

describe('the body of a route that takes none', () => {
  it('may be absent, empty or a file; each field of a JSON object is refused by name', () => {
    expect(bodyIssues(undefined)).toEqual([]);
    expect(bodyIssues({})).toEqual([]);
    expect(bodyIssues(Buffer.from('stratum,population\n'))).toEqual([]);
    expect(bodyIssues({ force: true, all: 1 }).map((i) => i.path.join('.'))).toEqual(['force', 'all']);
    expect(bodyIssues([1, 2]).map((i) => i.code)).toEqual(['invalid_type']);
  });
});
