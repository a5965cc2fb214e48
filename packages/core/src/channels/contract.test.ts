import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES, LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { CHANNELS } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const telegram = { telegramChatId: '-1001234567890', telegramTopicId: 42 };

const cases = CHANNEL_TYPES.flatMap((channel) =>
  NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => ({ channel, type, locale }))),
);

/** One contract over every channel × notification type × locale. */
describe.each(cases)('$channel × $type × $locale', ({ channel, type, locale }) => {
  const render = (data: unknown) =>
    renderNotification({
      type,
      data,
      channel,
      locale,
      timezone,
      now,
      ...(channel === 'telegram' ? { config: telegram } : {}),
    });

  it('renders the sample exactly as before, within the platform limit', () => {
    const { body, truncated } = render(NOTIFICATIONS[type].sample({ now }));
    expect(truncated).toBe(false);
    const limit = CHANNELS[channel].limit;
    if (limit) expect(limit.measure(body)).toBeLessThanOrEqual(limit.max);
    expect(body).toMatchSnapshot();
  });
});
