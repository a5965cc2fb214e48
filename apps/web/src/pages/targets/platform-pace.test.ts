import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/locales/en.ts';
import { describePlatformPace, ownPaceHasEffect, parsePace, platformPerMinute } from './platform-pace.ts';

/** Just enough of i18next for `targets.pace.*`: the English text with its placeholders filled. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], en) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

describe('a platform’s own pace', () => {
  it('is described from the channel’s declared limits', () => {
    expect(describePlatformPace('wechat', t)).toBe('20/min');
    expect(describePlatformPace('dingtalk', t)).toBe('20/min (throttled for 10 min beyond)');
    expect(describePlatformPace('feishu', t)).toBe('100/min and 5/s');
    expect(describePlatformPace('telegram', t)).toBe('20/min in groups and channels, 1/s in private chats');
    expect(describePlatformPace('custom', t)).toBe('unlimited');
    expect(describePlatformPace('telegram', t, '-100123')).toBe('20/min');
    expect(describePlatformPace('telegram', t, '@channel')).toBe('20/min');
    expect(describePlatformPace('telegram', t, '12345')).toBe('1/s');
  });

  it('caps what a pace of its own can do', () => {
    expect(platformPerMinute('feishu')).toBe(100);
    expect(platformPerMinute('telegram', '-100123')).toBe(20);
    expect(platformPerMinute('telegram', '12345')).toBe(60);
    expect(platformPerMinute('custom')).toBe(Infinity);
    expect(ownPaceHasEffect('wechat', null, 19)).toBe(true);
    expect(ownPaceHasEffect('wechat', null, 20)).toBe(false);
    expect(ownPaceHasEffect('custom', null, 600)).toBe(true);
  });

  it('reads the pace field: empty is the platform’s pace, else a whole number', () => {
    expect(parsePace('  ')).toEqual({ value: null });
    expect(parsePace(' 12 ')).toEqual({ value: 12 });
    expect(parsePace('1.5')).toEqual({ error: 'notWhole' });
    expect(parsePace('-3')).toEqual({ error: 'notWhole' });
  });
});
