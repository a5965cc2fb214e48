import {
  CHANNEL_PACE,
  type ChannelPace,
  type ChannelType,
  channelOf,
  isSecretKind,
  type TargetView,
} from '@herald/core';
import type { TFunction } from 'i18next';
import { channelUi } from '../../channels/index.ts';
import type { Language } from '../../i18n/languages.ts';

const MINUTE = 60_000;

/** A target's settings that are not secret: what a platform's pace may depend on. */
export type PlainConfig = Record<string, unknown>;

/** The stored target's plain settings (its channel's fields that are not secret). */
export function plainConfigOf(target: TargetView): PlainConfig {
  const fields = channelOf(target.providerType).fields;
  const view = target as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, spec]) => !isSecretKind(spec.kind))
      .map(([name]) => [name, view[name] ?? null]),
  );
}

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

const isGiven = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The platform's own limit as documented. When it depends on a setting the config does not give
 * yet (a Telegram chat id), each case the channel names is described; otherwise the one that applies.
 */
export function describePlatformPace(
  type: ChannelType,
  t: TFunction,
  language: Language,
  config: PlainConfig = {},
): string {
  const cases = channelUi(type).paceCases;
  const settled =
    !cases || Object.values(cases.configs).every((sample) => Object.keys(sample).every((k) => isGiven(config[k])));
  if (settled) return paceText(CHANNEL_PACE[type](config), t);
  return cases.text[language].replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const sample = cases.configs[key];
    return sample ? paceText(CHANNEL_PACE[type]({ ...config, ...sample }), t) : whole;
  });
}

/** The most messages a minute the platform takes from this target (Infinity: no limit). */
export function platformPerMinute(type: ChannelType, config: PlainConfig = {}): number {
  const pace = CHANNEL_PACE[type](config);
  return Math.min(Infinity, ...pace.limits.map((l) => (l.max * MINUTE) / l.windowMs));
}

/** A pace of its own only slows a target: one at or above the platform's changes nothing. */
export function ownPaceHasEffect(type: ChannelType, config: PlainConfig, own: number): boolean {
  return own < platformPerMinute(type, config);
}

/** The pace field's text as the number to send: '' is null (the platform's pace); otherwise a whole number or why not. */
export function parsePace(text: string): { value: number | null } | { error: 'notWhole' } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  return /^\d+$/.test(trimmed) ? { value: Number(trimmed) } : { error: 'notWhole' };
}
