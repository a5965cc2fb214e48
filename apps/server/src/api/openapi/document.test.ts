import { HUB_BATCH_MAX, HUB_NAME_MAX, LIMIT_USD_MAX, USAGE_COST_MAX_USD, USAGE_TOKENS_MAX } from '@herald/core';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../router.ts';
import { buildOpenApiDocument } from './document.ts';
import { type JsonSchema, jsonSchemaOf } from './json-schema.ts';
import { proceduresOf } from './procedures.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON, read field by field
type Json = any;
const doc: Json = buildOpenApiDocument(appRouter, { version: '9.9.9', bodyLimitBytes: 8 * 1024 * 1024 });
const procedures = proceduresOf(appRouter);
const paths = doc.paths as Json;
const op = (path: string): Json => paths[`/trpc/${path}`]?.post ?? paths[`/trpc/${path}`]?.get;
const bodySchema = (path: string): Json => op(path).requestBody.content['application/json'].schema;
const dataSchema = (path: string): Json =>
  op(path).responses['200'].content['application/json'].schema.properties.result.properties.data;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result).toMatchObject({ valid: true, specification: 'OpenAPI' });
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('the validator does refuse a broken document (so the check above means something)', async () => {
    const broken = structuredClone(doc) as Json;
    broken.paths['/trpc/hub.ping'].get.responses['200'] = { content: {} };
    expect((await validate(broken)).valid).toBe(false);
  });

  it('describes every procedure of the router, each by its tRPC method, and nothing else', () => {
    const described = Object.entries(paths).flatMap(([p, item]) =>
      Object.keys(item as object).map((method) => `${method} ${p}`),
    );
    const expected = procedures.map((p) => `${p.type === 'query' ? 'get' : 'post'} /trpc/${p.path}`);
    expect(described.sort()).toEqual(expected.sort());
  });

  it('describes every procedure a hub calls, with the hub API key as its only credential', () => {
    const hubPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('hub.'));
    expect(hubPaths).toEqual(
      expect.arrayContaining(['hub.ping', 'hub.recordUsage', 'hub.syncUsers', 'hub.syncProviders']),
    );
    for (const path of hubPaths) {
      expect(op(path), path).toBeDefined();
      expect(op(path).security, path).toEqual([{ hubApiKey: [] }]);
      expect(op(path).tags, path).toEqual(['hub']);
      // Every hub answer is declared, so none reads as "any JSON".
      expect(dataSchema(path).type, path).toBe('object');
      // And each says what it does, from the procedure's own meta.
      expect(op(path).description?.length, path).toBeGreaterThan(40);
    }
    expect(doc.components.securitySchemes.hubApiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives management procedures the admin credentials and the sign-in procedures none', () => {
    expect(op('targets.create').security).toEqual([{ adminToken: [] }, { adminSession: [] }]);
    expect(op('auth.login').security).toEqual([]);
    expect(doc.components.securitySchemes.adminSession).toMatchObject({ in: 'cookie', name: 'herald_session' });
  });

  it('a mutation takes its input as a JSON body; a query as the URL-encoded `input` parameter', () => {
    expect(op('hub.recordUsage').requestBody.required).toBe(true);
    const param = op('deliveries.get').parameters[0];
    expect(param).toMatchObject({ name: 'input', in: 'query', required: true });
    expect(param.content['application/json'].schema.required).toEqual(['id']);
    // An input with a default may be left out.
    expect(op('deliveries.list').parameters[0].required).toBe(false);
    expect(op('hub.ping').parameters).toBeUndefined();
  });

  it("carries a usage record's required fields, units' limits and defaults, and refuses unknown fields", () => {
    const records = bodySchema('hub.recordUsage').properties.records;
    expect(records.maxItems).toBe(HUB_BATCH_MAX);
    const record = records.items;
    expect(record.required.sort()).toEqual(
      ['costUsd', 'inputTokens', 'outputTokens', 'providerId', 'requestId', 'userId'].sort(),
    );
    expect(record.additionalProperties).toBe(false);
    expect(record.properties.costUsd).toMatchObject({ type: 'number', minimum: 0, maximum: USAGE_COST_MAX_USD });
    expect(record.properties.inputTokens).toMatchObject({ type: 'integer', maximum: USAGE_TOKENS_MAX });
    expect(record.properties.cacheReadInputTokens.default).toBe(0);
    expect(record.properties.createdAt.format).toBe('date-time');
  });

  it("keeps a cleaned name's length limits, checked after the cleaning", () => {
    const user = bodySchema('hub.syncUsers').properties.users.items;
    expect(user.required.sort()).toEqual(['id', 'name']);
    expect(user.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: HUB_NAME_MAX });
    expect(user.properties.limit5hUsd.anyOf).toEqual(
      expect.arrayContaining([{ type: 'null' }, expect.objectContaining({ maximum: LIMIT_USD_MAX })]),
    );
  });

  it("says how a hub should use a procedure: recordUsage's idempotency and all-or-nothing", () => {
    expect(op('hub.recordUsage').description).toContain('first write wins');
    expect(op('hub.recordUsage').description).toContain('All or nothing');
  });

  it('describes a breaker report as its two shapes, open and closed', () => {
    const report = bodySchema('hub.reportCircuitBreaker');
    const states = (report.oneOf ?? report.anyOf).map((s: Json) => s.properties.state.const);
    expect(states.sort()).toEqual(['closed', 'open']);
  });

  it('answers: success under result.data, tolerant of new fields; errors in the one Error shape', () => {
    const answer = dataSchema('hub.recordUsage');
    expect(answer.required.sort()).toEqual(['accepted', 'duplicates']);
    expect(answer.additionalProperties).toBeUndefined();
    const responses = op('hub.recordUsage').responses;
    expect(Object.keys(responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '413', '415', '429', '500', '503']),
    );
    expect(doc.components.responses[responses['400'].$ref.split('/').at(-1)].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Error' } },
    });
    expect(doc.components.schemas.Error.required).toEqual(['error']);
    // Each status names its machine codes and whether to retry them, from core's one table.
    const responses400 = doc.components.responses.Error400;
    expect(responses400.description).toContain('`UNKNOWN_FIELD`');
    expect(doc.components.responses.Error503.description).toContain('`UNAVAILABLE` (retryable)');
    expect(doc.components.responses.Error503.headers['Retry-After']).toBeDefined();
    expect(responses.default).toEqual({ $ref: '#/components/responses/ErrorOther' });
    const herald = doc.components.schemas.Error.properties.error.properties.data.properties.herald;
    expect(herald.required).toEqual(['code', 'retryable']);
    expect(herald.properties.code.enum).toEqual(expect.arrayContaining(['UNKNOWN_FIELD', 'RATE_LIMITED']));
    // A query has no body to be too large or of the wrong type.
    expect(Object.keys(op('hub.ping').responses)).not.toContain('415');
  });

  it('declares every answer but the target views and the preview, which read as any JSON', () => {
    const undeclared = procedures.filter((p) => !p.output).map((p) => p.path);
    expect(undeclared.sort()).toEqual([
      'notifications.preview',
      'targets.create',
      'targets.get',
      'targets.list',
      'targets.update',
    ]);
    expect(dataSchema('targets.list').description).toMatch(/does not declare/);
    expect(dataSchema('audit.list').required).toEqual(['items', 'nextCursor']);
  });

  it('is plain JSON: nothing a JSON round trip would change', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('zod to JSON Schema', () => {
  it('leaves out the long regular expression of a self-explaining format', () => {
    expect(jsonSchemaOf(z.object({ at: z.iso.datetime(), id: z.uuid() }), 'output')).toEqual({
      type: 'object',
      properties: { at: { type: 'string', format: 'date-time' }, id: { type: 'string', format: 'uuid' } },
      required: ['at', 'id'],
    } satisfies JsonSchema);
  });

  it('refuses a recursive schema rather than emit references that point nowhere', () => {
    const Node: z.ZodType = z.object({
      get children() {
        return z.array(Node);
      },
    });
    expect(() => jsonSchemaOf(Node, 'input')).toThrow();
  });
});
