import type { TargetView } from '@herald/core';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/locales/en.ts';
import {
  describePlatformPace,
  ownPaceHasEffect,
  parsePace,
  plainConfigOf,
  platformPerMinute,
} from './platform-pace.ts';

/** Just enough of i18next for `targets.pace.*`: the English text with its placeholders filled. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], en) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

describe('a platform’s own pace', () => {
  it('is described from the channel’s declared limits', () => {
    expect(describePlatformPace('wechat', t, 'en')).toBe('20/min');
    expect(describePlatformPace('dingtalk', t, 'en')).toBe('20/min (throttled for 10 min beyond)');
    expect(describePlatformPace('feishu', t, 'en')).toBe('100/min and 5/s');
    expect(describePlatformPace('custom', t, 'en')).toBe('unlimited');
  });

  it('names every case while the setting it depends on is not given, then the one that applies', () => {
    expect(describePlatformPace('telegram', t, 'en')).toBe('20/min in groups and channels, 1/s in private chats');
    expect(describePlatformPace('telegram', t, 'en', { telegramChatId: '' })).toBe(
      '20/min in groups and channels, 1/s in private chats',
    );
    // The cases' sentence is the channel's own, in the language asked (limits in this test's English words).
    expect(describePlatformPace('telegram', t, 'ja')).toBe('グループとチャンネルでは 20/min、個人チャットでは 1/s');
    expect(describePlatformPace('telegram', t, 'en', { telegramChatId: '-100123' })).toBe('20/min');
    expect(describePlatformPace('telegram', t, 'en', { telegramChatId: '@channel' })).toBe('20/min');
    expect(describePlatformPace('telegram', t, 'en', { telegramChatId: '12345', telegramTopicId: null })).toBe('1/s');
  });

  it('reads a stored target’s plain settings, never its secrets', () => {
    const target = {
      providerType: 'telegram',
      telegramBotToken: { set: true, hint: 'AbCd' },
      telegramChatId: '12345',
      telegramTopicId: null,
      webhookUrl: { set: false, hint: null },
    } as unknown as TargetView;
    expect(plainConfigOf(target)).toEqual({ telegramChatId: '12345', telegramTopicId: null });
    expect(describePlatformPace('telegram', t, 'en', plainConfigOf(target))).toBe('1/s');
  });

  it('caps what a pace of its own can do', () => {
    expect(platformPerMinute('feishu')).toBe(100);
    expect(platformPerMinute('telegram', { telegramChatId: '-100123' })).toBe(20);
    expect(platformPerMinute('telegram', { telegramChatId: '12345' })).toBe(60);
    expect(platformPerMinute('custom')).toBe(Infinity);
    expect(ownPaceHasEffect('wechat', {}, 19)).toBe(true);
    expect(ownPaceHasEffect('wechat', {}, 20)).toBe(false);
    expect(ownPaceHasEffect('telegram', { telegramChatId: '12345' }, 30)).toBe(true);
    expect(ownPaceHasEffect('custom', {}, 600)).toBe(true);
  });

  it('reads the pace field: empty is the platform’s pace, else a whole number', () => {
    expect(parsePace('  ')).toEqual({ value: null });
    expect(parsePace(' 12 ')).toEqual({ value: 12 });
    expect(parsePace('1.5')).toEqual({ error: 'notWhole' });
    expect(parsePace('-3')).toEqual({ error: 'notWhole' });
  });
});
