/**
 * Request validation with zod. Issues are kept raw and worded only when the reply is written,
 * in the language the caller asked for.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

export class RequestValidationError extends Error {
  validationContext?: string;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/** Nothing this API takes is nested deeper than a few levels; deeper input is refused before anything walks it. */
export const MAX_INPUT_DEPTH = 32;

const issue = (path: PropertyKey[], reason: 'forbidden_character' | 'too_deep'): z.core.$ZodIssue =>
  ({ code: 'custom', path, message: reason, params: { reason }, input: undefined }) as z.core.$ZodIssue;

/**
 * Text PostgreSQL cannot store as it came: the NUL character, or half of a UTF-16 surrogate pair,
 * which JSON allows as an escape. In a `u` regexp a lone surrogate is a code point of its own
 * (category Cs); a proper pair is not.
 */
const FORBIDDEN_TEXT = /[\u0000\p{Cs}]/u;

interface Visit {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Visit | undefined;
  depth: number;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key!);
  return path.reverse();
}

/**
 * What no schema should have to meet, anywhere in the input (keys included), with its path:
 * forbidden text and nesting deeper than MAX_INPUT_DEPTH. Walked with an explicit stack, so hostile
 * depth cannot overflow ours.
 */
export function inputIssues(data: unknown): z.core.$ZodIssue[] {
  const found: z.core.$ZodIssue[] = [];
  // Paths are built only for what is refused: a node knows its key and its parent.
  const stack: Visit[] = [{ value: data, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0 && found.length < 20) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (FORBIDDEN_TEXT.test(value)) found.push(issue(pathOf(visit), 'forbidden_character'));
    } else if (value !== null && typeof value === 'object') {
      if (visit.depth >= MAX_INPUT_DEPTH) {
        found.push(issue(pathOf(visit), 'too_deep'));
        continue;
      }
      const depth = visit.depth + 1;
      if (Array.isArray(value)) {
        for (let k = 0; k < value.length; k++) stack.push({ value: value[k], key: k, parent: visit, depth });
      } else {
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          if (FORBIDDEN_TEXT.test(key)) found.push(issue([...pathOf(visit), key], 'forbidden_character'));
          else stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit, depth });
        }
      }
    }
  }
  return found;
}

/** zod reports an object's unknown keys as one issue at the object; each key is a field at fault of its own. */
function eachUnknownKey(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }));
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema: declared }) => {
  // Strict whatever the route: API routes come strict already (plugins/strict-input.ts), pages too.
  const schema = strictSchema(declared);
  return (data) => validate(schema, data);
};

function validate(schema: z.ZodType, data: unknown) {
  const refused = inputIssues(data);
  // Safe on hostile depth: request schemas are not recursive, so zod stops where the shape ends.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success && refused.length === 0) return { value: result.data };
  // Every field at fault is named once: the schema's finding where it has one, ours below it otherwise.
  const found = result.success ? [] : result.error.issues.flatMap(eachUnknownKey);
  const under = (path: PropertyKey[], prefix: PropertyKey[]) => prefix.length <= path.length && prefix.every((key, k) => key === path[k]);
  const issues = [...found, ...refused.filter((r) => !found.some((f) => under(r.path, f.path)))];
  return { error: new RequestValidationError(issues) };
}

/**
 * zod's plain object drops keys it does not know, silently: a misspelt or smuggled field would
 * pass unnoticed. Request schemas are made strict here, nested objects included, so that every
 * field a request carries is one its route names; an object with a catchall of its own says
 * deliberately what else it takes and is left as it is. Parts without change are returned as they
 * were (the same instance, with their OpenAPI descriptions).
 */
export function strictSchema<T extends z.ZodType>(schema: T): T {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const swap = (changes: Record<string, unknown>): T => {
    const copy = (schema as unknown as { clone(def: object): T }).clone({ ...def, ...changes });
    const meta = z.globalRegistry.get(schema);
    if (meta) z.globalRegistry.add(copy, meta);
    return copy;
  };
  const inner = (key: string) => {
    const child = def[key] as z.ZodType | undefined;
    const strict = child && strictSchema(child);
    return strict === child ? {} : { [key]: strict };
  };
  const changed = (changes: Record<string, unknown>) => (Object.keys(changes).length > 0 ? swap(changes) : schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, strictSchema(child)]));
      const same = def.catchall !== undefined && Object.keys(shape).every((key) => strictShape[key] === shape[key]);
      return same ? schema : swap({ shape: strictShape, catchall: def.catchall ?? z.never() });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return changed(inner('innerType'));
    case 'array':
      return changed(inner('element'));
    case 'record':
      return changed(inner('valueType'));
    case 'pipe':
      return changed({ ...inner('in'), ...inner('out') });
    case 'intersection':
      return changed({ ...inner('left'), ...inner('right') });
    case 'union': {
      const options = def.options as z.ZodType[];
      const strict = options.map((option) => strictSchema(option));
      return strict.every((option, k) => option === options[k]) ? schema : swap({ options: strict });
    }
    default:
      return schema;
  }
}

/** `?lang=en` words every reply in English: every API route takes it, whatever else its query string holds. */
export const LanguageChoice = z.enum(['vi', 'en']).optional().describe('vi (default) or en: the language of messages');

/** A route's query-string schema, strict and taking `lang`; a route that declares none takes `lang` alone. */
export function strictQuery(schema: z.ZodType | undefined): z.ZodType {
  if (schema === undefined) return z.strictObject({ lang: LanguageChoice });
  const strict = strictSchema(schema);
  if (!(strict instanceof z.ZodObject) || 'lang' in strict.shape) return strict;
  const copy = strict.clone({ ...strict._zod.def, shape: { ...strict.shape, lang: LanguageChoice } });
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(copy, meta);
  return copy;
}

/**
 * The body of a route that declares none: nothing, or a file its own content-type parser read
 * (CSV, XLSX); every field of a JSON object is one the route does not know.
 */
export function bodyIssues(body: unknown): z.core.$ZodIssue[] {
  if (body === undefined || Buffer.isBuffer(body)) return [];
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    return Object.keys(body).map(
      (key) => ({ code: 'unrecognized_keys', keys: [key], path: [key], message: 'unrecognized_keys', input: body }) as z.core.$ZodIssue,
    );
  }
  return [{ code: 'invalid_type', expected: 'undefined', path: [], message: 'invalid_type', input: body } as z.core.$ZodIssue];
}
