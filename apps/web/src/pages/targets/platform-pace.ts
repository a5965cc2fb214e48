import { CHANNEL_PACE, type ChannelPace, type ChannelType } from '@herald/core';
import type { TFunction } from 'i18next';

const MINUTE = 60_000;

/** Telegram's limits depend on the chat: a group (or channel) id, then a private chat's. */
const TELEGRAM_CHATS = { group: '-1', private: '1' } as const;

/** One platform limit in words: "20/min", "5/s", or "3 per 10 s". */
function limitText(limit: ChannelPace['limits'][number], t: TFunction): string {
  if (limit.windowMs === MINUTE) return t('targets.pace.perMinute', { n: limit.max });
  if (limit.windowMs === 1_000) return t('targets.pace.perSecond', { n: limit.max });
  return t('targets.pace.perWindow', { n: limit.max, seconds: limit.windowMs / 1_000 });
}

function paceText(pace: ChannelPace, t: TFunction): string {
  if (pace.limits.length === 0) return t('targets.pace.unlimited');
  const limits = pace.limits.map((l) => limitText(l, t)).join(t('targets.pace.and'));
  return pace.penaltyMs
    ? t('targets.pace.withPenalty', { limits, minutes: Math.round(pace.penaltyMs / MINUTE) })
    : limits;
}

/**
 * The platform's own limit as documented. Telegram's depends on the chat: with no chat id both are
 * named (groups, private chats); with one, the one that applies.
 */
export function describePlatformPace(type: ChannelType, t: TFunction, telegramChatId?: string | null): string {
  if (type === 'telegram' && telegramChatId) return paceText(CHANNEL_PACE.telegram({ telegramChatId }), t);
  if (type === 'telegram') {
    return t('targets.pace.telegram', {
      group: paceText(CHANNEL_PACE.telegram({ telegramChatId: TELEGRAM_CHATS.group }), t),
      private: paceText(CHANNEL_PACE.telegram({ telegramChatId: TELEGRAM_CHATS.private }), t),
    });
  }
  return paceText(CHANNEL_PACE[type]({}), t);
}

/** The most messages a minute the platform takes from this target (Infinity: no limit). */
export function platformPerMinute(type: ChannelType, telegramChatId?: string | null): number {
  const pace = CHANNEL_PACE[type]({ telegramChatId: telegramChatId ?? null });
  return Math.min(Infinity, ...pace.limits.map((l) => (l.max * MINUTE) / l.windowMs));
}

/** A pace of its own only slows a target: one at or above the platform's changes nothing. */
export function ownPaceHasEffect(type: ChannelType, telegramChatId: string | null | undefined, own: number): boolean {
  return own < platformPerMinute(type, telegramChatId);
}

/** The pace field's text as the number to send: '' is null (the platform's pace); otherwise a whole number or why not. */
export function parsePace(text: string): { value: number | null } | { error: 'notWhole' } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  return /^\d+$/.test(trimmed) ? { value: Number(trimmed) } : { error: 'notWhole' };
}
