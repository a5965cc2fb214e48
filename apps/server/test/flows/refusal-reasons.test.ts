import { ErrorEnvelope, HERALD_REASONS, type HeraldReason } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_FAILURE_LIMIT } from '../../src/auth/credential-limit.ts';
import { type ApiResponse, manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

/**
 * Every refusal a service makes itself carries its reason and params (core HERALD_REASONS) in
 * `data.herald`, beside the English message a hub's log shows, so the dashboard can say it in
 * the admin's language. Field problems of templates carry their issue codes the same way.
 */
const NOW = new Date('2026-05-04T08:00:00.000Z');
const clock = manualClock(NOW);
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000abcd';
const admin = { token: TEST_ADMIN_TOKEN };
let h: TestHerald;

beforeAll(async () => {
  // Behind a trusted proxy, so the wrong-credential limit can be reached from an address of its own.
  h = await startTestHerald({ TRUST_PROXY: 'true' }, { clock });
});
afterAll(async () => {
  await h?.close();
});

/** The documented envelope, the reason's own code and status, its params, and the English message kept. */
function expectReason(r: ApiResponse, reason: HeraldReason, params: Record<string, string | number>) {
  expect(ErrorEnvelope.parse(r.body)).toEqual(r.body);
  const { herald } = r.body.error.data;
  expect(herald).toEqual({ code: HERALD_REASONS[reason].code, retryable: false, reason, params });
  expect(Object.keys(params).sort()).toEqual([...HERALD_REASONS[reason].params].sort());
  expect(r.body.error.message).toMatch(/^[\x20-\x7e]+$/);
}

describe('a record that does not exist names its kind', () => {
  it.each([
    ['targets.get', 'target.not_found', 404],
    ['targets.test', 'target.not_found', 404],
    ['deliveries.get', 'delivery.not_found', 404],
    ['deliveries.resend', 'delivery.not_found', 404],
    ['silences.end', 'silence.not_found', 404],
    ['apiKeys.revoke', 'api_key.not_found', 404],
  ] as const)('%s of an unknown id: %s', async (procedure, reason, status) => {
    const input =
      procedure === 'targets.test' ? { id: NO_SUCH_ID, notificationType: 'cost_alert' } : { id: NO_SUCH_ID };
    const r = await h.api(procedure, input, admin);
    expect(r.status).toBe(status);
    expectReason(r, reason, { id: NO_SUCH_ID });
  });

  it('a silence for a provider the hub never reported', async () => {
    const r = await h.api(
      'silences.create',
      { matcher: { kind: 'provider', providerId: 'p-x' }, durationMinutes: 5 },
      admin,
    );
    expect(r.status).toBe(404);
    expectReason(r, 'provider.not_found', { id: 'p-x' });
  });
});

describe('a state that forbids the change', () => {
  it('ending a silence that already ran out: CONFLICT with when', async () => {
    const silence = await h.api(
      'silences.create',
      { matcher: { kind: 'type', notificationType: 'cost_alert' }, durationMinutes: 5 },
      admin,
    );
    const { id, endsAt } = silence.body.result.data;
    clock.advance(5 * 60_000);
    const r = await h.api('silences.end', { id }, admin);
    expect(r.status).toBe(409);
    expectReason(r, 'silence.expired', { id, at: endsAt });
  });
});

describe('credentials', () => {
  it('no credential, a wrong admin token, and too many wrong ones from one address', async () => {
    const none = await h.api('targets.list', undefined);
    expect(none.status).toBe(401);
    expectReason(none, 'auth.admin_required', {});

    const from = { 'x-forwarded-for': '127.0.8.1' };
    const wrong = await h.api('auth.login', { token: 'not-the-admin-token' }, { headers: from });
    expect(wrong.status).toBe(401);
    expectReason(wrong, 'auth.wrong_token', {});

    const guess = () => h.api('settings.get', undefined, { token: `wrong-${Math.random()}`, headers: from });
    await Promise.all(Array.from({ length: CREDENTIAL_FAILURE_LIMIT.max }, guess));
    const limited = await guess();
    expect(limited.status).toBe(429);
    const { herald } = limited.body.error.data;
    expect(herald).toMatchObject({ code: 'RATE_LIMITED', reason: 'auth.too_many_attempts' });
    expect(herald.params.retryAfterSeconds).toBe(Number(limited.headers.get('retry-after')));
  });
});

describe('template problems are field issues with codes and params', () => {
  it('a custom target whose template names an unknown variable, or is too large', async () => {
    const create = (customTemplate: unknown) =>
      h.api(
        'targets.create',
        { name: 'hook', providerType: 'custom', webhookUrl: 'http://127.0.0.1:9/hook', customTemplate },
        admin,
      );
    const unknown = await create({ text: '{{titel}}', n: 'x {{json:title}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.data.herald.issues).toEqual([
      expect.objectContaining({
        path: 'customTemplate.text',
        code: 'template.unknown_variable',
        params: { name: 'titel' },
      }),
      expect.objectContaining({ path: 'customTemplate.n', code: 'template.json_whole', params: { name: 'title' } }),
    ]);
    const large = await create({ text: 'x'.repeat(70_000) });
    expect(large.body.error.data.herald.issues).toEqual([
      expect.objectContaining({ path: 'customTemplate', code: 'json.too_large', params: { max: 65_536 } }),
    ]);
  });

  it('a binding’s template override for the type, and the same target bound twice', async () => {
    const target = await h.api(
      'targets.create',
      {
        name: 'hook2',
        providerType: 'custom',
        webhookUrl: 'http://127.0.0.1:9/hook',
        customTemplate: { t: '{{title}}' },
      },
      admin,
    );
    const targetId = target.body.result.data.id;
    const r = await h.api(
      'bindings.set',
      {
        notificationType: 'cost_alert',
        bindings: [
          { targetId, templateOverride: { a: '{{title}} {{nope}}' } },
          { targetId, isEnabled: false },
        ],
      },
      admin,
    );
    expect(r.status).toBe(400);
    expect(r.body.error.data.herald.issues).toEqual([
      expect.objectContaining({
        path: 'bindings.0.templateOverride.a',
        code: 'template.unknown_variable',
        params: { name: 'nope' },
      }),
      expect.objectContaining({ path: 'bindings.1.targetId', code: 'target.bound_twice' }),
    ]);
  });

  it('a preview of a template with a misplaced {{json:…}}', async () => {
    const r = await h.api(
      'notifications.preview',
      { notificationType: 'cost_alert', providerType: 'custom', template: { a: 'x {{json:title}}' } },
      admin,
    );
    expect(r.status).toBe(400);
    expect(r.body.error.data.herald.issues).toEqual([
      expect.objectContaining({ path: 'template.a', code: 'template.json_whole', params: { name: 'title' } }),
    ]);
  });
});
