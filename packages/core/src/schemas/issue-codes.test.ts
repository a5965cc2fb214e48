import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SetBindingsInput } from './bindings.ts';
import { HHMM, HttpUrl, TemplateJson, TimeZone, templateSchema } from './common.ts';
import { ISSUE_CODES, issueCodeOf } from './issue-codes.ts';
import { LegacyWebhookUrl } from './settings.ts';
import { strict } from './strict.ts';
import { JSON_VALUE_MAX_CHARS, JSON_VALUE_MAX_DEPTH, Text } from './text.ts';

const codesOf = (schema: z.ZodType, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => issueCodeOf(i));

describe('issueCodeOf', () => {
  it.each([
    ['not a url', 'url.invalid'],
    ['ftp://example.com/x', 'url.scheme'],
    ['https://u:p@example.com/x', 'url.credentials'],
  ])('names %s in HttpUrl as %s', (value, code) => {
    expect(codesOf(HttpUrl, value)).toEqual([{ code, params: {} }]);
  });

  it('one https rule: a platform host over http is refused for targets and legacy URLs alike', () => {
    const url = 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a';
    const expected = [{ code: 'url.https_required', params: { host: 'qyapi.weixin.qq.com' } }];
    expect(codesOf(HttpUrl, url)).toEqual(expected);
    expect(codesOf(LegacyWebhookUrl, url)).toEqual(expected);
    // Any other host (a custom webhook, a self-hosted relay) may use http.
    expect(codesOf(HttpUrl, 'http://127.0.0.1:8080/hook')).toEqual([]);
  });

  it('names an unknown legacy host with the host as a param', () => {
    expect(codesOf(LegacyWebhookUrl, 'https://hooks.example.com/x')).toEqual([
      { code: 'url.unknown_platform', params: { host: 'hooks.example.com' } },
    ]);
  });

  it('reads zod kinds: required, lengths, numbers, lists, unknown fields, patterns', () => {
    const schema = strict(
      z.object({
        name: z.string().min(1).max(3),
        note: z.string().min(2),
        n: z.number().int().min(5),
        list: z.array(z.string()).max(1),
        tz: TimeZone,
        at: HHMM,
        kind: z.enum(['a', 'b']),
      }),
    );
    const codes = codesOf(schema, {
      name: 'long',
      note: 'x',
      n: 2,
      list: ['a', 'b'],
      tz: 'Mars/Base',
      at: '25:00',
      kind: 'c',
      extra: 1,
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        { code: 'text.too_long', params: { max: 3 } },
        { code: 'text.too_short', params: { min: 2 } },
        { code: 'number.too_small', params: { min: 5 } },
        { code: 'list.too_many', params: { max: 1 } },
        { code: 'timezone.invalid', params: {} },
        { code: 'time.hhmm', params: {} },
        { code: 'field.not_allowed', params: {} },
        { code: 'field.unknown', params: {} },
      ]),
    );
    expect(codesOf(z.object({ name: z.string() }), {})).toEqual([{ code: 'field.required', params: {} }]);
    expect(codesOf(z.string().min(1), '')).toEqual([{ code: 'field.required', params: {} }]);
    expect(codesOf(z.number().int(), 1.5)).toEqual([{ code: 'number.not_integer', params: {} }]);
  });

  it('falls back to field.invalid, and every code it returns is listed', () => {
    expect(issueCodeOf({ code: 'custom', message: 'something new' })).toEqual({ code: 'field.invalid', params: {} });
    expect(issueCodeOf({ code: 'custom', params: { heraldCode: 'not.a.code' } }).code).toBe('field.invalid');
    expect(ISSUE_CODES).toContain(issueCodeOf({}).code);
  });

  it('names template problems by code, with the variable as a param', () => {
    expect(codesOf(templateSchema('circuit_breaker'), { a: '{{nope}}', b: 'x {{json:title}}' })).toEqual([
      { code: 'template.unknown_variable', params: { name: 'nope' } },
      { code: 'template.json_whole', params: { name: 'title' } },
    ]);
    const binding = { targetId: '00000000-0000-4000-8000-000000000001', templateOverride: { a: '{{nope}}' } };
    expect(
      codesOf(SetBindingsInput, {
        notificationType: 'cost_alert',
        bindings: [binding, { ...binding, templateOverride: null }],
      }),
    ).toEqual([
      { code: 'template.unknown_variable', params: { name: 'nope' } },
      { code: 'target.bound_twice', params: {} },
    ]);
  });

  it('names a JSON value over its bounds, and text PostgreSQL cannot store', () => {
    let deep: unknown = 'x';
    for (let i = 0; i <= JSON_VALUE_MAX_DEPTH; i++) deep = { a: deep };
    expect(codesOf(TemplateJson, deep)).toEqual([{ code: 'json.too_deep', params: { max: JSON_VALUE_MAX_DEPTH } }]);
    expect(codesOf(templateSchema(), { a: 'x'.repeat(JSON_VALUE_MAX_CHARS) })).toEqual([
      { code: 'json.too_large', params: { max: JSON_VALUE_MAX_CHARS } },
    ]);
    expect(codesOf(TemplateJson, { a: 'nul\u0000' })).toEqual([{ code: 'text.nul', params: {} }]);
    expect(codesOf(Text(), 'half \ud83d')).toEqual([{ code: 'text.surrogate', params: {} }]);
  });
});
