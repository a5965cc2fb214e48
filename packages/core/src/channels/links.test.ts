import { describe, expect, it } from 'vitest';
import { renderDigest } from '../digest/render-digest.ts';
import { CHANNEL_TYPES, type ChannelType, LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import type { Message } from '../message/model.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { buildMessage, renderNotification } from '../render-notification.ts';
import { CHANNELS } from './index.ts';
import type { JsonObject } from './types.ts';

/**
 * With a public address every channel carries the message's dashboard links the way its
 * platform shows a link; without one, bodies are as before (contract.test.ts snapshots).
 */
const now = new Date('2026-01-15T06:30:00.000Z');
const HERALD = 'https://herald.example.com';
const NOTIFICATION = '0193a5b2-7c1d-7e2f-8a3b-4c5d6e7f8a9b';
const PROVIDER_URL = `${HERALD}/deliveries?provider=7`;
const LOG_URL = `${HERALD}/deliveries?notification=${NOTIFICATION}`;
const links = { publicUrl: HERALD, notificationId: NOTIFICATION };
const telegram = { telegramChatId: '-1001234567890' };
const linkTemplate = { title: '{{title}}', link: '{{link}}', links: '{{json:links_json}}' };

function render(channel: ChannelType, data: unknown = NOTIFICATIONS.circuit_breaker.sample({ now }), extra = {}) {
  return renderNotification({
    type: 'circuit_breaker',
    data: NOTIFICATIONS.circuit_breaker.data.parse(data),
    channel,
    locale: 'en',
    timezone: 'UTC',
    now,
    links,
    ...(channel === 'telegram' ? { config: telegram } : {}),
    ...(channel === 'custom' ? { customTemplate: linkTemplate } : {}),
    ...extra,
  });
}

type Obj = Record<string, unknown>;
const at = (v: unknown, ...path: Array<string | number>): unknown =>
  path.reduce<unknown>((o, k) => (o as Obj | unknown[] | undefined)?.[k as never], v);

describe('links in each channel', () => {
  it('wechat: a markdown link line before the time; as text (mentions) the URLs themselves', () => {
    const content = at(render('wechat').body, 'markdown', 'content') as string;
    expect(content).toContain(`[Alerts for this provider](${PROVIDER_URL}) · [Delivery log](${LOG_URL})\n2026-01-15`);
    const text = render('wechat', undefined, { mentions: { people: ['13800138000'], levels: null } }).body;
    expect(at(text, 'msgtype')).toBe('text');
    expect(at(text, 'text', 'content')).toContain(
      `Alerts for this provider: ${PROVIDER_URL}\nDelivery log: ${LOG_URL}\n`,
    );
  });

  it('dingtalk: markdown links, the time a paragraph of its own', () => {
    expect(at(render('dingtalk').body, 'markdown', 'text')).toContain(
      `[Alerts for this provider](${PROVIDER_URL}) · [Delivery log](${LOG_URL})\n\n2026-01-15`,
    );
  });

  it('feishu: a card markdown element of links before the time', () => {
    const elements = at(render('feishu').body, 'card', 'body', 'elements') as JsonObject[];
    expect(elements.at(-2)).toEqual({
      tag: 'markdown',
      content: `[Alerts for this provider](${PROVIDER_URL}) · [Delivery log](${LOG_URL})`,
    });
  });

  it('telegram: <a href> links', () => {
    expect(at(render('telegram').body, 'text')).toContain(
      `<a href="${PROVIDER_URL}">Alerts for this provider</a> · <a href="${LOG_URL}">Delivery log</a>\n2026-01-15`,
    );
  });

  it('slack: <url|text> links beside the time in the closing context', () => {
    const blocks = at(render('slack').body, 'blocks') as JsonObject[];
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '🔴 2026-01-15 06:30 (UTC)' },
        { type: 'mrkdwn', text: `<${PROVIDER_URL}|Alerts for this provider> · <${LOG_URL}|Delivery log>` },
      ],
    });
  });

  it('discord: the title opens the delivery log; the description ends with masked links', () => {
    const embed = at(render('discord').body, 'embeds', 0) as Obj;
    expect(embed.url).toBe(LOG_URL);
    expect(
      String(embed.description).endsWith(
        `\n\n[Alerts for this provider](${PROVIDER_URL}) · [Delivery log](${LOG_URL})`,
      ),
    ).toBe(true);
  });

  it('teams: Action.OpenUrl buttons on the card', () => {
    expect(at(render('teams').body, 'attachments', 0, 'content', 'actions')).toEqual([
      { type: 'Action.OpenUrl', title: 'Alerts for this provider', url: PROVIDER_URL },
      { type: 'Action.OpenUrl', title: 'Delivery log', url: LOG_URL },
    ]);
  });

  it('email: <a> links in the HTML part, label: URL lines in the text part', () => {
    const body = render('email').body as { html: string; text: string };
    expect(body.html).toContain(`<a href="${PROVIDER_URL}" style="color:#0969da;">Alerts for this provider</a>`);
    expect(body.html).toContain(`<a href="${LOG_URL}" style="color:#0969da;">Delivery log</a>`);
    expect(body.text).toContain(`Alerts for this provider: ${PROVIDER_URL}\nDelivery log: ${LOG_URL}\n\n2026-01-15`);
  });

  it('ntfy: a tap opens the delivery log; each link is a view button', () => {
    expect(render('ntfy').body).toMatchObject({
      click: LOG_URL,
      actions: [
        { action: 'view', label: 'Alerts for this provider', url: PROVIDER_URL },
        { action: 'view', label: 'Delivery log', url: LOG_URL },
      ],
    });
  });

  it('custom: {{link}} and {{json:links_json}}', () => {
    expect(render('custom').body).toEqual({
      title: 'Provider circuit breaker alert',
      link: LOG_URL,
      links: [
        { kind: 'provider', label: 'Alerts for this provider', url: PROVIDER_URL },
        { kind: 'notification', label: 'Delivery log', url: LOG_URL },
      ],
    });
  });
});

