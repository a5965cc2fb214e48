import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

let h: TestHerald;
// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON, read field by field
let doc: any;
let hubKey: string;

beforeAll(async () => {
  h = await startTestHerald();
  const res = await fetch(`${h.url}/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
  hubKey = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'openapi hub' })).key;
});
afterAll(() => h?.close());

/** The documented schema of a JSON answer, as a zod schema built from the document alone. */
function documented(path: string, status: string): z.ZodType {
  const item = doc.paths[`/trpc/${path}`];
  const operation = item.get ?? item.post;
  let response = operation.responses[status];
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').at(-1)];
  let schema = response.content['application/json'].schema;
  if (schema.$ref) schema = doc.components.schemas[schema.$ref.split('/').at(-1)];
  return z.fromJSONSchema(schema);
}

/** A call made only from what the document says: method from the path item, input where it says. */
async function callAsDocumented(path: string, input: unknown, token?: string) {
  const item = doc.paths[`/trpc/${path}`];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (item.get) {
    const query =
      input === undefined ? '' : `?${item.get.parameters[0].name}=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(`${h.url}/trpc/${path}${query}`, { headers });
  }
  return fetch(`${h.url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': Object.keys(item.post.requestBody.content)[0] as string },
    body: JSON.stringify(input),
  });
}

describe('GET /openapi.json', () => {
  it('is public, valid OpenAPI 3.1, and the same document on every request', async () => {
    expect(await validate(structuredClone(doc))).toMatchObject({ valid: true });
    const again = await fetch(`${h.url}/openapi.json`);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await again.json()).toEqual(doc);
    expect(doc.info.description).toContain('8 MiB');
  });

  it("describes the real wire format: a hub's query and mutation answer as documented", async () => {
    const ping = await callAsDocumented('hub.ping', undefined, hubKey);
    expect(ping.status).toBe(200);
    const pinged = await ping.json();
    expect(documented('hub.ping', '200').parse(pinged)).toEqual({
      result: { data: { ok: true, apiKeyName: 'openapi hub' } },
    });

    const synced = await callAsDocumented(
      'hub.syncUsers',
      { users: [{ id: 'u1', name: 'Ada', limit5hUsd: 5 }] },
      hubKey,
    );
    expect(synced.status).toBe(200);
    expect(documented('hub.syncUsers', '200').parse(await synced.json())).toEqual({
      result: { data: { created: 1, updated: 0 } },
    });
  });

  it('a query with an input reads it from the documented parameter', async () => {
    const res = await callAsDocumented('deliveries.list', { limit: 1 }, TEST_ADMIN_TOKEN);
    expect(res.status).toBe(200);
    expect(documented('deliveries.list', '200').parse(await res.json())).toEqual({
      result: { data: { items: [], nextCursor: null } },
    });
  });

  it('a mutation without an input is documented without a body, and is answered without one', async () => {
    expect(doc.paths['/trpc/auth.logout'].post.requestBody).toBeUndefined();
    const res = await fetch(`${h.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(documented('auth.logout', '200').parse(await res.json())).toEqual({
      result: { data: { authenticated: false, expiresAt: null } },
    });
  });

  it('errors come in the documented Error shape: a bad input, a missing key', async () => {
    const bad = await callAsDocumented('hub.syncUsers', { users: [{ id: 'u1' }] }, hubKey);
    expect(bad.status).toBe(400);
    const badBody = documented('hub.syncUsers', '400').parse(await bad.json());
    expect(JSON.stringify(badBody)).toContain('users.0.name');

    const anonymous = await callAsDocumented('hub.ping', undefined);
    expect(anonymous.status).toBe(401);
    documented('hub.ping', '401').parse(await anonymous.json());
  });
});
