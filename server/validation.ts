/**
 * Request validation with zod. Issues are kept raw and worded only when the reply is written,
 * in the language the caller asked for.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

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

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const refused = inputIssues(data);
  // Safe on hostile depth: request schemas are not recursive, so zod stops where the shape ends.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success && refused.length === 0) return { value: result.data };
  // Every field at fault is named once: the schema's finding where it has one, ours below it otherwise.
  const found = result.success ? [] : result.error.issues.flatMap(eachUnknownKey);
  const under = (path: PropertyKey[], prefix: PropertyKey[]) => prefix.length <= path.length && prefix.every((key, k) => key === path[k]);
  const issues = [...found, ...refused.filter((r) => !found.some((f) => under(r.path, f.path)))];
  return { error: new RequestValidationError(issues) };
};
