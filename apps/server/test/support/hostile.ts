import fc from 'fast-check';

/** One UTF-16 unit or code point a careless or hostile client sends. */
const hostileUnit = fc.oneof(
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udbff',
    '\udc00',
    '\udfff',
    '😀',
    '\u202e',
    '\ufeff',
    '\r',
    '\n',
    '\\',
    '"',
    '{{',
  ),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);

/** Control characters, NUL, half surrogate pairs, and very long strings (up to 200,000 units). */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: hostileUnit, maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: hostileUnit, minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 50_000 }))
      .map(([s, n]) => s.repeat(n)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'a\u0000b',
      '\u0000',
      'x\ud800',
      '00000000-0000-0000-0000-000000000000',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ),
  },
);

/** Numbers at and past every edge a column or a zod check has. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53,
    2 ** 63,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double({ noNaN: true }),
  fc.integer(),
);

/**
 * JSON nested thousands of levels deep, kept as text: JSON.parse reads any depth, but
 * JSON.stringify (and fast-check's reporting) recurse and would overflow the test's own stack.
 */
export class DeepJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  [fc.toStringMethod](): string {
    return `DeepJson(${this.text.slice(0, 40)}…, ${this.text.length} chars)`;
  }
}

export const deeplyNested = fc
  .tuple(fc.integer({ min: 30, max: 20_000 }), fc.boolean(), hostileString)
  .map(([depth, arrays, leaf]) => {
    const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
    return new DeepJson(`${open.repeat(depth)}${JSON.stringify(leaf)}${close.repeat(depth)}`);
  });

/** The request body for a generated value, with any DeepJson inside written as its text. */
export function toJsonText(v: unknown): string {
  const deep: string[] = [];
  const text =
    JSON.stringify(v, (_k, x) => (x instanceof DeepJson ? `\u0000deep:${deep.push(x.text) - 1}` : x)) ?? 'null';
  return text.replace(/"\\u0000deep:(\d+)"/g, (_m, i: string) => deep[Number(i)] as string);
}

/** The value a server parses from `toJsonText(v)`. */
export const parsedValue = (v: unknown): unknown => JSON.parse(toJsonText(v));

/** Any JSON value built from hostile strings and numbers, sometimes nested very deeply. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        hostileString,
        hostileNumber,
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
      ),
    })).value,
  },
  { weight: 1, arbitrary: deeplyNested },
);

/** Every path to a value inside `v` (the root is []). */
export function pathsOf(v: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  const here = [at];
  if (v === null || typeof v !== 'object') return here;
  return [
    ...here,
    ...Object.entries(v).flatMap(([k, child]) => pathsOf(child, [...at, Array.isArray(v) ? Number(k) : k])),
  ];
}

/** `v` with the value at `path` replaced (a copy; a missing key is added). */
export function withValueAt(v: unknown, path: PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<PropertyKey, unknown>;
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

/** A valid input with one value replaced by a hostile one (mostly a string), or one extra key added: reaches past the schema. */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const paths = fc.constantFrom(...pathsOf(sample));
  const replace = (value: fc.Arbitrary<unknown>) => fc.tuple(paths, value).map(([p, v]) => withValueAt(sample, p, v));
  return fc.oneof(
    { weight: 5, arbitrary: replace(hostileString) },
    { weight: 2, arbitrary: replace(hostileNumber) },
    { weight: 2, arbitrary: replace(hostileJson) },
    {
      weight: 1,
      arbitrary: fc.tuple(paths, hostileString, hostileJson).map(([p, k, v]) => withValueAt(sample, [...p, k], v)),
    },
  );
}

/** Every path to a string inside `v`. */
export const stringPathsOf = (v: unknown): PropertyKey[][] =>
  pathsOf(v).filter((p) => typeof p.reduce<unknown>((x, k) => (x as Record<PropertyKey, unknown>)[k], v) === 'string');

const storableText = (s: string) =>
  !s.includes('\u0000') && new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(s)) === s;

/** True when PostgreSQL could store every key and string in `v` as it is (iterative: `v` may be deep). */
export function storable(v: unknown): boolean {
  const stack = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string' && !storableText(x)) return false;
    if (x === null || typeof x !== 'object') continue;
    for (const [k, child] of Object.entries(x)) {
      if (!storableText(k)) return false;
      stack.push(child);
    }
  }
  return true;
}
