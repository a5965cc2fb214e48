/**
 * Every channel × notification type × message language, a recovery and a digest each, through
 * the real senders (signing, addressing, judging) into each channel's strict fake: every
 * message must be accepted. Channels come from the registries, so a new one is covered here.
 */
import {
  CHANNEL_TYPES,
  type ChannelType,
  channelOf,
  hasDigest,
  isSecretKind,
  LOCALES,
  NOTIFICATION_TYPES,
  type NotificationType,
  renderDigest,
  renderNotification,
  sampleData,
} from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import { createAddressPolicy, createHttpClient } from '../../../src/net/index.ts';
import { systemClock } from '../../../src/senders/clock.ts';
import { sendToTarget } from '../../../src/senders/send.ts';
import type { SendTarget } from '../../../src/senders/sender.ts';
import { CHANNEL_FAKES, type ChannelFake } from '../../fake-platforms/channels.ts';

const NOW = new Date('2026-01-15T06:30:00.000Z');
const PUBLIC_URL = 'https://herald.example.com';
const NOTIFICATION_ID = '0193a5b2-7c1d-7e2f-8a3b-4c5d6e7f8a9b';
const http = createHttpClient({ policy: createAddressPolicy(['127.0.0.0/8']) });
afterAll(() => http.close());

/** The sample of a type; for breakers also a recovery. */
function messagesOf(type: NotificationType): Array<{ what: string; data: unknown }> {
  const sample = sampleData(type, NOW);
  if (type !== 'circuit_breaker') return [{ what: 'sample', data: sample }];
  const opened = new Date(NOW.getTime() - 20 * 60_000).toISOString();
  return [
    { what: 'sample', data: sample },
    {
      what: 'recovery',
      data: { ...(sample as object), event: 'recovered', openedAt: opened, closedAt: NOW.toISOString() },
    },
  ];
}

describe.each(CHANNEL_TYPES)('%s', (channel: ChannelType) => {
  let fake: ChannelFake<ChannelType>;
  let target: SendTarget;
  let config: Record<string, unknown>;
  beforeAll(async () => {
    fake = (await CHANNEL_FAKES[channel]()) as ChannelFake<ChannelType>;
    target = { id: `matrix-${channel}`, channel, ...fake.fields } as SendTarget;
    const fields = channelOf(channel).fields;
    config = Object.fromEntries(
      Object.entries(fake.fields).filter(([f]) => {
        const spec = fields[f];
        return spec && !isSecretKind(spec.kind);
      }),
    );
  });
  afterAll(() => fake?.close());

  const send = async (body: Record<string, unknown>, id: string) => {
    const r = await sendToTarget(
      {
        http,
        clock: systemClock,
        logger: createLogger('silent'),
        telegramApiBaseUrl: fake.telegramApiBaseUrl ?? 'http://127.0.0.1:9',
        connectTimeoutMs: 2_000,
        totalTimeoutMs: 5_000,
      },
      target,
      body as never,
      { messageId: id },
    );
    return r;
  };

  // With PUBLIC_URL every message carries dashboard links (buttons, markdown links, click URLs).
  const cases = LOCALES.flatMap((locale) => [
    { locale, links: false },
    { locale, links: true },
  ]);
  it.each(cases)(
    'every type, its recovery and its digest in $locale (links: $links) are accepted',
    async ({ locale, links }) => {
      const before = fake.accepted();
      let sent = 0;
      const linked = (ids: { notificationId: string } | { digestId: string }) =>
        links ? { links: { publicUrl: PUBLIC_URL, ...ids } } : {};
      for (const type of NOTIFICATION_TYPES) {
        const base = { type, channel, locale, timezone: 'Asia/Shanghai', now: NOW, config } as const;
        const template = (fake.fields as { customTemplate?: Record<string, unknown> }).customTemplate;
        for (const { what, data } of messagesOf(type)) {
          const { body } = renderNotification({
            ...base,
            data,
            ...linked({ notificationId: NOTIFICATION_ID }),
            ...(template ? { customTemplate: template as never } : {}),
          });
          const r = await send(body, `${channel}-${type}-${what}-${locale}`);
          expect(r.error, `${type} ${what}`).toBeNull();
          sent++;
        }
        if (hasDigest(type)) {
          const items = [0, 1, 2].map(() => sampleData(type, NOW));
          const { body } = renderDigest({ ...base, items, ...linked({ digestId: NOTIFICATION_ID }) });
          const r = await send(body, `${channel}-${type}-digest-${locale}`);
          expect(r.error, `${type} digest`).toBeNull();
          sent++;
        }
      }
      expect(fake.refusals()).toEqual([]);
      expect(fake.accepted() - before).toBe(sent);
    },
  );
});
