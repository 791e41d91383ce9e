/**
 * JSON with object keys sorted at every depth, so that equal content has equal text whatever the
 * key order (PostgreSQL's jsonb, for one, reorders keys). Used to compare stored definitions and
 * to fingerprint responses.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** Only keys that start with a digit can be array indexes; most keys are told apart by their first character alone. */
const isArrayIndex = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
};

/**
 * Keys in sorted order, as an object built with sorted keys would list them: JavaScript puts
 * array-index keys ("0", "12") first, in numeric order. Stored hashes depend on this exact text.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  const indexes = keys.filter(isArrayIndex);
  if (indexes.length === 0) return keys;
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isArrayIndex(k))];
}

/** JSON.stringify's output for plain data, with keys sorted; written directly since it runs for every response. */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write((value as { toJSON(): unknown }).toJSON());
      return Array.isArray(value) ? writeArray(value) : writeRecord(value as Record<string, unknown>);
    default:
      // undefined, functions and symbols are left out (or written as null in arrays); a bigint throws, as in JSON.stringify.
      return JSON.stringify(value);
  }
}

function writeArray(list: readonly unknown[]): string {
  let text = '[';
  for (let k = 0; k < list.length; k++) text += (k > 0 ? ',' : '') + (write(list[k]) ?? 'null');
  return `${text}]`;
}

function writeRecord(record: Record<string, unknown>): string {
  let text = '{';
  for (const key of sortedKeys(record)) {
    const written = write(record[key]);
    if (written !== undefined) text += `${(text.length > 1 ? ',' : '') + JSON.stringify(key)}:${written}`;
  }
  return `${text}}`;
}
