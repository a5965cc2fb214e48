import { CHANNEL_PACE, paceIntervalMs } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { lateToleranceMs } from './delivery-pace.ts';

describe('how late a paced send may be', () => {
  it('keeps every window within its limit: max·T − τ > W', () => {
    for (const pace of [
      CHANNEL_PACE.wechat({}),
      CHANNEL_PACE.dingtalk({}),
      CHANNEL_PACE.feishu({}),
      CHANNEL_PACE.telegram({ telegramChatId: '-100123' }),
      CHANNEL_PACE.telegram({ telegramChatId: '42' }),
    ]) {
      const t = paceIntervalMs(pace) as number;
      const late = lateToleranceMs(pace, t);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(t / 2);
      for (const l of pace.limits) expect(l.max * t - late).toBeGreaterThan(l.windowMs);
    }
  });

  it('half an interval for the 20-a-minute robots; almost none for one a second', () => {
    const wecom = CHANNEL_PACE.wechat({});
    const t = paceIntervalMs(wecom) as number;
    expect(lateToleranceMs(wecom, t)).toBe(Math.floor(t / 2));
    const single = CHANNEL_PACE.telegram({ telegramChatId: '42' });
    expect(lateToleranceMs(single, paceIntervalMs(single) as number)).toBeLessThan(50);
  });
});
