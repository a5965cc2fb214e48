import { renderDigest, sampleData } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { slackSender } from '../../src/senders/slack.ts';
import { SLACK_ERROR_STATUS, type SlackErrorWord, slackError, startFakeSlack } from './slack.ts';
import { checkSlackBlocks, slackMentions } from './slack-blocks.ts';
import { asResponse, every, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();
const T0 = NOW.getTime();
const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text } });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('Slack incoming webhook', () => {
  it('accepts every rendered notification in every language with `ok`, and its digests', async () => {
    const slack = await fake(startFakeSlack());
    expect(slack.webhookUrl).toBe(`${slack.url}/services/T0000HERALD/B0000HERALD/herald-fake-secret-0001`);
    for (const [type, locale] of every) {
      const body = render('slack', type, locale);
      const r = await post(slack.webhookUrl, body);
      expect([r.status, r.text], `${type} ${locale}`).toEqual([200, 'ok']);
      expect(slackSender.judge(asResponse(r))).toEqual({ ok: true });
      expect(slack.received.at(-1)).toMatchObject({ method: 'POST', json: body, accepted: true, mentioned: [] });
    }
    const items = Array.from({ length: 40 }, () => sampleData('circuit_breaker', NOW));
    const digest = renderDigest({
      type: 'circuit_breaker',
      items,
      channel: 'slack',
      locale: 'en',
      timezone: 'UTC',
      now: NOW,
    });
    expect((await post(slack.webhookUrl, digest.body)).text).toBe('ok');
    expect(slack.accepted).toHaveLength(every.length + 1);
  });

  it('records who a message pings, from the blocks’ mrkdwn', async () => {
    const slack = await fake(startFakeSlack());
    const mentions = { people: ['U012AB3CDEF', 'S0614TZR7', 'here', 'channel'], levels: null };
    const body = render('slack', 'circuit_breaker', 'en', { mentions });
    expect((await post(slack.webhookUrl, body)).text).toBe('ok');
    expect(slack.accepted[0]?.mentioned).toEqual(['U012AB3CDEF', 'S0614TZR7', 'here', 'channel']);
    // Escaped look-alikes and a header's plain_text ping no one.
    expect(slackMentions('', [header('<!channel>'), section('&lt;!here&gt; &lt;@U012AB3CDEF&gt;')])).toEqual([]);
    // Without blocks, the text is the message.
    expect(slackMentions('hi <@W0123ABCDE|al>', undefined)).toEqual(['W0123ABCDE']);
  });

  it('refuses a wrong secret with invalid_token and an unknown hook with no_service', async () => {
    const slack = await fake(startFakeSlack({ team: 'T1', bot: 'B1', secret: 's3cret' }));
    const bad = await post(`${slack.url}/services/T1/B1/wrong`, render('slack'));
    expect([bad.status, bad.text]).toEqual([403, 'invalid_token']);
    const none = await post(`${slack.url}/services/T9/B9/s3cret`, render('slack'));
    expect([none.status, none.text]).toEqual([404, 'no_service']);
    expect(slackSender.judge(asResponse(none))).toMatchObject({ class: 'permanent', code: 'no_service' });
    expect(slack.accepted).toEqual([]);
  });

  it('an archived or deleted channel refuses every message', async () => {
    const archived = await fake(startFakeSlack({ channel: 'archived' }));
    const a = await post(archived.webhookUrl, render('slack'));
    expect([a.status, a.text]).toEqual([410, 'channel_is_archived']);
    expect(slackSender.judge(asResponse(a))).toMatchObject({
      ok: false,
      class: 'permanent',
      code: 'channel_is_archived',
    });
    const deleted = await fake(startFakeSlack({ channel: 'deleted' }));
    expect((await post(deleted.webhookUrl, render('slack'))).text).toBe('channel_not_found');
  });

  it('refuses what Slack refuses, with its words', async () => {
    const slack = await fake(startFakeSlack());
    const word = async (body: unknown) => {
      const r = await post(slack.webhookUrl, body);
      expect(r.status).toBe(r.text === 'ok' ? 200 : SLACK_ERROR_STATUS[r.text as SlackErrorWord]);
      return r.text;
    };
    expect(await word('{"text":')).toBe('invalid_payload');
    expect(await word('')).toBe('invalid_payload');
    expect(await word([1])).toBe('invalid_payload');
    expect(await word({ text: 5 })).toBe('invalid_payload');
    expect(await word({ text: '  ' })).toBe('no_text');
    expect(await word({ blocks: [] })).toBe('no_text');
    expect(await word({ text: 'x', blocks: [{ type: 'fancy' }] })).toBe('invalid_blocks');
    expect(await word({ text: 'x', attachments: Array.from({ length: 101 }, () => ({ text: 'a' })) })).toBe(
      'too_many_attachments',
    );
    expect(await word({ text: 'x'.repeat(4001) })).toBe('msg_too_long');
    expect(await word({ text: 'x'.repeat(4000) })).toBe('ok');
    const get = await post(slack.webhookUrl, null, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(slack.received.map((r) => r.accepted)).toEqual([...Array(9).fill(false), true, false]);
  });

  it('checks Block Kit limits at their edges', () => {
    const ok = (blocks: unknown) => checkSlackBlocks(blocks);
    expect(ok([header('h'.repeat(150)), section('s'.repeat(3000))])).toBeNull();
    expect(ok([header('h'.repeat(151))])).toBe('blocks[0].text.text is 151 characters, at most 150');
    expect(ok([section('s'.repeat(3001))])).toBe('blocks[0].text.text is 3001 characters, at most 3000');
    expect(ok([{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }])).toBe('blocks[0].text must be plain_text');
    expect(ok([section('')])).toBe('blocks[0].text.text must be a non-empty string');
    expect(ok([{ type: 'section' }])).toBe('blocks[0] needs text or fields');
    const fields = (n: number, len = 1) => Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'f'.repeat(len) }));
    expect(ok([{ type: 'section', fields: fields(10, 2000) }])).toBeNull();
    expect(ok([{ type: 'section', fields: fields(11) }])).toBe('blocks[0].fields has 11 items, at most 10');
    expect(ok([{ type: 'section', fields: fields(1, 2001) }])).toBe(
      'blocks[0].fields[0].text is 2001 characters, at most 2000',
    );
    const ctx = (n: number) => ({ type: 'context', elements: fields(n) });
    expect(ok([ctx(10)])).toBeNull();
    expect(ok([ctx(11)])).toBe('blocks[0].elements has 11 items, at most 10');
    expect(ok(Array.from({ length: 50 }, () => ({ type: 'divider' })))).toBeNull();
    expect(ok(Array.from({ length: 51 }, () => ({ type: 'divider' })))).toBe('51 blocks, at most 50');
    expect(ok([{ type: 'section', text: { type: 'mrkdwn', text: 'a', emoji: true } }])).toBe(
      'blocks[0].text.emoji is not allowed on mrkdwn',
    );
    expect(ok([{ type: 'divider', colour: 'red' }])).toBe('blocks[0].colour is not a field of a divider block');
    expect(
      ok([
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ]),
    ).toBe('blocks[1].block_id "a" is not unique');
  });

  it('fails on script with Slack’s words, judged as Herald’s sender judges them', async () => {
    const slack = await fake(startFakeSlack());
    slack.failNext(slackError('posting_to_general_channel_denied'));
    slack.failNext(slackError('rollup_error'));
    slack.failNext({ kind: 'rateLimit', retryAfterSeconds: 7 });
    const body = render('slack');
    const general = await post(slack.webhookUrl, body);
    expect([general.status, general.text]).toEqual([403, 'posting_to_general_channel_denied']);
    expect(slackSender.judge(asResponse(general))).toMatchObject({ class: 'permanent' });
    const rollup = await post(slack.webhookUrl, body);
    expect([rollup.status, rollup.text]).toEqual([500, 'rollup_error']);
    expect(slackSender.judge(asResponse(rollup))).toMatchObject({ class: 'retryable', code: 'rollup_error' });
    const limited = await post(slack.webhookUrl, body);
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7']);
    expect(slackSender.judge(asResponse(limited))).toMatchObject({ rateLimited: true, retryAfterMs: 7_000 });
    expect((await post(slack.webhookUrl, body)).text).toBe('ok');
    expect(slack.received.map((r) => r.scripted)).toEqual([true, true, true, false]);
  });

  it('rateLimit "platform": about one a second per hook, then 429 with the wait in Retry-After', async () => {
    let t = T0;
    const slack = await fake(startFakeSlack({ now: () => t, rateLimit: 'platform' }));
    const body = render('slack');
    const at = async (ms: number) => {
      t = T0 + ms;
      return post(slack.webhookUrl, body);
    };
    expect((await at(0)).text).toBe('ok');
    const over = await at(400);
    expect([over.status, over.text, over.headers['retry-after']]).toEqual([429, 'rate_limited', '1']);
    expect(slackSender.judge(asResponse(over))).toMatchObject({ rateLimited: true, retryAfterMs: 1_000 });
    expect((await at(2_500)).text).toBe('ok');
    expect(slack.refused.map((r) => r.at - T0)).toEqual([400]);
  });
});
