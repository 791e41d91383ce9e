/** Values a hostile or broken client sends: injection strings, wrong types, huge and deep input. */
import fc from 'fast-check';

export const injectionStrings = [
  "' OR '1'='1",
  "'; DROP TABLE responses; --",
  '1; SELECT pg_sleep(5); --',
  '" OR ""="',
  "admin'--",
  '$$; DELETE FROM users; $$',
  "') UNION SELECT password_hash FROM users --",
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '😀👍🏽🇻🇳',
  '\u202eRTL override',
  'Ｆｕｌｌｗｉｄｔｈ',
  'Tiếng Việt có dấu: Bộ phận Một cửa',
  'Tie\u0302\u0301ng Vie\u0323\u0302t (NFD)',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  '__proto__',
  'constructor',
  ' ',
  '',
  '\t\r\n',
  '%s%s%s%n',
  '\\',
];

export const hugeString = fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...injectionStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: hugeString },
);

/** Nested arrays `depth` deep: deep enough to trip recursive code, shallow enough for JSON.stringify. */
export const deepValue = fc.integer({ min: 20, max: 2_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

/** Any JSON value of the wrong kind for most fields. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  // Beyond what a PostgreSQL integer holds (2^31 − 1), and beyond what a double holds exactly.
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 31), -(2 ** 31) - 1, 1e21, 1.5),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** Percent-encodes any string, lone surrogates included (as the U+FFFD a browser would send). */
export function encodeAny(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** A path parameter that names nothing that exists, sent as it would be typed into a URL (encoded or not). */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...injectionStrings).map(encodeAny) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map(encodeAny) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '0', '99999999999999999999', '2147483648', '99999999999', '-2147483649', '1e400', '1.5', 'NaN', '0x10') },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AE%C0%AE', '..%2F..%2F', '%2e%2e%2f', '%00') },
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 5_000 }).map((n) => 'p'.repeat(n)) },
);

export const badContentTypes = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=----x',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/jsonx',
  'image/png',
  // What the import and frame uploads accept, with anything but a real sheet in them.
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Raw bodies that are not what they claim to be. */
export const rawBodies: fc.Arbitrary<{ what: string; payload: Buffer | string }> = fc.oneof(
  fc.constant({
    what: 'invalid UTF-8 in a JSON string',
    payload: Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('","answers":{}}')]),
  }),
  fc.constant({ what: 'overlong UTF-8', payload: Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), Buffer.from('"}')]) }),
  fc.constant({ what: 'truncated JSON', payload: '{"id": "abc", "answers": {"A1_1": 4' }),
  fc.constant({ what: 'JSON with comments', payload: '{ /* x */ "a": 1 }' }),
  fc.constant({ what: 'prototype poisoning', payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' }),
  fc.constant({ what: 'empty body', payload: '' }),
  fc.constant({ what: 'whitespace body', payload: '   \n ' }),
  fc.integer({ min: 2_000, max: 200_000 }).map((depth) => ({ what: `arrays ${depth} deep`, payload: '['.repeat(depth) + ']'.repeat(depth) })),
  fc.integer({ min: 2_000, max: 100_000 }).map((depth) => ({ what: `objects ${depth} deep`, payload: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` })),
  fc.constant({ what: 'body over the 1 MB limit', payload: `{"x":"${'y'.repeat(1_100_000)}"}` }),
  fc.constant({ what: 'number body', payload: '12345678901234567890' }),
  fc.constant({ what: 'string body', payload: '"just a string"' }),
  fc.constant({ what: 'array body', payload: '[1, "two", null]' }),
  fc.constant({ what: 'null body', payload: 'null' }),
);
