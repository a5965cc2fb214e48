import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateJson } from './common.ts';
import { RecordUsageInput, SyncUsersInput, USAGE_ERROR_MESSAGE_MAX } from './hub.ts';
import { CreateTargetInput } from './targets.ts';
import {
  cleanText,
  hasLoneSurrogate,
  JSON_VALUE_MAX_CHARS,
  JSON_VALUE_MAX_DEPTH,
  jsonValueIssue,
  repairSurrogates,
  Text,
} from './text.ts';

/** Strings a careless or hostile client sends: controls, NUL, half surrogate pairs, emoji, any code point. */
const hostileUnit = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udfff', '😀', '\u202e', '\ufeff', '\r', '\n', '\t'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostile = fc.string({ unit: hostileUnit, maxLength: 60 });

/** The reference for "valid Unicode": UTF-8 round-trips exactly what PostgreSQL would store. */
const roundTrips = (s: string) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(s)) === s;

const issuesOf = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('text PostgreSQL can store', () => {
  it('finds half surrogate pairs exactly where UTF-8 cannot round-trip', () => {
    fc.assert(fc.property(hostile, (s) => hasLoneSurrogate(s) === !roundTrips(s)));
  });

  it('cleans free text: no NUL, valid Unicode, within its length, and untouched when it was clean', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 80 }), (s, max) => {
        const out = cleanText(s, max);
        expect(out.includes('\u0000')).toBe(false);
        expect(roundTrips(out)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(max);
        if (!s.includes('\u0000') && roundTrips(s) && s.length <= max) expect(out).toBe(s);
      }),
    );
  });

  it('never leaves half of a pair where it cuts', () => {
    expect(cleanText('ab😀', 3)).toBe('ab\ufffd');
    expect(repairSurrogates('a\udc00b\ud800')).toBe('a\ufffdb\ufffd');
    expect(cleanText('a\u0000b', 10)).toBe('ab');
  });

  it('refuses stored-as-sent text that PostgreSQL would refuse or change, and accepts the rest', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const ok = Text().safeParse(s).success;
        expect(ok).toBe(!s.includes('\u0000') && roundTrips(s));
      }),
    );
  });
});

describe('JSON values (templates)', () => {
  const nest = (depth: number): unknown => (depth === 0 ? 'x' : { a: nest(depth - 1) });

  it('accept up to the depth and size bounds and refuse past them, saying so', () => {
    expect(jsonValueIssue(nest(JSON_VALUE_MAX_DEPTH))).toBeNull();
    expect(jsonValueIssue(nest(JSON_VALUE_MAX_DEPTH + 1))?.message).toBe(
      `nested deeper than ${JSON_VALUE_MAX_DEPTH} levels`,
    );
    expect(jsonValueIssue({ a: 'x'.repeat(JSON_VALUE_MAX_CHARS - 1) })).toBeNull();
    expect(jsonValueIssue({ a: 'x'.repeat(JSON_VALUE_MAX_CHARS) })?.message).toBe(
      `too large: at most ${JSON_VALUE_MAX_CHARS} characters of keys and text`,
    );
  });

  it('name the key or value that holds a NUL or half a pair', () => {
    expect(issuesOf(TemplateJson.safeParse({ a: [{ b: 'x\u0000' }] }))).toEqual([
      'a.0.b: must not contain a NUL character (\\u0000)',
    ]);
    expect(issuesOf(TemplateJson.safeParse({ a: { 'k\ud800': 1 } }))).toEqual([
      'a.k\ud800: this key must be valid Unicode (it holds half of a surrogate pair)',
    ]);
  });

  it('a 100,000-level nesting is refused without exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf(TemplateJson.safeParse({ deep }))[0]).toMatch(/nested deeper than/);
    const target = { name: 't', providerType: 'custom', webhookUrl: 'https://example.com/h', customTemplate: { deep } };
    expect(issuesOf(CreateTargetInput.safeParse(target))[0]).toMatch(/^customTemplate\.deep(\.0)+: nested deeper/);
  });

  it('whatever a template is, checking it either accepts storable JSON or names a problem, never throws', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.jsonValue({ maxDepth: 6 })), (tpl) => {
        const r = TemplateJson.safeParse(tpl);
        if (r.success)
          expect(roundTrips(JSON.stringify(r.data)) && !JSON.stringify(r.data).includes('\\u0000')).toBe(true);
      }),
    );
  });
});

describe('hub fields', () => {
  const record = { requestId: 'r1', userId: 'u1', providerId: 'p1', costUsd: 0.5, inputTokens: 10, outputTokens: 2 };

  it('clean a NUL out of an error message instead of refusing the batch', () => {
    const r = RecordUsageInput.parse({ records: [{ ...record, errorMessage: 'upstream\u0000 failed \ud800' }] });
    expect(r.records[0]?.errorMessage).toBe('upstream failed \ufffd');
    const cut = RecordUsageInput.parse({ records: [{ ...record, errorMessage: `${'x'.repeat(1_999)}😀` }] });
    expect(cut.records[0]?.errorMessage).toBe(`${'x'.repeat(1_999)}\ufffd`);
    expect(cut.records[0]?.errorMessage).toHaveLength(USAGE_ERROR_MESSAGE_MAX);
  });

  it('refuse an id with a NUL or half a pair, naming it; repair a name cut by the hub', () => {
    expect(
      issuesOf(
        RecordUsageInput.safeParse({ records: [record, { ...record, userId: 'u\u0000', requestId: 'r\udc00' }] }),
      ),
    ).toEqual([
      'records.1.requestId: must be valid Unicode (it holds half of a surrogate pair)',
      'records.1.userId: must not contain a NUL character (\\u0000)',
    ]);
    expect(issuesOf(SyncUsersInput.safeParse({ users: [{ id: 'u', name: 'A\u0000' }] }))).toEqual([
      'users.0.name: must not contain a NUL character (\\u0000)',
    ]);
    expect(SyncUsersInput.parse({ users: [{ id: 'u', name: 'Ann 😀'.slice(0, 5) }] }).users[0]?.name).toBe(
      'Ann \ufffd',
    );
  });
});