describe('links stay whole', () => {
  const markup = { ...NOTIFICATIONS.circuit_breaker.sample({ now }), providerId: 'p)](x) <b>&|*_' };

  it.each(CHANNEL_TYPES)('%s: an id with markup in it stays inside the link, encoded', (channel) => {
    const url = `${HERALD}/deliveries?provider=p%29%5D%28x%29+%3Cb%3E%26%7C*_`;
    expect(new URL(url).searchParams.get('provider')).toBe(markup.providerId);
    expect(JSON.stringify(render(channel, markup).body)).toContain(url);
  });

  it.each(CHANNEL_TYPES.filter((c) => c !== 'custom'))(
    '%s: a message cut to fit its limit keeps every link',
    (channel) => {
      const message = buildMessage('circuit_breaker', NOTIFICATIONS.circuit_breaker.sample({ now }), {
        locale: 'en',
        timezone: 'UTC',
        now,
        links,
      });
      const huge: Message = {
        ...message,
        sections: [...message.sections, { blocks: [{ type: 'text', text: 'x'.repeat(300_000) }] }],
      };
      const r = CHANNELS[channel].render(huge, { locale: 'en', config: channel === 'telegram' ? telegram : {} });
      expect(r.truncated).toBe(true);
      const json = JSON.stringify(r.body);
      expect(json).toContain(PROVIDER_URL);
      expect(json).toContain(LOG_URL);
      const limit = CHANNELS[channel].limit;
      if (limit) expect(limit.measure(r.body)).toBeLessThanOrEqual(limit.max);
    },
  );

  const cases = CHANNEL_TYPES.flatMap((channel) =>
    NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => ({ channel, type, locale }))),
  );
  it.each(cases)('$channel × $type × $locale: the sample with links fits, uncut', ({ channel, type, locale }) => {
    const r = renderNotification({
      type,
      data: NOTIFICATIONS[type].sample({ now }),
      channel,
      locale,
      timezone: 'Asia/Shanghai',
      now,
      links,
      ...(channel === 'telegram' ? { config: telegram } : {}),
      ...(channel === 'custom' ? { customTemplate: linkTemplate } : {}),
    });
    expect(r.truncated).toBe(false);
    expect(JSON.stringify(r.body)).toContain(LOG_URL);
    const limit = CHANNELS[channel].limit;
    if (limit) expect(limit.measure(r.body)).toBeLessThanOrEqual(limit.max);
  });

  it.each(CHANNEL_TYPES)('%s: a digest links to what it carried', (channel) => {
    const digest = '0193a5b2-7c1d-7e2f-8a3b-000000000001';
    const items = [NOTIFICATIONS.circuit_breaker.sample({ now }), NOTIFICATIONS.circuit_breaker.sample({ now })];
    const r = renderDigest({
      type: 'circuit_breaker',
      items,
      channel,
      locale: 'ru',
      timezone: 'UTC',
      now,
      links: { publicUrl: HERALD, digestId: digest },
      ...(channel === 'telegram' ? { config: telegram } : {}),
      ...(channel === 'custom' ? { customTemplate: { items: '{{json:items}}', link: '{{link}}' } } : {}),
    });
    expect(JSON.stringify(r.body)).toContain(`${HERALD}/deliveries?digest=${digest}`);
    expect(JSON.stringify(r.body)).not.toContain('notification=');
  });
});
