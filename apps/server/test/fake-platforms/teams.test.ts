import { describe, expect, it } from 'vitest';
import { teamsSender } from '../../src/senders/teams.ts';
import { asResponse, ctx, every, type Json, NOW, post, render, useFakes } from './support.ts';
import { startFakeTeams } from './teams.ts';

const fake = useFakes();
const T0 = NOW.getTime();
const JSON_UTF8 = { 'content-type': 'application/json; charset=utf-8' };

type Card = { type: string; version: string; body: Json[]; msteams?: Json };
type Envelope = { type: string; attachments: Array<Json & { content: Card }> };
const card = (): Envelope => structuredClone(render('teams', 'daily_leaderboard', 'en')) as Envelope;
const send = (url: string, body: unknown, headers: Record<string, string> = JSON_UTF8) => post(url, body, { headers });

describe('Teams Workflows webhook', () => {
  it('accepts every rendered card sent by the sender, with 202 Accepted', async () => {
    const teams = await fake(startFakeTeams({ sig: 's1g' }));
    for (const [type, locale] of every) {
      const req = teamsSender.prepare(
        { channel: 'teams', webhookUrl: teams.webhookUrl },
        render('teams', type, locale),
        ctx(),
      );
      const r = await post(req.url, req.body, { headers: req.headers });
      expect(r.status, `${type} ${locale} ${r.text}`).toBe(202);
      expect(r.text).toBe('');
      expect(r.headers['x-ms-workflow-run-id']).toMatch(/^08584\d{15}CU00$/);
      expect(teamsSender.judge(asResponse(r))).toEqual({ ok: true });
    }
    expect(teams.accepted).toHaveLength(every.length);
  });

  it('checks the trigger URL: workflow, trigger, api-version and signature', async () => {
    const teams = await fake(startFakeTeams({ workflowId: 'wf1', sig: 'right' }));
    const body = render('teams');
    const at = (path: string) => send(`${teams.url}${path}`, body);
    const q = 'sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0';
    const answers = [
      await at(`/workflows/wf2/triggers/manual/paths/invoke?api-version=1&${q}&sig=right`),
      await at(`/workflows/wf1/triggers/other/paths/invoke?api-version=1&${q}&sig=right`),
      await at(`/workflows/wf1/triggers/manual/paths/invoke?${q}&sig=right`),
      await at(`/workflows/wf1/triggers/manual/paths/invoke?api-version=1&${q}`),
      await at(`/workflows/wf1/triggers/manual/paths/invoke?api-version=1&${q}&sig=wrong`),
      await at(
        '/workflows/wf1/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fother%2Frun&sv=1.0&sig=right',
      ),
    ];
    expect(answers.map((a) => [a.status, (a.json.error as Json).code])).toEqual([
      [404, 'WorkflowNotFound'],
      [404, 'TriggerNotFound'],
      [400, 'MissingApiVersionParameter'],
      [401, 'DirectApiAuthorizationRequired'],
      [401, 'DirectApiInvalidAuthorizationSignature'],
      [401, 'DirectApiInvalidAuthorizationSignature'],
    ]);
    expect(answers[3]?.json.error).toEqual({
      code: 'DirectApiAuthorizationRequired',
      message: 'The request must be authenticated only by Shared Access scheme.',
    });
    expect(teamsSender.judge(asResponse(answers[4] as never))).toMatchObject({
      ok: false,
      class: 'permanent',
      code: 'DirectApiInvalidAuthorizationSignature',
    });
    expect((await send(teams.webhookUrl, body)).status).toBe(202);
    const get = await post(teams.webhookUrl, undefined, { method: 'GET' });
    expect([get.status, (get.json.error as Json).code]).toEqual([405, 'TriggerRequestMethodNotValid']);
  });

  it('refuses what its trigger schema refuses, in Logic Apps words', async () => {
    const teams = await fake(startFakeTeams());
    const mismatch = async (body: unknown, detail: RegExp, headers?: Record<string, string>) => {
      const r = await send(teams.webhookUrl, body, headers);
      expect([r.status, (r.json.error as Json).code]).toEqual([400, 'TriggerInputSchemaMismatch']);
      expect((r.json.error as Json).message).toMatch(
        /^The input body for trigger 'manual' of type 'Request' did not match its schema definition\. Error details: /,
      );
      expect((r.json.error as Json).message).toMatch(detail);
    };
    await mismatch({ ...card(), type: 'MessageCard' }, /type must be 'message'/);
    await mismatch({ type: 'message', attachments: [] }, /missing from object: attachments/);
    const connector = card();
    (connector.attachments[0] as Json).contentType = 'application/vnd.microsoft.teams.card.o365connector';
    await mismatch(connector, /contentType must be 'application\/vnd\.microsoft\.card\.adaptive'/);
    const withUrl = card();
    (withUrl.attachments[0] as Json).contentUrl = 'https://x.test/card.json';
    await mismatch(withUrl, /contentUrl must be null/);
    await mismatch(card(), /Expected Object but got String/, { 'content-type': 'text/plain' });
    const notJson = await send(teams.webhookUrl, '{"type":"message",');
    expect([notJson.status, (notJson.json.error as Json).code]).toEqual([400, 'InvalidRequestContent']);
    expect(teams.accepted).toHaveLength(0);
  });

  const badCards: Array<[string, (c: Card) => void, RegExp]> = [
    ['no version', (c) => delete (c as Partial<Card>).version, /version is required/],
    ['version 1.6', (c) => Object.assign(c, { version: '1.6' }), /up to version 1\.5/],
    [
      'a Table in a 1.4 card',
      (c) => Object.assign(c, { version: '1.4', body: c.body.slice(1) }),
      /Table needs version 1\.5/,
    ],
    [
      'a heading in a 1.4 card',
      (c) => Object.assign(c, { version: '1.4', body: c.body.slice(0, 1) }),
      /heading needs version 1\.5/,
    ],
    [
      'an unknown element',
      (c) => c.body.push({ type: 'Divider' }),
      /unknown element type "Divider" \(at attachments\[0\]\.content\.body\[\d+\]\)/,
    ],
    ['a TextBlock without text', (c) => c.body.push({ type: 'TextBlock', wrap: true }), /TextBlock needs text/],
    [
      'a misspelt property',
      (c) => c.body.push({ type: 'TextBlock', text: 'x', warp: true }),
      /unknown property 'warp'/,
    ],
    [
      'a colour Teams lacks',
      (c) => c.body.push({ type: 'TextBlock', text: 'x', color: 'red' }),
      /color must be one of/,
    ],
    [
      'a bad container style',
      (c) => c.body.push({ type: 'Container', style: 'danger', items: [] }),
      /style must be one of/,
    ],
    ['a fact without value', (c) => c.body.push({ type: 'FactSet', facts: [{ title: 'a' }] }), /title and value/],
    ['an empty FactSet', (c) => c.body.push({ type: 'FactSet', facts: [] }), /at least one fact/],
    ['an empty body', (c) => Object.assign(c, { body: [] }), /body is empty/],
    [
      'an OpenUrl without a URL',
      (c) => Object.assign(c, { actions: [{ type: 'Action.OpenUrl', title: 'Log' }] }),
      /url is required and must be an absolute URL \(at attachments\[0\]\.content\.actions\[0\]\)/,
    ],
    [
      'an OpenUrl with a relative URL',
      (c) => Object.assign(c, { actions: [{ type: 'Action.OpenUrl', title: 'Log', url: '/deliveries' }] }),
      /url is required and must be an absolute URL/,
    ],
    [
      'a misspelt action property',
      (c) => Object.assign(c, { actions: [{ type: 'Action.OpenUrl', title: 'Log', href: 'https://a.test' }] }),
      /unknown property 'href'/,
    ],
    [
      'an unknown action',
      (c) => Object.assign(c, { actions: [{ type: 'Action.Open', url: 'https://a.test' }] }),
      /unknown action type "Action\.Open"/,
    ],
    [
      'Action.Execute in a 1.3 card',
      (c) =>
        Object.assign(c, {
          version: '1.3',
          body: [{ type: 'TextBlock', text: 'x' }],
          actions: [{ type: 'Action.Execute' }],
        }),
      /Action\.Execute needs card version 1\.4/,
    ],
    ['msteams width Wide', (c) => Object.assign(c, { msteams: { width: 'Wide' } }), /msteams\.width can only be Full/],
    [
      'a row wider than the columns',
      (c) => {
        const t = c.body.find((el) => el.type === 'Table') as { rows: Array<{ cells: unknown[] }> };
        t.rows[1]?.cells.push({ type: 'TableCell', items: [] });
      },
      /a row has 4 cells for 3 columns \(at attachments\[0\]\.content\.body\[\d+\]\.rows\[1\]\)/,
    ],
    [
      'a column width "auto"',
      (c) => {
        const t = c.body.find((el) => el.type === 'Table') as { columns: Json[] };
        Object.assign(t.columns[0] ?? {}, { width: 'auto' });
      },
      /width must be a weight > 0 or pixels/,
    ],
    [
      'a cell that is a TextBlock',
      (c) => {
        const t = c.body.find((el) => el.type === 'Table') as { rows: Array<{ cells: unknown[] }> };
        if (t.rows[0]) t.rows[0].cells[0] = { type: 'TextBlock', text: 'x' };
      },
      /type must be TableCell/,
    ],
  ];

  it.each(badCards)('refuses a card with %s (400 InvalidRequestContent)', async (_name, spoil, message) => {
    const teams = await fake(startFakeTeams());
    const body = card();
    spoil((body.attachments[0] as { content: Card }).content);
    const r = await send(teams.webhookUrl, body);
    expect([r.status, (r.json.error as Json).code]).toEqual([400, 'InvalidRequestContent']);
    expect((r.json.error as Json).message).toMatch(/^The adaptive card is not valid: /);
    expect((r.json.error as Json).message).toMatch(message);
    expect(teamsSender.judge(asResponse(r))).toMatchObject({
      ok: false,
      class: 'permanent',
      code: 'InvalidRequestContent',
    });
  });

  it('refuses a message over 28,000 bytes with 413, counting UTF-16 when no charset is given', async () => {
    const teams = await fake(startFakeTeams());
    const utf8 = (b: unknown) => Buffer.byteLength(JSON.stringify(b));
    const utf16 = (b: unknown) => JSON.stringify(b).length * 2;
    /** The card padded with ASCII to exactly `size` as `measure` counts it (one letter: 1 byte, or 2 in UTF-16). */
    const sized = (size: number, measure = utf8) => {
      const body = card();
      const pad = { type: 'TextBlock', text: '' };
      body.attachments[0]?.content.body.push(pad);
      pad.text = 'a'.repeat((size - measure(body)) / (measure === utf8 ? 1 : 2));
      expect(measure(body)).toBe(size);
      return body;
    };
    expect((await send(teams.webhookUrl, sized(28_000))).status).toBe(202);
    const over = await send(teams.webhookUrl, sized(28_001));
    expect([over.status, (over.json.error as Json).code]).toEqual([413, 'RequestEntityTooLarge']);
    expect(teamsSender.judge(asResponse(over))).toMatchObject({
      ok: false,
      class: 'permanent',
      code: 'RequestEntityTooLarge',
    });
    const plainJson = { 'content-type': 'application/json' };
    expect((await send(teams.webhookUrl, sized(28_002, utf16), plainJson)).status).toBe(413);
    expect((await send(teams.webhookUrl, sized(28_000, utf16), plainJson)).status).toBe(202);
  });

  it('answers scripted failures as Workflows does', async () => {
    const teams = await fake(startFakeTeams());
    teams.failNext({ kind: 'errcode', code: 403 });
    teams.failNext({ kind: 'errcode', code: 404, message: "The workflow 'x' could not be found." });
    teams.failNext({ kind: 'rateLimit', retryAfterSeconds: 9 });
    teams.failNext({ kind: 'status', status: 502 });
    const body = render('teams');
    const [forbidden, gone, throttled, bad] = [
      await send(teams.webhookUrl, body),
      await send(teams.webhookUrl, body),
      await send(teams.webhookUrl, body),
      await send(teams.webhookUrl, body),
    ];
    expect(teamsSender.judge(asResponse(forbidden as never))).toMatchObject({
      class: 'permanent',
      code: 'AuthorizationFailed',
    });
    expect(gone?.json).toEqual({
      error: { code: 'WorkflowNotFound', message: "The workflow 'x' could not be found." },
    });
    expect(throttled?.headers['retry-after']).toBe('9');
    expect(teamsSender.judge(asResponse(throttled as never))).toMatchObject({
      ok: false,
      class: 'retryable',
      rateLimited: true,
      retryAfterMs: 9_000,
      code: 'WorkflowTriggerIsThrottled',
    });
    expect(teamsSender.judge(asResponse(bad as never))).toMatchObject({ ok: false, class: 'retryable', code: 502 });
    expect((await send(teams.webhookUrl, body)).status).toBe(202);
  });

  it("enforces 4 a second and 100 a minute with 'platform' limits, 429 with Retry-After", async () => {
    let t = T0;
    const teams = await fake(startFakeTeams({ now: () => t, rateLimit: 'platform' }));
    const body = render('teams');
    const statusAt = async (ms: number) => {
      t = T0 + ms;
      return (await send(teams.webhookUrl, body)).status;
    };
    for (let i = 0; i < 4; i++) expect(await statusAt(0)).toBe(202);
    const over = await send(teams.webhookUrl, body);
    expect([over.status, over.headers['retry-after'], (over.json.error as Json).code]).toEqual([
      429,
      '1',
      'WorkflowTriggerIsThrottled',
    ]);
    expect(teamsSender.judge(asResponse(over))).toMatchObject({ rateLimited: true, retryAfterMs: 1_000 });
    // 100 a minute: 4 a second for 24 more seconds fills it (the refusal above counts too).
    for (let s = 1; s <= 24; s++) for (let i = 0; i < 4; i++) await statusAt(s * 1_000);
    expect(await statusAt(25_000)).toBe(429);
    expect(await statusAt(60_001)).toBe(202);
    expect(teams.refused.length).toBeGreaterThanOrEqual(2);
  });
});
