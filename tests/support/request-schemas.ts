/**
 * Reading the zod schemas a route validates its requests with: what each object, text and number
 * accepts, so that tests can check every route's schemas and spoil one field at a time.
 */
import { z } from 'zod';
import type { CataloguedRoute } from '../../server/plugins/route-catalogue.ts';
import { INTEGER_MAX } from '../../contract/fields.ts';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The schemas a schema is made of (object fields, list items, union options, wrapped and piped schemas). */
function children(schema: z.ZodType): Array<[string, z.ZodType]> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>);
    case 'array':
      return [['[]', def.element as z.ZodType]];
    case 'record':
      return [
        ['{key}', def.keyType as z.ZodType],
        ['{}', def.valueType as z.ZodType],
      ];
    case 'union':
      return (def.options as z.ZodType[]).map((option, k) => [`|${k}`, option]);
    case 'pipe':
      return [
        ['in', def.in as z.ZodType],
        ['out', def.out as z.ZodType],
      ];
    case 'intersection':
      return [
        ['&', def.left as z.ZodType],
        ['&', def.right as z.ZodType],
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return [['', def.innerType as z.ZodType]];
    default:
      return [];
  }
}

/**
 * What a request schema lets through that it should not: an object that keeps quiet about unknown
 * keys, text without a longest length (a fixed format such as a UUID or a date bounds it), a number
 * that a PostgreSQL integer could not hold. Each fault with where it is.
 */
export function schemaFaults(schema: z.ZodType, at = ''): string[] {
  const def = defOf(schema);
  const faults: string[] = [];
  if (def.type === 'object' && defOf((def.catchall as z.ZodType | undefined) ?? z.unknown()).type !== 'never')
    faults.push(`${at || '(root)'}: object takes unknown keys`);
  if (def.type === 'string') {
    const text = schema as z.ZodString;
    if (text.maxLength === null && !text.format) faults.push(`${at}: text without a longest length`);
  }
  if (def.type === 'number') {
    const number = schema as z.ZodNumber;
    if (!(number.maxValue! <= INTEGER_MAX && number.minValue! >= -INTEGER_MAX))
      faults.push(`${at}: number outside ±${INTEGER_MAX} (${number.minValue}…${number.maxValue})`);
  }
  for (const [key, child] of children(schema)) faults.push(...schemaFaults(child, key ? (at ? `${at}.${key}` : key) : at));
  return faults;
}

/** The schema inside optional, default, nullable and pipes: what the value itself must be. */
export function core(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.type === 'pipe') return core(def.in as z.ZodType);
  const [only] = children(schema);
  return only && only[0] === '' ? core(only[1]) : schema;
}

/** An object schema's fields, unwrapped. */
export function fieldsOf(schema: z.ZodType | undefined): Array<[string, z.ZodType]> {
  if (!schema) return [];
  const object = core(schema);
  return defOf(object).type === 'object' ? Object.entries(defOf(object).shape as Record<string, z.ZodType>) : [];
}

/**
 * Values the field's own schema refuses and that a hostile client sends: NUL and half a surrogate
 * pair in text, text one longer than allowed, numbers beyond their range or not finite, and a
 * value of the wrong type. `inUrl` gives them as the text of a path or query.
 */
export function hostileValues(field: z.ZodType, inUrl: boolean): Array<{ what: string; value: unknown; raw?: string }> {
  const leaf = core(field);
  const type = defOf(leaf).type;
  const values: Array<{ what: string; value: unknown; raw?: string }> = [{ what: 'NUL', value: 'a\u0000b' }];
  // In a URL everything is text: only a field that is not free text can have the wrong type there.
  if (!inUrl) values.push({ what: 'wrong type', value: type === 'boolean' ? 'yes' : [[['x']]] });
  else if (type !== 'string') values.push({ what: 'wrong type', value: '[object Object]' });
  if (!inUrl) values.push({ what: 'half a surrogate pair', value: 'x\ud800y' });
  if (type === 'string') {
    const max = (leaf as z.ZodString).maxLength;
    if (max !== null) values.push({ what: 'overlong text', value: 'y'.repeat(max + 1) });
    // Whatever the schema says: far beyond any field, within the smallest body limit (64 KB, a response).
    if (!inUrl) values.push({ what: 'huge text', value: 'z'.repeat(50_000) });
  }
  if (type === 'number') {
    const { maxValue, minValue } = leaf as z.ZodNumber;
    values.push({ what: 'number too large', value: inUrl ? String(maxValue! + 1) : maxValue! + 1 });
    values.push({ what: 'number too small', value: inUrl ? String(minValue! - 1) : minValue! - 1 });
    // Whatever the schema says: what a PostgreSQL integer cannot hold.
    values.push({ what: 'beyond a database integer', value: inUrl ? String(INTEGER_MAX + 1) : INTEGER_MAX + 1 });
    values.push(inUrl ? { what: 'not finite', value: '1e400' } : { what: 'not finite', value: 0, raw: '1e400' });
    values.push({ what: 'not a number', value: 'abc' });
  }
  return values;
}

/** The schema a route declares for a reply's status: its own, else its class (4xx, 5xx). */
export function declaredFor(route: CataloguedRoute, status: number): z.ZodType | undefined {
  const response = (route.schema?.response ?? {}) as Record<string, z.ZodType>;
  return response[status] ?? response[`${String(status)[0]}xx`];
}
